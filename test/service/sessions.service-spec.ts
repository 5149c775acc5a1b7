import { DataSource } from 'typeorm';
import { AuthService } from '../../src/auth/login/auth.service';
import { ActiveSessionsService } from '../../src/auth/sessions/active-sessions.service';
import { SessionEntity } from '../../src/auth/sessions/session.entity';
import { SessionsService } from '../../src/auth/sessions/sessions.service';
import { SignInMethod } from '../../src/auth/sessions/sign-in-method';
import { ApiErrorCode } from '../../src/common/errors/api-error-code';
import { SecurityEventType } from '../../src/security-events/security-event-type';
import { SecurityPolicyService } from '../../src/security-policy/security-policy.service';
import { agent, Agent } from './support/factory';
import { META, Medium, apiCodeOf, startServices } from './support/medium';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Session limits of the policy and the lastSeenAt rule (API.md Part 2), moving the clock. */
describe('sessions (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let sessions: SessionsService;
  let policies: SecurityPolicyService;
  let admin: Agent;

  beforeAll(async () => {
    m = await startServices();
    sessions = m.get(SessionsService);
    policies = m.get(SecurityPolicyService);
    admin = await agent(m).admin().build();
  });
  afterAll(async () => m?.close());
  afterEach(async () => {
    await policies.update(admin.user.id, { clearSessionIdle: true, sessionMaxHours: 12 }, META);
  });

  const row = (id: string) => m.get(DataSource).getRepository(SessionEntity).findOneByOrFail({ id });

  it('records browser, OS, IP, how it was opened and when it was last seen', async () => {
    const a = await agent(m).build();
    const { session } = await sessions.issue(a.user.id, { ip: '198.51.100.7', userAgent: CHROME_MAC }, { signedInWith: SignInMethod.TWO_FACTOR });
    expect(await row(session.id)).toMatchObject({ browser: 'Chrome 131', os: 'macOS', ip: '198.51.100.7', signedInWith: 'TWO_FACTOR' });
    expect((await row(session.id)).lastSeenAt!.getTime()).toBe(session.createdAt.getTime());
  });

  it('lastSeenAt is written at most once a minute', async () => {
    const a = await agent(m).build();
    const { token, session } = await sessions.issue(a.user.id, META);
    const seen = async () => (await row(session.id)).lastSeenAt!.getTime();
    const start = await seen();
    m.clock.advance(59_000);
    await sessions.touch((await sessions.resolve(token))!);
    expect(await seen()).toBe(start);
    m.clock.advance(2_000);
    await sessions.touch((await sessions.resolve(token))!);
    expect(await seen()).toBe(m.clock.ms());
    // A stale copy of the row (another request, another instance) does not write again.
    const stale = Object.assign(new SessionEntity(), session, { lastSeenAt: new Date(start) });
    m.clock.advance(1_000);
    await sessions.touch(stale);
    expect(await seen()).toBe(m.clock.ms() - 1_000);
  });

  it('idle minutes: alive just before, ended at the limit, and ended for good when the policy loosens', async () => {
    await policies.update(admin.user.id, { sessionIdleMinutes: 5 }, META);
    const a = await agent(m).build();
    const { token } = await sessions.issue(a.user.id, META);
    m.clock.advance(5 * MIN - 1_000);
    const s = await sessions.resolve(token);
    expect(s).not.toBeNull();
    await sessions.touch(s!);
    m.clock.advance(5 * MIN - 1_000);
    expect(await sessions.resolve(token)).not.toBeNull(); // counted from the last request, not sign-in
    m.clock.advance(1_000);
    expect(await sessions.resolve(token)).toBeNull();
    await policies.update(admin.user.id, { sessionIdleMinutes: 60 }, META);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('no idle limit by default; the absolute limit counts from sign-in whatever the activity', async () => {
    await policies.update(admin.user.id, { sessionMaxHours: 2 }, META);
    const a = await agent(m).build();
    const { token, session } = await sessions.issue(a.user.id, META);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(2 * HOUR);
    for (let i = 0; i < 3; i++) {
      m.clock.advance(40 * MIN - 1_000);
      const s = await sessions.resolve(token);
      expect(s).not.toBeNull();
      await sessions.touch(s!);
    }
    m.clock.advance(3_000); // 2 hours after sign-in
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('a shorter sessionMaxHours saved later ends older sessions at once', async () => {
    const a = await agent(m).build();
    const { token } = await sessions.issue(a.user.id, META);
    m.clock.advance(3 * HOUR);
    expect(await sessions.resolve(token)).not.toBeNull();
    await policies.update(admin.user.id, { sessionMaxHours: 2 }, META);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('sign-ins record how they were opened: password, SSO, a trusted device', async () => {
    const a = await agent(m).build();
    const auth = m.get(AuthService);
    const signIn = async (opts: Parameters<AuthService['completeFirstFactor']>[2]) => {
      const r = await auth.completeFirstFactor(a.user, META, opts);
      if (r.kind !== 'session') throw new Error('expected a session');
      return (await sessions.resolve(r.token))!.signedInWith;
    };
    expect(await signIn({ event: SecurityEventType.LOGIN, requireSecondFactor: true })).toBe(SignInMethod.PASSWORD);
    expect(await signIn({ event: SecurityEventType.SSO_LOGIN, requireSecondFactor: false, via: 'SSO' })).toBe(SignInMethod.SSO);
    expect(await signIn({ event: SecurityEventType.LOGIN, requireSecondFactor: false, signedInWith: SignInMethod.TRUSTED_DEVICE })).toBe(SignInMethod.TRUSTED_DEVICE);
  });

  it('a user lists and ends only their own sessions; the list leaves out ended ones', async () => {
    const owner = await agent(m).build();
    const stranger = await agent(m).build();
    const active = m.get(ActiveSessionsService);
    const one = await sessions.issue(owner.user.id, META);
    const two = await sessions.issue(owner.user.id, META);
    expect(await apiCodeOf(active.revokeMine(stranger.user.id, one.session.id, META))).toBe(ApiErrorCode.NOT_FOUND);
    expect((await active.listMine(owner.user.id)).map((s) => s.id).sort()).toEqual([one.session.id, two.session.id].sort());
    await active.revokeMine(owner.user.id, one.session.id, META);
    expect((await active.listMine(owner.user.id)).map((s) => s.id)).toEqual([two.session.id]);
    expect(await sessions.resolve(one.token)).toBeNull();
    expect(await active.revokeOthers(owner.user.id, two.session.id, META)).toBe(0);
  });
});
