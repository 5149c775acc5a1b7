import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf } from './support/gql';
import {
  BACKUP_CODES, CHANGE_PASSWORD, CONFIRM_EMAIL, CONFIRM_TOTP, ENABLE_TOTP, LOGIN, LOGOUT, ME, REAUTH, REGENERATE,
  SEND_LOGIN_CODE, SETUP_EMAIL, VERIFY_CODE,
} from './support/operations';
import { totpFor } from './support/totp';

/**
 * Structured logs: JSON lines with a request id, and no secret ever written. A whole account
 * lifecycle runs with LOG_LEVEL=trace and LOG_FILE; then the file is searched for every password,
 * token, code and TOTP secret the run used.
 */
describe('logging', () => {
  let t: TestApp;
  const logFile = join(mkdtempSync(join(tmpdir(), 'acctsec-log-')), 'app.log');
  /** Long secrets: must not appear anywhere. */
  const secrets = new Set<string>([ADMIN_PASSWORD]);
  /** 6-digit codes: must not appear as a number of their own (a UUID may contain the digits). */
  const codes = new Set<string>();
  const keep = (...values: Array<string | null | undefined>) => values.forEach((v) => v && secrets.add(v));

  beforeAll(async () => {
    t = await startTestApp({ LOG_FILE: logFile, LOG_LEVEL: 'trace' });
  });
  afterAll(async () => t?.close());

  const lines = (): Array<Record<string, any>> =>
    readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

  it('runs a full account lifecycle (passwords, emailed codes, TOTP, backup codes, tokens)', async () => {
    const newPassword = 'Brand-New-Passphrase-77';
    const wrongPassword = 'Not-The-Password-42!';
    const a = await createAgent(t, { password: 'Agent-Log-Secret-2026!' });
    keep(a.password, a.token, newPassword, wrongPassword);

    // Email 2FA with the code from the mail.
    let before = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const emailCode = await t.smtp.code(a.email, before);
    codes.add(emailCode);
    const { confirmEmailTwoFactor } = await a.client.ok(CONFIRM_EMAIL, { code: emailCode });
    const backupCodes: string[] = confirmEmailTwoFactor.backupCodes;
    keep(...backupCodes);

    // TOTP.
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    keep(enableTotp.secret, enableTotp.otpauthUrl, enableTotp.qrCodeDataUrl.slice(30, 90));
    const totpCode = totpFor(enableTotp.secret);
    codes.add(totpCode);
    await a.client.ok(CONFIRM_TOTP, { code: totpCode });
    expect((await a.client.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);

    // Wrong password, then three logins through each second factor.
    expect(codeOf(await t.gql.fail(LOGIN, { email: a.email, password: wrongPassword }))).toBe('UNAUTHENTICATED');
    const challenge = async () => {
      const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
      keep(login.challengeToken);
      return login.challengeToken as string;
    };
    let ch = await challenge();
    // A new code may be mailed 30 s after the last one: pretend that time has passed.
    await t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), a.id]);
    before = t.smtp.to(a.email).length;
    await t.gql.ok(SEND_LOGIN_CODE, { challengeToken: ch });
    const loginCode = await t.smtp.code(a.email, before);
    codes.add(loginCode);
    keep((await t.gql.ok(VERIFY_CODE, { challengeToken: ch, method: 'EMAIL', code: loginCode })).verifyCode.token);

    ch = await challenge();
    const nextTotp = totpFor(enableTotp.secret, Date.now() + 30_000);
    codes.add(nextTotp);
    keep((await t.gql.ok(VERIFY_CODE, { challengeToken: ch, method: 'TOTP', code: nextTotp })).verifyCode.token);

    ch = await challenge();
    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: ch, method: 'BACKUP_CODE', code: backupCodes[0] });
    keep(verifyCode.token);
    const session = t.gql.withToken(verifyCode.token);

    // Re-authentication, new backup codes, password change, logout.
    await session.ok(REAUTH, { password: a.password });
    const { regenerateBackupCodes } = await session.ok(REGENERATE);
    keep(...regenerateBackupCodes);
    await session.ok(CHANGE_PASSWORD, { currentPassword: a.password, newPassword });
    await session.ok(LOGOUT);

    // Secrets where careless logging would catch them: the URL, a malformed body, headers.
    const qs = new URLSearchParams({ query: LOGIN, variables: JSON.stringify({ email: a.email, password: newPassword }) });
    await fetch(`${t.url}/graphql?${qs}`, { headers: { 'apollo-require-preflight': '1' } });
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": "x", "variables": {"password": "${newPassword}"` });
    await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}`, cookie: `session=${a.token}` },
      body: JSON.stringify({ query: ME }),
    });
    await fetch(`${t.url}/health/ready?token=${encodeURIComponent(a.token)}`);
  });

  it('writes only JSON lines, with request ids, users and operation names', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(30);
    const completed = all.filter((l) => l.msg === 'request completed' && l.req?.path === '/graphql');
    expect(completed.length).toBeGreaterThan(15);
    for (const l of completed) {
      expect(l).toMatchObject({ level: expect.any(String), time: expect.any(String), reqId: expect.any(String) });
      expect(l.res.statusCode).toEqual(expect.any(Number));
      expect(typeof l.responseTime).toBe('number');
    }
    expect(completed.some((l) => l.operation === 'VerifyCode' && l.userId === undefined)).toBe(true);
    expect(completed.some((l) => l.operation === 'ChangePassword' && typeof l.userId === 'string')).toBe(true);
    // Credential headers are present but censored.
    expect(all.some((l) => l.req?.headers?.authorization === '[Redacted]' && l.req?.headers?.cookie === '[Redacted]')).toBe(true);
  });

  it('never writes a password, token, code, TOTP secret or GraphQL variables', () => {
    const text = readFileSync(logFile, 'utf8');
    expect(secrets.size).toBeGreaterThan(25);
    for (const s of secrets) {
      expect({ secret: s, found: text.includes(s) }).toEqual({ secret: s, found: false });
      // backup codes are also accepted without the separator and in any case
      const bare = s.replace(/-/g, '');
      if (bare !== s) expect(text.toLowerCase()).not.toContain(bare.toLowerCase());
    }
    for (const c of codes) {
      expect({ code: c, found: new RegExp(`(^|[^0-9A-Za-z])${c}($|[^0-9A-Za-z])`).test(text) }).toEqual({ code: c, found: false });
    }
    // No GraphQL text or variables (they would carry inline credentials).
    expect(text).not.toMatch(/mutation |"variables":\{|confirmTotp\(|"query":/);
  });

  it('echoes a sane x-request-id and logs under it; replaces an unsafe one', async () => {
    const ok = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-4f1c.b2:9' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(ok.headers.get('x-request-id')).toBe('trace-4f1c.b2:9');
    const bad = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': `evil"} {"level":"fatal ${'x'.repeat(200)}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${t.url}/health/live`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Refused bodies get an id too (the access log runs before the body parser).
    const huge = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'too-big-1' }, body: JSON.stringify({ query: 'x'.repeat(200_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('x-request-id')).toBe('too-big-1');

    // A log written by the app while serving a request carries that request's id.
    const port = t.smtp.port;
    await t.smtp.stop();
    try {
      const r = await fetch(`${t.url}/health/ready`, { headers: { 'x-request-id': 'ready-probe-1' } });
      expect(r.status).toBe(503);
    } finally {
      await t.smtp.start(port);
    }
    const all = lines();
    expect(all.find((l) => l.reqId === 'trace-4f1c.b2:9' && l.msg === 'request completed')).toBeDefined();
    expect(all.find((l) => l.reqId === 'too-big-1' && l.res?.statusCode === 413)).toBeDefined();
    expect(all.find((l) => l.reqId === 'ready-probe-1' && l.context === 'Health' && /Health Check has failed/.test(l.msg))).toBeDefined();
    expect(all.some((l) => JSON.stringify(l).includes('evil'))).toBe(false);
  });
});
