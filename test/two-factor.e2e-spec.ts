import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import {
  BACKUP_CODES, CONFIRM_EMAIL, CONFIRM_TOTP, DISABLE_EMAIL, DISABLE_TOTP, ENABLE_TOTP, LOGIN, ME, MY_EVENTS, MY_SECURITY,
  REAUTH, REGENERATE, SEND_LOGIN_CODE, SEND_REAUTH_CODE, SETUP_EMAIL, VERIFY_CODE,
} from './support/operations';
import { totp, totpFor } from './support/totp';

type Agent = Awaited<ReturnType<typeof createAgent>>;

describe('two-factor authentication', () => {
  let t: TestApp;
  /** Every secret the run saw, to look for in the tables at the end. */
  const secretsSeen = { totp: new Set<string>(), backup: new Set<string>(), emailed: new Set<string>() };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const allowResend = (userId: string) =>
    t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), userId]);
  const staleSession = (userId: string) =>
    t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), userId]);
  const events = async (userId: string) =>
    (await t.db.query('SELECT type, detail FROM security_events WHERE user_id = ? ORDER BY created_at, id', [userId])) as Array<{ type: string; detail: string | null }>;

  async function enableEmail(a: Agent): Promise<string[]> {
    const before = t.smtp.to(a.email).length;
    const { setupEmailTwoFactor } = await a.client.ok(SETUP_EMAIL);
    const code = await t.smtp.code(a.email, before);
    secretsSeen.emailed.add(code);
    expect(setupEmailTwoFactor.sentTo).toBe(`${a.email[0]}***@example.com`);
    const { confirmEmailTwoFactor } = await a.client.ok(CONFIRM_EMAIL, { code });
    (confirmEmailTwoFactor.backupCodes ?? []).forEach((c: string) => secretsSeen.backup.add(c));
    return confirmEmailTwoFactor.backupCodes;
  }

  /** `confirmedAt`: the time whose step confirmed it (that step is spent). */
  async function enableTotp(a: Agent): Promise<{ secret: string; backupCodes: string[] | null; confirmedAt: number }> {
    const { enableTotp: e } = await a.client.ok(ENABLE_TOTP);
    secretsSeen.totp.add(e.secret);
    const confirmedAt = Date.now();
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: totpFor(e.secret, confirmedAt) });
    (confirmTotp.backupCodes ?? []).forEach((c: string) => secretsSeen.backup.add(c));
    return { secret: e.secret, backupCodes: confirmTotp.backupCodes, confirmedAt };
  }

  async function challenge(a: Agent): Promise<string> {
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.__typename).toBe('TwoFactorChallenge');
    return login.challengeToken;
  }

  it('the test TOTP matches the RFC 6238 SHA-1 vectors', () => {
    const seed = Buffer.from('12345678901234567890', 'ascii');
    expect(totp(seed, 59_000, 8)).toBe('94287082');
    expect(totp(seed, 1111111109_000, 8)).toBe('07081804');
    expect(totp(seed, 1234567890_000, 8)).toBe('89005924');
    expect(totp(seed, 2000000000_000, 8)).toBe('69279037');
  });

  it('email setup: a masked address, a mail with the code, wrong code refused, 10 backup codes on confirm', async () => {
    const a = await createAgent(t);
    const before = t.smtp.to(a.email).length;
    const { setupEmailTwoFactor } = await a.client.ok(SETUP_EMAIL);
    expect(setupEmailTwoFactor.sentTo).toMatch(/^a\*\*\*@example\.com$/);
    const code = await t.smtp.code(a.email, before);
    const mail = await t.smtp.waitFor(a.email, (m) => m.text.includes(code), before);
    expect(mail.text).toMatch(/valid for 10 minutes/);
    expect(mail.text).toMatch(/did not ask for this code/);
    expect(mail.html).toContain(code);
    secretsSeen.emailed.add(code);

    const wrong = await a.client.fail(CONFIRM_EMAIL, { code: code === '000000' ? '111111' : '000000' });
    expect(codeOf(wrong)).toBe('INVALID_CODE');

    const { confirmEmailTwoFactor } = await a.client.ok(CONFIRM_EMAIL, { code });
    expect(confirmEmailTwoFactor.backupCodes).toHaveLength(10);
    confirmEmailTwoFactor.backupCodes.forEach((c: string) => {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      secretsSeen.backup.add(c);
    });
    expect(confirmEmailTwoFactor.user.security).toMatchObject({
      twoFactorEnabled: true,
      email: { enabled: true },
      totp: { enabled: false, enabledAt: null },
      backupCodes: { total: 10, remaining: 10 },
    });
    // the code is single use
    expect(codeOf(await a.client.fail(CONFIRM_EMAIL, { code }))).toBe('CONFLICT');
    await t.smtp.waitFor(a.email, (m) => /by email is on/.test(m.subject), before);
    expect((await events(a.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['TWO_FACTOR_FAILED', 'EMAIL_2FA_ENABLED']));
  });

  it('emailed codes: a newer one voids the older, an expired one is CODE_EXPIRED, re-sending is limited', async () => {
    const a = await createAgent(t);
    let n = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const first = await t.smtp.code(a.email, n);
    const tooSoon = await a.client.fail(SETUP_EMAIL);
    expect(codeOf(tooSoon)).toBe('TOO_MANY_ATTEMPTS');
    expect(Number.isInteger(tooSoon.extensions!.retryAfterSeconds)).toBe(true);
    expect(tooSoon.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(tooSoon.extensions!.retryAfterSeconds).toBeLessThanOrEqual(30);

    await allowResend(a.id);
    n = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const second = await t.smtp.code(a.email, n);
    if (first !== second) expect(codeOf(await a.client.fail(CONFIRM_EMAIL, { code: first }))).toBe('CODE_EXPIRED');

    // Expiry after 10 minutes: test/service/two-factor-rules (the clock moves there, not the rows).
    expect((await a.client.ok(MY_SECURITY)).me.security.email.enabled).toBe(false);
  });

  it('an emailed code dies after 5 wrong tries', async () => {
    const a = await createAgent(t);
    const n = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const code = await t.smtp.code(a.email, n);
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect(codeOf(await a.client.fail(CONFIRM_EMAIL, { code: wrong }))).toBe('INVALID_CODE');
    expect(codeOf(await a.client.fail(CONFIRM_EMAIL, { code }))).toBe('CODE_EXPIRED');
  });

  it('TOTP setup: the QR code decodes to the otpauth URL; replaced pending secret; first method gives backup codes', async () => {
    const a = await createAgent(t);
    const { enableTotp: first } = await a.client.ok(ENABLE_TOTP);
    const { enableTotp: e } = await a.client.ok(ENABLE_TOTP);
    secretsSeen.totp.add(first.secret);
    secretsSeen.totp.add(e.secret);
    expect(e.secret).not.toBe(first.secret);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    const url = new URL(e.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/CloudCX:${a.email}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ secret: e.secret, issuer: 'CloudCX', algorithm: 'SHA1', digits: '6', period: '30' });

    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const png = PNG.sync.read(Buffer.from(e.qrCodeDataUrl.split(',')[1], 'base64'));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(e.otpauthUrl);

    // the replaced secret no longer confirms
    expect(codeOf(await a.client.fail(CONFIRM_TOTP, { code: totpFor(first.secret) }))).toBe('INVALID_CODE');
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: totpFor(e.secret) });
    expect(confirmTotp.backupCodes).toHaveLength(10);
    confirmTotp.backupCodes.forEach((c: string) => secretsSeen.backup.add(c));
    expect(confirmTotp.user.security).toMatchObject({ twoFactorEnabled: true, totp: { enabled: true }, email: { enabled: false } });

    // second method: no new codes
    const codes = await enableEmail(a);
    expect(codes).toBeNull();
  });

  it('login with TOTP; a replayed TOTP code is refused', async () => {
    const a = await createAgent(t);
    const { secret } = await enableTotp(a);
    const token = await challenge(a);
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.methods.sort()).toEqual(['BACKUP_CODE', 'TOTP']);
    // next step's code: the current one was spent by confirmTotp
    const code = totpFor(secret, Date.now() + 30_000);
    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: token, method: 'TOTP', code });
    expect(verifyCode.user.id).toBe(a.id);
    expect((await t.gql.withToken(verifyCode.token).ok(MY_SECURITY)).me.security.lastTwoFactorAt).not.toBeNull();
    // the challenge is single use, the code too
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token, method: 'TOTP', code }))).toBe('CODE_EXPIRED');
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'TOTP', code }))).toBe('INVALID_CODE');
    // EMAIL is not enabled for this account
    expect(codeOf(await t.gql.fail(SEND_LOGIN_CODE, { challengeToken: login.challengeToken }))).toBe('BAD_USER_INPUT');
  });

  it('login with an emailed code; the re-send limit applies', async () => {
    const a = await createAgent(t);
    await enableEmail(a);
    await allowResend(a.id);
    const token = await challenge(a);
    const n = t.smtp.to(a.email).length;
    const { sendLoginCode } = await t.gql.ok(SEND_LOGIN_CODE, { challengeToken: token });
    expect(sendLoginCode.sentTo).toBe(`${a.email[0]}***@example.com`);
    const code = await t.smtp.code(a.email, n);
    secretsSeen.emailed.add(code);
    const again = await t.gql.fail(SEND_LOGIN_CODE, { challengeToken: token });
    expect(codeOf(again)).toBe('TOO_MANY_ATTEMPTS');
    expect(Number.isInteger(again.extensions!.retryAfterSeconds)).toBe(true);
    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: token, method: 'EMAIL', code });
    expect((await t.gql.withToken(verifyCode.token).ok(ME)).me.id).toBe(a.id);
    expect((await events(a.id)).filter((e) => e.type === 'LOGIN').length).toBeGreaterThanOrEqual(2);
  });

  it('login with a backup code (any case, no separator); a used code is refused; the user is told', async () => {
    const a = await createAgent(t);
    const codes = await enableEmail(a);
    const token = await challenge(a);
    const n = t.smtp.to(a.email).length;
    const typed = codes[0].toUpperCase().replace('-', '');
    await t.gql.ok(VERIFY_CODE, { challengeToken: token, method: 'BACKUP_CODE', code: typed });
    const notice = await t.smtp.waitFor(a.email, (m) => /backup code was used/i.test(m.subject), n);
    expect(notice.text).toMatch(/9 backup codes left/);
    const token2 = await challenge(a);
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token2, method: 'BACKUP_CODE', code: codes[0] }))).toBe('INVALID_CODE');
    await t.gql.ok(VERIFY_CODE, { challengeToken: token2, method: 'BACKUP_CODE', code: ` ${codes[1]} ` });
    const { me } = await a.client.ok(MY_SECURITY);
    expect(me.security.backupCodes).toMatchObject({ total: 10, remaining: 8 });
    expect((await events(a.id)).filter((e) => e.type === 'BACKUP_CODE_USED').map((e) => e.detail)).toEqual(['9 remaining', '8 remaining']);
  });

  it('20 concurrent verifyCode calls with one backup code: exactly one wins', async () => {
    const a = await createAgent(t);
    const codes = await enableEmail(a);
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) tokens.push(await challenge(a));
    const results = await Promise.all(tokens.map((challengeToken) => t.gql.request(VERIFY_CODE, { challengeToken, method: 'BACKUP_CODE', code: codes[5] })));
    const wins = results.filter((r) => r.data?.verifyCode?.token);
    expect(wins).toHaveLength(1);
    for (const r of results.filter((x) => !x.data?.verifyCode)) expect(['INVALID_CODE', 'TOO_MANY_ATTEMPTS']).toContain(r.errors![0].extensions!.code);
    const used = await t.db.query('SELECT COUNT(*) AS n FROM backup_codes WHERE user_id = ? AND used_at IS NOT NULL', [a.id]);
    expect(Number(used[0].n)).toBe(1);
  });

  it('a challenge dies after 5 wrong codes', async () => {
    const a = await createAgent(t);
    const { secret } = await enableTotp(a);
    const token = await challenge(a);
    for (let i = 0; i < 5; i++) expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token, method: 'BACKUP_CODE', code: 'aaaaa-aaaaa' }))).toBe('INVALID_CODE');
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) }))).toBe('CODE_EXPIRED');
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: 'not-a-challenge', method: 'TOTP', code: '123456' }))).toBe('UNAUTHENTICATED');
  });

  it('10 failures in a row lock code checks for 15 minutes; the 10th is still INVALID_CODE', async () => {
    const a = await createAgent(t);
    const { secret } = await enableTotp(a);
    const answers: string[] = [];
    for (let c = 0; c < 2; c++) {
      const token = await challenge(a);
      for (let i = 0; i < 5; i++) answers.push(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token, method: 'BACKUP_CODE', code: 'bbbbb-bbbbb' }))!);
    }
    expect(answers).toEqual(Array(10).fill('INVALID_CODE'));
    const token = await challenge(a);
    const locked = await t.gql.fail(VERIFY_CODE, { challengeToken: token, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    const retry = locked.extensions!.retryAfterSeconds!;
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // setup and re-auth checks are locked too
    expect(codeOf(await a.client.fail(REAUTH, { method: 'TOTP', code: '000000' }))).toBe('TOO_MANY_ATTEMPTS');
    const { me } = await a.client.ok(MY_SECURITY);
    expect(new Date(me.security.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await events(a.id)).filter((e) => e.type === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect((await events(a.id)).filter((e) => e.type === 'TWO_FACTOR_FAILED')).toHaveLength(10);
    // The lock's end and the fresh run after it: test/service/two-factor-rules, with a moved clock.
  });

  it('recent authentication guards backup codes and turning methods off; reauthenticate opens the window', async () => {
    const a = await createAgent(t);
    const { secret, confirmedAt } = await enableTotp(a);
    await staleSession(a.id);
    for (const op of [BACKUP_CODES, REGENERATE, DISABLE_TOTP, DISABLE_EMAIL]) {
      expect(codeOf(await a.client.fail(op))).toBe('REAUTH_REQUIRED');
    }
    expect(codeOf(await a.client.fail(REAUTH, { password: 'wrong-password' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await a.client.fail(REAUTH, {}))).toBe('BAD_USER_INPUT');
    await a.client.ok(REAUTH, { password: a.password });
    expect((await a.client.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);

    await staleSession(a.id);
    // The step confirmTotp used is spent, however slow the machine (a later step would be accepted).
    expect(codeOf(await a.client.fail(REAUTH, { method: 'TOTP', code: totpFor(secret, confirmedAt) }))).toBe('INVALID_CODE');
    await a.client.ok(REAUTH, { method: 'TOTP', code: totpFor(secret, Math.max(Date.now(), confirmedAt + 30_000)) });
    expect((await a.client.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);
  });

  it('re-authentication by an emailed code', async () => {
    const a = await createAgent(t);
    await enableEmail(a);
    await staleSession(a.id);
    await allowResend(a.id);
    const n = t.smtp.to(a.email).length;
    await a.client.ok(SEND_REAUTH_CODE);
    const code = await t.smtp.code(a.email, n);
    secretsSeen.emailed.add(code);
    await a.client.ok(REAUTH, { method: 'EMAIL', code });
    expect((await a.client.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);
  });

  it('backup codes: listed in full with used ones marked; regenerate voids the old set', async () => {
    const a = await createAgent(t);
    const codes = await enableEmail(a);
    const token = await challenge(a);
    await t.gql.ok(VERIFY_CODE, { challengeToken: token, method: 'BACKUP_CODE', code: codes[3] });
    const { backupCodes } = await a.client.ok(BACKUP_CODES);
    expect(backupCodes.map((b: any) => b.code)).toEqual(codes);
    expect(backupCodes.map((b: any) => b.used)).toEqual(codes.map((_, i) => i === 3));

    const n = t.smtp.to(a.email).length;
    const { regenerateBackupCodes } = await a.client.ok(REGENERATE);
    regenerateBackupCodes.forEach((c: string) => secretsSeen.backup.add(c));
    expect(regenerateBackupCodes).toHaveLength(10);
    expect(regenerateBackupCodes.filter((c: string) => codes.includes(c))).toHaveLength(0);
    await t.smtp.waitFor(a.email, (m) => /New backup codes/.test(m.subject), n);
    const token2 = await challenge(a);
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: token2, method: 'BACKUP_CODE', code: codes[0] }))).toBe('INVALID_CODE');
    await t.gql.ok(VERIFY_CODE, { challengeToken: token2, method: 'BACKUP_CODE', code: regenerateBackupCodes[0] });
    expect((await events(a.id)).map((e) => e.type)).toContain('BACKUP_CODES_REGENERATED');
  });

  it('turning the last method off voids the backup codes and login needs only the password', async () => {
    const a = await createAgent(t);
    await enableTotp(a);
    await enableEmail(a);
    const n = t.smtp.to(a.email).length;
    const { disableTotp } = await a.client.ok(DISABLE_TOTP);
    expect(disableTotp.security).toMatchObject({ twoFactorEnabled: true, totp: { enabled: false }, backupCodes: { total: 10 } });
    await t.smtp.waitFor(a.email, (m) => /Authenticator app is off/.test(m.subject), n);
    const { disableEmailTwoFactor } = await a.client.ok(DISABLE_EMAIL);
    expect(disableEmailTwoFactor.security).toMatchObject({ twoFactorEnabled: false, email: { enabled: false }, backupCodes: { total: 0, remaining: 0 } });
    expect(codeOf(await a.client.fail(DISABLE_EMAIL))).toBe('BAD_USER_INPUT');
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.__typename).toBe('AuthSession');
    const types = (await events(a.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['TOTP_ENABLED', 'EMAIL_2FA_ENABLED', 'TOTP_DISABLED', 'EMAIL_2FA_DISABLED']));
    const { mySecurityEvents } = await a.client.ok(MY_EVENTS, { first: 3 });
    expect(mySecurityEvents.edges).toHaveLength(3);
    expect(mySecurityEvents.edges[0].node.type).toBe('LOGIN');
    expect(mySecurityEvents.pageInfo.hasNextPage).toBe(true);
    const next = await a.client.ok(MY_EVENTS, { first: 50, after: mySecurityEvents.pageInfo.endCursor });
    const ids = [...mySecurityEvents.edges, ...next.mySecurityEvents.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(types.length);
  });

  it('no TOTP secret, backup code or emailed code is stored in plain text', async () => {
    expect(secretsSeen.totp.size).toBeGreaterThan(3);
    expect(secretsSeen.backup.size).toBeGreaterThan(30);
    expect(secretsSeen.emailed.size).toBeGreaterThan(3);
    const tables = ['users', 'sessions', 'security_events', 'two_factor_settings', 'email_codes', 'backup_codes', 'login_challenges'];
    let dump = '';
    for (const table of tables) dump += JSON.stringify(await t.db.query(`SELECT * FROM ${table}`));
    expect(dump.length).toBeGreaterThan(1000);
    for (const s of secretsSeen.totp) expect(dump).not.toContain(s);
    for (const c of secretsSeen.backup) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(c.replace('-', ''));
    }
    for (const c of secretsSeen.emailed) expect(dump).not.toMatch(new RegExp(`(^|[^0-9a-f])${c}([^0-9a-f]|$)`));
  });
});

export type { GqlClient };

describe('encryption key rotation', () => {
  it('secrets sealed under the previous key keep working after ENCRYPTION_KEY changes', async () => {
    const { randomBytes } = await import('node:crypto');
    const first = await startTestApp();
    try {
      const a = await createAgent(first);
      const { enableTotp } = await a.client.ok(ENABLE_TOTP);
      const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
      await first.app.close();
      const rotated = await startTestApp(
        { ENCRYPTION_KEY: randomBytes(32).toString('base64'), ENCRYPTION_KEYS_PREVIOUS: first.env.ENCRYPTION_KEY },
        { database: first.database, smtp: first.smtp },
      );
      try {
        const login = async () => (await rotated.gql.ok(LOGIN, { email: a.email, password: a.password })).login.challengeToken;
        await rotated.gql.ok(VERIFY_CODE, { challengeToken: await login(), method: 'TOTP', code: totpFor(enableTotp.secret, Date.now() + 30_000) });
        const { verifyCode } = await rotated.gql.ok(VERIFY_CODE, { challengeToken: await login(), method: 'BACKUP_CODE', code: confirmTotp.backupCodes[0] });
        const { backupCodes } = await rotated.gql.withToken(verifyCode.token).ok(BACKUP_CODES);
        expect(backupCodes.map((b: any) => b.code)).toEqual(confirmTotp.backupCodes);
      } finally {
        await rotated.app.close();
      }
    } finally {
      await first.smtp.stop();
      await first.database.drop();
    }
  });
});
