import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf } from './support/gql';
import { CONFIRM_EMAIL, CONFIRM_TOTP, ENABLE_TOTP, LOGIN, REAUTH, VERIFY_CODE } from './support/operations';
import { SEND_LOGIN_CODE_LIMITS, SETUP_EMAIL_LIMITS, VERIFY_CODE_LIMITS } from './support/signin-limits-operations';
import { totpFor } from './support/totp';

type Agent = Awaited<ReturnType<typeof createAgent>>;

/**
 * Issue 15, "Limits that mislead", at the API: what the pages need to say the limits as they are.
 * Tries left on a wrong code and on the challenge; a challenge stopped by wrong codes is
 * CODE_EXPIRED with `reason: TOO_MANY_TRIES` (not "expired"); a lock is told on the challenge with
 * its end, and mailed once; a replayed TOTP code has its own reason; the re-send limit says when
 * the next send is allowed and whether the mailed code still waits; a backup-code sign-in says how
 * many codes are left.
 */
describe('sign-in limits that say what happened', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const allowResend = (userId: string) =>
    t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), userId]);
  const eventCount = async (userId: string, type: string) =>
    Number(((await t.db.query('SELECT COUNT(*) AS n FROM security_events WHERE user_id = ? AND type = ?', [userId, type])) as Array<{ n: number | string }>)[0].n);

  /** A 6-digit code that is none of the secret's codes around now. */
  const wrongCode = (secret: string, i = 0) => {
    const near = [-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpFor(secret, Date.now() + d));
    let c = String((i * 7919 + 424242) % 1_000_000).padStart(6, '0');
    while (near.includes(c)) c = String((Number(c) + 1) % 1_000_000).padStart(6, '0');
    return c;
  };

  async function withTotp(a: Agent): Promise<{ secret: string; setupCode: string; backupCodes: string[] }> {
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    const setupCode = totpFor(enableTotp.secret);
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: setupCode });
    return { secret: enableTotp.secret, setupCode, backupCodes: confirmTotp.backupCodes };
  }

  async function challengeFor(a: Agent) {
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.__typename).toBe('TwoFactorChallenge');
    return login;
  }

  it('a challenge counts its tries down; after the 5th wrong code even the right one is told the attempt was stopped', async () => {
    const a = await createAgent(t);
    const { secret } = await withTotp(a);
    const challenge = await challengeFor(a);
    expect(challenge).toMatchObject({ attemptsLeft: 5, lockedUntil: null });

    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const e = await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'TOTP', code: wrongCode(secret, i) });
      expect(codeOf(e)).toBe('INVALID_CODE');
      left.push(e.extensions!.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);

    const stopped = await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(codeOf(stopped)).toBe('CODE_EXPIRED');
    expect(stopped.extensions).toMatchObject({ reason: 'TOO_MANY_TRIES', attemptsLeft: 0 });
    expect(stopped.message).toBe('Too many wrong codes: this sign-in attempt was stopped; sign in again');
    expect(stopped.message).not.toMatch(/expired/);
  });

  it('a lock is said on the wrong code that starts it, mailed once with its end, and told on the next challenge before any code', async () => {
    const a = await createAgent(t, { displayName: 'Lena Locked' });
    const { secret } = await withTotp(a);
    const before = t.smtp.to(a.email).length;

    // 5 + 2 wrong codes: the next challenge says only 3 are left before the account locks.
    const first = await challengeFor(a);
    for (let i = 0; i < 5; i++) await t.gql.fail(VERIFY_CODE, { challengeToken: first.challengeToken, method: 'TOTP', code: wrongCode(secret, i) });
    const second = await challengeFor(a);
    expect(second.attemptsLeft).toBe(5);
    for (let i = 0; i < 2; i++) await t.gql.fail(VERIFY_CODE, { challengeToken: second.challengeToken, method: 'TOTP', code: wrongCode(secret, 10 + i) });
    const third = await challengeFor(a);
    expect(third).toMatchObject({ attemptsLeft: 3, lockedUntil: null });

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await t.gql.fail(VERIFY_CODE, { challengeToken: third.challengeToken, method: 'TOTP', code: wrongCode(secret, 20 + i) }));
    expect(answers.map(codeOf)).toEqual(['INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE']);
    expect(answers.map((e) => e.extensions!.attemptsLeft)).toEqual([2, 1, 0]);
    expect(answers[1].extensions!.lockedUntil).toBeUndefined();
    const lockedUntil = answers[2].extensions!.lockedUntil as string;
    expect(new Date(lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(new Date(lockedUntil).getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);

    // The mail: when it ends, and who can help.
    const mail = await t.smtp.waitFor(a.email, (m) => /locked/i.test(m.subject), before);
    expect(mail.subject).toBe('Sign-in codes for your account are locked');
    expect(mail.text).toContain(`locked until ${new Date(lockedUntil).toUTCString()}`);
    expect(mail.text).toMatch(/An administrator can unlock your account sooner/);
    expect(mail.text).toMatch(/change your password/);
    expect(await eventCount(a.id, 'ACCOUNT_LOCKED')).toBe(1);

    // The next challenge says it before any code is typed.
    const fourth = await challengeFor(a);
    expect(fourth.attemptsLeft).toBe(0);
    expect(fourth.lockedUntil).toBe(lockedUntil);
    // Any answer, even the right code, is the lock with its end.
    const refused = await t.gql.fail(VERIFY_CODE, { challengeToken: fourth.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.extensions).toMatchObject({ reason: 'ACCOUNT_LOCKED', lockedUntil });
    expect(refused.message).toMatch(/An administrator can unlock the account sooner/);
    // One mail for one lock, however many refusals follow.
    expect(t.smtp.to(a.email).slice(before).filter((m) => /locked/i.test(m.subject))).toHaveLength(1);
  });

  it('a TOTP code replayed within its step is INVALID_CODE with its own reason and sentence; a wrong one is not', async () => {
    const a = await createAgent(t);
    const { secret, setupCode } = await withTotp(a);
    const challenge = await challengeFor(a);
    const replay = await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'TOTP', code: setupCode });
    expect(codeOf(replay)).toBe('INVALID_CODE');
    expect(replay.message).toBe('That code was already used; wait for the next one');
    expect(replay.extensions).toMatchObject({ reason: 'ALREADY_USED', attemptsLeft: 4 });
    const wrong = await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'TOTP', code: wrongCode(secret) });
    expect(wrong.message).toBe('The code is not correct');
    expect(wrong.extensions!.reason).toBeUndefined();
    // The same in re-authentication.
    const again = await a.client.fail(REAUTH, { method: 'TOTP', code: setupCode });
    expect(again.extensions).toMatchObject({ code: 'INVALID_CODE', reason: 'ALREADY_USED' });
  });

  it('the re-send limit says when the next send is allowed and whether the mailed code waits; that code still works', async () => {
    const a = await createAgent(t);
    // Set up: the delivery says when another code may be sent.
    let n = t.smtp.to(a.email).length;
    const { setupEmailTwoFactor } = await a.client.ok(SETUP_EMAIL_LIMITS);
    const wait = new Date(setupEmailTwoFactor.resendAvailableAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    const setupCode = await t.smtp.code(a.email, n);
    // "Cancel → Set up again" within the wait: refused with the wait and "your code still waits".
    const again = await a.client.fail(SETUP_EMAIL_LIMITS);
    expect(codeOf(again)).toBe('TOO_MANY_ATTEMPTS');
    expect(again.extensions).toMatchObject({ reason: 'RESEND_TOO_SOON', codePending: true });
    expect(again.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(again.extensions!.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(Math.abs(new Date(again.extensions!.resendAvailableAt as string).getTime() - new Date(setupEmailTwoFactor.resendAvailableAt).getTime())).toBeLessThan(2_000);
    await a.client.ok(CONFIRM_EMAIL, { code: setupCode });

    // Sign-in: the same for the challenge's code; another challenge has no code of its own waiting.
    await allowResend(a.id);
    const challenge = await challengeFor(a);
    n = t.smtp.to(a.email).length;
    await t.gql.ok(SEND_LOGIN_CODE_LIMITS, { challengeToken: challenge.challengeToken });
    const loginCode = await t.smtp.code(a.email, n);
    const resend = await t.gql.fail(SEND_LOGIN_CODE_LIMITS, { challengeToken: challenge.challengeToken });
    expect(resend.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', reason: 'RESEND_TOO_SOON', codePending: true });
    const other = await challengeFor(a);
    const elsewhere = await t.gql.fail(SEND_LOGIN_CODE_LIMITS, { challengeToken: other.challengeToken });
    expect(elsewhere.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', reason: 'RESEND_TOO_SOON', codePending: false });
    const { verifyCode } = await t.gql.ok(VERIFY_CODE_LIMITS, { challengeToken: challenge.challengeToken, method: 'EMAIL', code: loginCode });
    expect(verifyCode.token).toBeTruthy();
    expect(verifyCode.backupCodesRemaining).toBeNull();
  });

  it('an emailed code dies after its 5 wrong tries with its own reason', async () => {
    const a = await createAgent(t);
    const n = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL_LIMITS);
    const code = await t.smtp.code(a.email, n);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(codeOf(await a.client.fail(CONFIRM_EMAIL, { code: wrong }))).toBe('INVALID_CODE');
    const dead = await a.client.fail(CONFIRM_EMAIL, { code });
    expect(dead.extensions).toMatchObject({ code: 'CODE_EXPIRED', reason: 'CODE_TOO_MANY_TRIES' });
  });

  it('a backup-code sign-in says how many codes are left; other sign-ins do not', async () => {
    const a = await createAgent(t);
    const { secret, backupCodes } = await withTotp(a);
    const one = await challengeFor(a);
    const { verifyCode } = await t.gql.ok(VERIFY_CODE_LIMITS, { challengeToken: one.challengeToken, method: 'BACKUP_CODE', code: backupCodes[0] });
    expect(verifyCode.backupCodesRemaining).toBe(9);
    const two = await challengeFor(a);
    const byApp = await t.gql.ok(VERIFY_CODE_LIMITS, { challengeToken: two.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(byApp.verifyCode.backupCodesRemaining).toBeNull();
  });
});
