import { AuthService } from '../../src/auth/login/auth.service';
import { SessionsService } from '../../src/auth/sessions/sessions.service';
import { BackupCodesService } from '../../src/backup-codes/backup-codes.service';
import { ApiErrorCode } from '../../src/common/errors/api-error-code';
import { EmailCodeFactor, EmailCodePurpose, TwoFactorMethod, TwoFactorService } from '../../src/two-factor';
import { totpFor } from '../support/totp';
import { agent, Agent } from './support/factory';
import { META, Medium, apiCodeOf, startServices } from './support/medium';

const MINUTE = 60_000;

/** The rules of API.md, on the real services and database, with the clock under the test's control. */
describe('two-factor rules (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let auth: AuthService;

  beforeAll(async () => {
    m = await startServices();
    auth = m.get(AuthService);
  });
  afterAll(async () => m?.close());

  const wrongTotp = (a: Agent) => {
    const valid = [-1, 0, 1].map((d) => totpFor(a.totpSecret!, m.clock.ms() + d * 30_000));
    let n = 0;
    while (valid.includes(String(n).padStart(6, '0'))) n++;
    return String(n).padStart(6, '0');
  };
  async function challenge(a: Agent): Promise<string> {
    const r = await auth.login(a.user.email, a.password, META);
    if (r.kind !== 'challenge') throw new Error('expected a challenge');
    return r.challengeToken;
  }

  it('the 10th failure in a row (itself INVALID_CODE) locks code checks for 15 minutes; then a fresh run starts', async () => {
    const a = await agent(m).withTotp().build();
    const session = await m.get(SessionsService).issue(a.user.id, META);
    const reauth = (code: string) => auth.reauthenticate(a.user.id, session.session.id, { method: TwoFactorMethod.TOTP, code }, META);
    for (let i = 0; i < 10; i++) expect(await apiCodeOf(reauth(wrongTotp(a)))).toBe(ApiErrorCode.INVALID_CODE);
    expect(await apiCodeOf(reauth(totpFor(a.totpSecret!, m.clock.ms() + 30_000)))).toBe(ApiErrorCode.TOO_MANY_ATTEMPTS);
    m.clock.advance(15 * MINUTE - 1_000);
    expect(await apiCodeOf(reauth(totpFor(a.totpSecret!, m.clock.ms())))).toBe(ApiErrorCode.TOO_MANY_ATTEMPTS);
    m.clock.advance(1_000);
    expect(await apiCodeOf(reauth(totpFor(a.totpSecret!, m.clock.ms())))).toBe('OK');
  });

  it('a success resets the count: 9 wrong, 1 right, 9 wrong does not lock', async () => {
    const a = await agent(m).withTotp().build();
    const session = await m.get(SessionsService).issue(a.user.id, META);
    const reauth = (code: string) => auth.reauthenticate(a.user.id, session.session.id, { method: TwoFactorMethod.TOTP, code }, META);
    for (let i = 0; i < 9; i++) await apiCodeOf(reauth(wrongTotp(a)));
    m.clock.advance(30_000); // a fresh step: the enrolment's step was used
    expect(await apiCodeOf(reauth(totpFor(a.totpSecret!, m.clock.ms())))).toBe('OK');
    for (let i = 0; i < 9; i++) expect(await apiCodeOf(reauth(wrongTotp(a)))).toBe(ApiErrorCode.INVALID_CODE);
    expect((await m.get(TwoFactorService).state(a.user.id)).lockedUntil).toBeNull();
  });

  it('a locked() account from the factory refuses even the right code', async () => {
    const a = await agent(m).withTotp().withBackupCodesLeft(3).locked().build();
    expect(a.unusedBackupCodes).toHaveLength(3);
    const token = await challenge(a);
    expect(await apiCodeOf(auth.verifyCode(token, TwoFactorMethod.BACKUP_CODE, a.unusedBackupCodes[0], META))).toBe(ApiErrorCode.TOO_MANY_ATTEMPTS);
    expect(await m.get(BackupCodesService).remaining(a.user.id)).toBe(3);
  });

  it('a challenge dies after 5 wrong codes, and expires after 5 minutes', async () => {
    const a = await agent(m).withTotp().build();
    const token = await challenge(a);
    for (let i = 0; i < 5; i++) expect(await apiCodeOf(auth.verifyCode(token, TwoFactorMethod.TOTP, wrongTotp(a), META))).toBe(ApiErrorCode.INVALID_CODE);
    expect(await apiCodeOf(auth.verifyCode(token, TwoFactorMethod.TOTP, totpFor(a.totpSecret!, m.clock.ms() + 30_000), META))).toBe(ApiErrorCode.CODE_EXPIRED);

    const late = await challenge(a);
    m.clock.advance(5 * MINUTE);
    expect(await apiCodeOf(auth.verifyCode(late, TwoFactorMethod.TOTP, totpFor(a.totpSecret!, m.clock.ms()), META))).toBe(ApiErrorCode.CODE_EXPIRED);
  });

  it('emailed codes: one mail per 30 s, a newer code voids the older (CODE_EXPIRED), 10 minutes of life', async () => {
    const a = await agent(m).withEmail().build();
    const email = m.get(EmailCodeFactor);
    await email.send(a.user, EmailCodePurpose.REAUTH);
    const first = m.mail.lastCode(a.user.email);
    expect(await apiCodeOf(email.send(a.user, EmailCodePurpose.REAUTH))).toBe(ApiErrorCode.TOO_MANY_ATTEMPTS);
    m.clock.advance(30_000);
    await email.send(a.user, EmailCodePurpose.REAUTH);
    const second = m.mail.lastCode(a.user.email);
    const session = await m.get(SessionsService).issue(a.user.id, META);
    const reauth = (code: string) => auth.reauthenticate(a.user.id, session.session.id, { method: TwoFactorMethod.EMAIL, code }, META);
    if (first !== second) expect(await apiCodeOf(reauth(first))).toBe(ApiErrorCode.CODE_EXPIRED);
    m.clock.advance(10 * MINUTE);
    expect(await apiCodeOf(reauth(second))).toBe(ApiErrorCode.CODE_EXPIRED);
    m.clock.advance(31_000);
    await email.send(a.user, EmailCodePurpose.REAUTH);
    expect(await apiCodeOf(reauth(m.mail.lastCode(a.user.email)))).toBe('OK');
  });

  it('recent authentication lasts 10 minutes', async () => {
    const a = await agent(m).build();
    const sessions = m.get(SessionsService);
    const { session } = await sessions.issue(a.user.id, META);
    expect(sessions.isRecent(session.recentAuthAt)).toBe(true);
    m.clock.advance(10 * MINUTE - 1);
    expect(sessions.isRecent(session.recentAuthAt)).toBe(true);
    m.clock.advance(1);
    expect(sessions.isRecent(session.recentAuthAt)).toBe(false);
  });

  it("backup codes: single use, and user B cannot use user A's codes", async () => {
    const a = await agent(m).withTotp().build();
    const b = await agent(m).withTotp().build();
    const codes = m.get(BackupCodesService);
    expect(await codes.redeem(b.user.id, a.backupCodes[0])).toBeNull();
    expect(await codes.redeem(a.user.id, a.backupCodes[0].toUpperCase().replace('-', ' '))).toBe(9);
    expect(await codes.redeem(a.user.id, a.backupCodes[0])).toBeNull();
  });
});
