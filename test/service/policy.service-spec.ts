import { DataSource } from 'typeorm';
import { AuthService } from '../../src/auth/login/auth.service';
import { ApiErrorCode } from '../../src/common/errors/api-error-code';
import { EnrollmentService } from '../../src/security-policy/enrollment.service';
import { SecurityPolicyService } from '../../src/security-policy/security-policy.service';
import { SecuritySettingsService } from '../../src/security-settings/security-settings.service';
import { TwoFactorMethod } from '../../src/two-factor';
import { Role } from '../../src/users/role.enum';
import { UserEntity } from '../../src/users/user.entity';
import { agent, Agent } from './support/factory';
import { META, Medium, apiCodeOf, startServices } from './support/medium';

const DAY = 86_400_000;

/** The grace and deadline rules of the security policy (API.md Part 2), moving the clock. */
describe('security policy rules (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let policies: SecurityPolicyService;
  let enrollment: EnrollmentService;
  let admin: Agent;

  beforeAll(async () => {
    m = await startServices();
    policies = m.get(SecurityPolicyService);
    enrollment = m.get(EnrollmentService);
    admin = await agent(m).admin().withTotp().build();
  });
  afterAll(async () => m?.close());
  afterEach(async () => {
    await policies.update(admin.user.id, { requireTwoFactor: [], gracePeriodDays: 14, allowedMethods: [TwoFactorMethod.EMAIL, TwoFactorMethod.TOTP, TwoFactorMethod.WEBAUTHN], phishingResistantFor: [] }, META);
  });

  /** Accounts are stamped with the real time on creation; put them where the fake clock is. */
  const createdAt = async (a: Agent, at: Date) => {
    await m.get(DataSource).getRepository(UserEntity).update({ id: a.user.id }, { createdAt: at });
    a.user.createdAt = at;
  };

  it('grace runs from the policy change for older accounts: restricted exactly at the deadline', async () => {
    const a = await agent(m).build();
    await createdAt(a, new Date(m.clock.ms() - 100 * DAY));
    const changedAt = m.clock.ms();
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT], gracePeriodDays: 14 }, META);
    let s = await enrollment.stateFor(a.user);
    expect(s).toMatchObject({ required: true, compliant: false, restricted: false });
    expect(s.deadline!.getTime()).toBe(changedAt + 14 * DAY);
    m.clock.advance(14 * DAY - 1_000);
    expect((await enrollment.stateFor(a.user)).restricted).toBe(false);
    m.clock.advance(1_000);
    s = await enrollment.stateFor(a.user);
    expect(s.restricted).toBe(true);
    // Later saves that keep AGENT required keep its start: the deadline does not move.
    await policies.update(admin.user.id, { sessionMaxHours: 8 }, META);
    expect((await enrollment.stateFor(a.user)).deadline!.getTime()).toBe(changedAt + 14 * DAY);
    // A longer grace moves every deadline with it.
    await policies.update(admin.user.id, { gracePeriodDays: 30 }, META);
    expect((await enrollment.stateFor(a.user)).restricted).toBe(false);
  });

  it('an account created after the policy change gets its own full grace', async () => {
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT], gracePeriodDays: 7 }, META);
    m.clock.advance(30 * DAY);
    const a = await agent(m).build();
    await createdAt(a, m.clock.now());
    const s = await enrollment.stateFor(a.user);
    expect(s.deadline!.getTime()).toBe(m.clock.ms() + 7 * DAY);
    expect(s.restricted).toBe(false);
    m.clock.advance(7 * DAY);
    expect((await enrollment.stateFor(a.user)).restricted).toBe(true);
  });

  it('a role dropped from requireTwoFactor and added back starts a new grace', async () => {
    const a = await agent(m).build();
    await createdAt(a, new Date(m.clock.ms() - DAY));
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT], gracePeriodDays: 1 }, META);
    m.clock.advance(2 * DAY);
    expect((await enrollment.stateFor(a.user)).restricted).toBe(true);
    await policies.update(admin.user.id, { requireTwoFactor: [] }, META);
    expect(await enrollment.stateFor(a.user)).toMatchObject({ required: false, deadline: null, restricted: false });
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT] }, META);
    expect((await enrollment.stateFor(a.user)).deadline!.getTime()).toBe(m.clock.ms() + DAY);
  });

  it('enrolling an allowed method makes the account compliant; a disallowed one does not count', async () => {
    const a = await agent(m).withEmail().build();
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT], gracePeriodDays: 0, allowedMethods: [TwoFactorMethod.TOTP] }, META);
    expect((await enrollment.stateFor(a.user)).restricted).toBe(true);
    const settings = m.get(SecuritySettingsService);
    expect(await apiCodeOf(settings.setupEmail(a.user.id))).toBe(ApiErrorCode.FORBIDDEN);
    // Not offered at sign-in either: no allowed method is on, so no challenge.
    expect((await m.get(AuthService).login(a.user.email, a.password, META)).kind).toBe('session');
    const b = await agent(m).withTotp().build();
    expect(await enrollment.stateFor(b.user)).toMatchObject({ required: true, compliant: true, deadline: null, restricted: false });
  });

  it('counts: in grace until the deadline, then only non-compliant', async () => {
    const base = await enrollment.counts();
    await agent(m).build();
    await agent(m).build();
    await policies.update(admin.user.id, { requireTwoFactor: [Role.AGENT], gracePeriodDays: 10 }, META);
    const during = await enrollment.counts();
    expect(during.nonCompliant - during.inGracePeriod).toBe(0);
    expect(during.nonCompliant).toBeGreaterThanOrEqual(2 + base.nonCompliant);
    m.clock.advance(10 * DAY);
    const after = await enrollment.counts();
    expect(after.inGracePeriod).toBe(0);
    expect(after.nonCompliant).toBe(during.nonCompliant);
  });

  it('self-lockout: refused only when the saving admin would be restricted at once', async () => {
    const bare = await agent(m).admin().build();
    expect(await apiCodeOf(policies.update(bare.user.id, { requireTwoFactor: [Role.ADMIN], gracePeriodDays: 0 }, META))).toBe(ApiErrorCode.CONFLICT);
    expect((await policies.current()).requireTwoFactor).toEqual([]);
    expect(await apiCodeOf(policies.update(bare.user.id, { requireTwoFactor: [Role.ADMIN], gracePeriodDays: 1 }, META))).toBe('OK');
    m.clock.advance(DAY);
    // Past their own deadline they could not reach the mutation (the guard); here the rule still refuses.
    expect(await apiCodeOf(policies.update(bare.user.id, { gracePeriodDays: 1 }, META))).toBe(ApiErrorCode.CONFLICT);
    // An admin with TOTP saves it; phishing-resistant (WEBAUTHN only) would leave them non-compliant.
    expect(await apiCodeOf(policies.update(admin.user.id, { gracePeriodDays: 0 }, META))).toBe('OK');
    expect(await apiCodeOf(policies.update(admin.user.id, { phishingResistantFor: [Role.ADMIN] }, META))).toBe(ApiErrorCode.CONFLICT);
  });
});
