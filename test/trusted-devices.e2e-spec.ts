import { createHash } from 'node:crypto';
import { burst, tally } from './support/burst';
import { createAgent, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlError } from './support/gql';
import { DEVICE_LOGIN, MY_TRUSTED_DEVICES, REVOKE_ALL_TRUSTED_DEVICES, REVOKE_TRUSTED_DEVICE, VERIFY_REMEMBER } from './support/device-operations';
import { CHANGE_PASSWORD, CONFIRM_TOTP, DISABLE_TOTP, ENABLE_TOTP, LOGIN, RESET_2FA } from './support/operations';
import { UPDATE_POLICY } from './support/policy-operations';
import { DEACTIVATE_USER, REACTIVATE_USER } from './support/lifecycle-operations';
import { totpFor } from './support/totp';

type Agent = Awaited<ReturnType<typeof createAgent>>;
const DAY = 86_400_000;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Answer {
  data?: any;
  errors?: GqlError[];
  setCookies: string[];
}

/**
 * API.md Part 2, "Browser sessions, active sessions, trusted devices": "Remember this browser",
 * what revokes it, the policy's say, the office-NAT fix and the new-device alert, over HTTP.
 * A "browser" here is a user agent, an address (X-Forwarded-For, trusted from loopback) and the
 * device cookie it holds.
 */
describe('trusted devices and new-device alerts', () => {
  let t: TestApp;
  let ipSeq = 0;
  const freshIp = () => `198.51.100.${++ipSeq}`;

  beforeAll(async () => {
    // The general per-IP request limit would cut the bursts short: the login limits are under test.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => t?.close());

  /** One GraphQL POST as a browser: its address, user agent, device cookie; the Set-Cookie headers back. */
  async function post(query: string, variables: Record<string, unknown>, b: { ip?: string; ua?: string; device?: string | null; token?: string } = {}): Promise<Answer> {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': b.ua ?? 'node',
        ...(b.ip ? { 'x-forwarded-for': b.ip } : {}),
        ...(b.device ? { cookie: `device=${b.device}` } : {}),
        ...(b.token ? { authorization: `Bearer ${b.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlError[] };
    return { data: body.data, errors: body.errors, setCookies: res.headers.getSetCookie() };
  }
  const deviceCookieOf = (a: Answer) => a.setCookies.find((c) => /^device=/.test(c));

  const setPolicy = async (input: Record<string, unknown>) => (await t.admin()).ok(UPDATE_POLICY, { input: input as never });

  async function withTotp(a: Agent): Promise<{ secret: string; backupCodes: string[] }> {
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    return { secret: enableTotp.secret, backupCodes: confirmTotp.backupCodes };
  }

  /** Password then a backup code (each works once; TOTP steps would need waiting) with "remember": the cookie value. */
  async function rememberBrowser(a: Agent, codes: string[], b: { ip?: string; ua?: string } = {}): Promise<{ device: string; cookie: string; token: string }> {
    const login = await post(LOGIN, { email: a.email, password: a.password }, b);
    expect(login.data.login.__typename).toBe('TwoFactorChallenge');
    const v = await post(VERIFY_REMEMBER, { challengeToken: login.data.login.challengeToken, method: 'BACKUP_CODE', code: codes.shift(), rememberDevice: true }, b);
    expect(v.errors).toBeUndefined();
    const cookie = deviceCookieOf(v);
    if (!cookie) throw new Error('no device cookie set');
    return { device: /^device=([^;]+)/.exec(cookie)![1], cookie, token: v.data.verifyCode.token };
  }

  const loginAs = (a: Agent, device: string | null, b: { ip?: string; ua?: string; password?: string } = {}) =>
    post(DEVICE_LOGIN, { email: a.email, password: b.password ?? a.password }, { ...b, device });
  const typename = (r: Answer) => r.data?.login?.__typename ?? codeOf(r.errors![0]);
  const signedInWith = async (token: string) =>
    ((await t.db.query('SELECT signed_in_with FROM sessions WHERE token_hash = ?', [sha256(token)])) as Array<{ signed_in_with: string }>)[0]?.signed_in_with;
  const deviceRows = async (userId: string) =>
    (await t.db.query('SELECT id, token_hash, revoked_at, last_used_at, ip, browser, os FROM trusted_devices WHERE user_id = ?', [userId])) as Array<{ id: string; token_hash: string; revoked_at: unknown; last_used_at: unknown; ip: string; browser: string; os: string }>;
  const events = async (userId: string, type: string) =>
    (await t.db.query('SELECT detail, ip, user_agent FROM security_events WHERE user_id = ? AND type = ? ORDER BY created_at', [userId, type])) as Array<{ detail: string; ip: string; user_agent: string }>;

  it('remember this browser: the next password login from it skips the challenge (TRUSTED_DEVICE); another browser still gets one', async () => {
    const a = await createAgent(t);
    const { backupCodes } = await withTotp(a);
    const ip = freshIp();
    const { device, cookie, token } = await rememberBrowser(a, backupCodes, { ip, ua: FIREFOX });
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const expires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    expect(await signedInWith(token)).not.toBe('TRUSTED_DEVICE');

    // Stored hashed only, with what the list shows.
    const [row] = await deviceRows(a.id);
    expect(row.token_hash).toBe(sha256(device));
    expect(JSON.stringify(await t.db.query('SELECT * FROM trusted_devices'))).not.toContain(device);
    expect(row).toMatchObject({ ip, browser: 'Firefox 128', os: 'Windows 10', last_used_at: null });
    expect(await events(a.id, 'TRUSTED_DEVICE_ADDED')).toHaveLength(1);

    const trusted = await loginAs(a, device, { ip, ua: FIREFOX });
    expect(typename(trusted)).toBe('AuthSession');
    expect(await signedInWith(trusted.data.login.token)).toBe('TRUSTED_DEVICE');
    expect((await deviceRows(a.id))[0].last_used_at).not.toBeNull();

    expect(typename(await loginAs(a, null, { ip, ua: FIREFOX }))).toBe('TwoFactorChallenge');
    expect(typename(await loginAs(a, 'x'.repeat(43), { ip, ua: FIREFOX }))).toBe('TwoFactorChallenge');
    // A wrong password with the cookie is still a wrong password.
    expect(typename(await loginAs(a, device, { ip, password: 'not-the-password-2026' }))).toBe('UNAUTHENTICATED');

    const listed = await post(MY_TRUSTED_DEVICES, {}, { token: a.token, device });
    expect(listed.data.myTrustedDevices).toEqual([
      expect.objectContaining({ id: row.id, browser: 'Firefox 128', os: 'Windows 10', ip, current: true, lastUsedAt: expect.any(String) }),
    ]);
    expect((await post(MY_TRUSTED_DEVICES, {}, { token: a.token })).data.myTrustedDevices[0].current).toBe(false);
  });

  it('revoke one, revoke all, and never anyone else’s (NOT_FOUND)', async () => {
    const a = await createAgent(t);
    const b = await createAgent(t);
    const { backupCodes } = await withTotp(a);
    const first = await rememberBrowser(a, backupCodes);
    const second = await rememberBrowser(a, backupCodes, { ua: SAFARI });
    const [one] = (await a.client.ok(MY_TRUSTED_DEVICES)).myTrustedDevices.filter((d) => d.browser === 'Safari 17');

    expect(codeOf(await b.client.fail(REVOKE_TRUSTED_DEVICE, { id: one.id }))).toBe('NOT_FOUND');
    expect(typename(await loginAs(a, second.device))).toBe('AuthSession');

    expect((await a.client.ok(REVOKE_TRUSTED_DEVICE, { id: one.id })).revokeTrustedDevice).toBe(true);
    expect(typename(await loginAs(a, second.device))).toBe('TwoFactorChallenge');
    expect(typename(await loginAs(a, first.device))).toBe('AuthSession');
    expect(codeOf(await a.client.fail(REVOKE_TRUSTED_DEVICE, { id: one.id }))).toBe('NOT_FOUND');

    expect((await a.client.ok(REVOKE_ALL_TRUSTED_DEVICES)).revokeAllTrustedDevices).toBe(1);
    expect(typename(await loginAs(a, first.device))).toBe('TwoFactorChallenge');
    expect((await a.client.ok(MY_TRUSTED_DEVICES)).myTrustedDevices).toEqual([]);
    expect(await events(a.id, 'TRUSTED_DEVICE_REVOKED')).toHaveLength(2);
  });

  describe('revoked by every event API.md lists', () => {
    it('a password change', async () => {
      const a = await createAgent(t);
      const { backupCodes } = await withTotp(a);
      const { device } = await rememberBrowser(a, backupCodes);
      const next = 'A-Brand-New-Password-2026';
      await a.client.ok(CHANGE_PASSWORD, { currentPassword: a.password, newPassword: next });
      expect((await deviceRows(a.id))[0].revoked_at).not.toBeNull();
      expect(typename(await loginAs(a, device, { password: next }))).toBe('TwoFactorChallenge');
      expect((await events(a.id, 'TRUSTED_DEVICE_REVOKED'))[0].detail).toMatch(/^1 trusted browser revoked/);
    });

    it('a 2FA method turned off', async () => {
      const a = await createAgent(t);
      const { backupCodes } = await withTotp(a);
      const { device } = await rememberBrowser(a, backupCodes);
      // A second method, so that the account still owes a challenge after TOTP is off.
      const since = t.smtp.to(a.email).length;
      await a.client.ok(`mutation { setupEmailTwoFactor { sentTo } }`);
      await a.client.ok(`mutation($c: String!) { confirmEmailTwoFactor(code: $c) { user { id } } }`, { c: await t.smtp.code(a.email, since) });
      expect(typename(await loginAs(a, device))).toBe('AuthSession');
      await a.client.ok(DISABLE_TOTP);
      expect((await deviceRows(a.id))[0].revoked_at).not.toBeNull();
      expect(typename(await loginAs(a, device))).toBe('TwoFactorChallenge');
    });

    it('an admin 2FA reset', async () => {
      const a = await createAgent(t);
      const { backupCodes } = await withTotp(a);
      const { device } = await rememberBrowser(a, backupCodes);
      await (await t.admin()).ok(RESET_2FA, { userId: a.id, reason: 'lost phone' });
      expect((await deviceRows(a.id))[0].revoked_at).not.toBeNull();
      // Set up again: the old browser must prove the new factor.
      const relogged = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
      const again = await withTotp({ ...a, client: t.gql.withToken(relogged.login.token) });
      expect(again.backupCodes).toHaveLength(10);
      expect(typename(await loginAs(a, device))).toBe('TwoFactorChallenge');
    });
    it('deactivation (and reactivation does not bring them back)', async () => {
      const a = await createAgent(t);
      const { backupCodes } = await withTotp(a);
      const { device } = await rememberBrowser(a, backupCodes);
      const admin = await t.admin();
      await admin.ok(DEACTIVATE_USER, { userId: a.id, reason: 'left the company' });
      expect((await deviceRows(a.id))[0].revoked_at).not.toBeNull();
      expect(typename(await loginAs(a, device))).toBe('UNAUTHENTICATED');
      await admin.ok(REACTIVATE_USER, { userId: a.id });
      expect(typename(await loginAs(a, device))).toBe('TwoFactorChallenge');
    });
  });

  it('trustedDeviceDays: 0 turns the feature off: nothing is remembered and remembered browsers stop skipping', async () => {
    const a = await createAgent(t);
    const { backupCodes } = await withTotp(a);
    const { device } = await rememberBrowser(a, backupCodes);
    try {
      await setPolicy({ trustedDeviceDays: 0 });
      expect(typename(await loginAs(a, device))).toBe('TwoFactorChallenge');
      const login = await loginAs(a, null);
      const v = await post(VERIFY_REMEMBER, { challengeToken: login.data.login.challengeToken, method: 'BACKUP_CODE', code: backupCodes.shift(), rememberDevice: true });
      expect(v.data.verifyCode.token).toEqual(expect.any(String));
      expect(deviceCookieOf(v)).toBeUndefined();
      expect(await deviceRows(a.id)).toHaveLength(1);
    } finally {
      await setPolicy({ trustedDeviceDays: 30 });
    }
    expect(typename(await loginAs(a, device))).toBe('AuthSession');
  });

  it('a phishingResistantFor role never skips the challenge with a remembered browser', async () => {
    const a = await createAgent(t);
    const { backupCodes } = await withTotp(a);
    const { device } = await rememberBrowser(a, backupCodes);
    try {
      await setPolicy({ allowedMethods: ['EMAIL', 'TOTP', 'WEBAUTHN'], phishingResistantFor: ['AGENT'] });
      // TOTP is no longer allowed for the role and no WebAuthn key is set up: the account signs in
      // on its password under the enrolment rules, but never as a trusted device.
      const r = await loginAs(a, device);
      expect(typename(r)).toBe('AuthSession');
      expect(await signedInWith(r.data.login.token)).toBe('PASSWORD');
      expect((await deviceRows(a.id))[0].last_used_at).toBeNull();
      expect(await t.db.query("SELECT id FROM security_events WHERE user_id = ? AND type = 'LOGIN' AND detail = 'trusted browser'", [a.id])).toEqual([]);
      // (That such a role cannot add a trusted browser at all: test/service/trusted-devices.)
    } finally {
      await setPolicy({ phishingResistantFor: [] });
    }
    expect(typename(await loginAs(a, device))).toBe('AuthSession');
    expect((await deviceRows(a.id))[0].last_used_at).not.toBeNull();
  });

  it('office NAT: after 30+ failures from its address, a browser with a device cookie still signs in while another browser from that address is refused', async () => {
    const a = await createAgent(t);
    const { backupCodes } = await withTotp(a);
    const office = freshIp();
    const { device } = await rememberBrowser(a, backupCodes, { ip: office });
    // Someone in the office (or behind its NAT) fires 60 wrong passwords at once at six accounts.
    const answers = await burst(
      t.url,
      Array.from({ length: 60 }, (_, i) => ({ query: LOGIN, variables: { email: `victim${i % 6}@example.com`, password: `wrong-${i}` }, headers: { 'x-forwarded-for': office } })),
    );
    const counts = tally(answers);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(30);
    expect(counts.UNAUTHENTICATED + counts.TOO_MANY_ATTEMPTS).toBe(60);
    expect(codeOf((await post(LOGIN, { email: 'victim9@example.com', password: 'x' }, { ip: office })).errors![0])).toBe('TOO_MANY_ATTEMPTS');

    const trusted = await loginAs(a, device, { ip: office });
    expect(typename(trusted)).toBe('AuthSession');
    expect(await signedInWith(trusted.data.login.token)).toBe('TRUSTED_DEVICE');
    expect(typename(await loginAs(a, null, { ip: office }))).toBe('TOO_MANY_ATTEMPTS');
    // The device's exemption is for its own account only.
    const b = await createAgent(t);
    expect(typename(await post(DEVICE_LOGIN, { email: b.email, password: b.password }, { ip: office, device }))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('one person’s typos stop at 10 for their account and do not lock out colleagues at the same address', async () => {
    const a = await createAgent(t);
    const colleague = await createAgent(t);
    const office = freshIp();
    const answers = await burst(
      t.url,
      Array.from({ length: 40 }, (_, i) => ({ query: LOGIN, variables: { email: a.email, password: `typo-${i}` }, headers: { 'x-forwarded-for': office } })),
    );
    const counts = tally(answers);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(10);
    expect(counts.UNAUTHENTICATED).toBeGreaterThanOrEqual(1);
    expect(counts.TOO_MANY_ATTEMPTS).toBeGreaterThanOrEqual(30);
    expect(typename(await loginAs(a, null, { ip: office }))).toBe('TOO_MANY_ATTEMPTS');
    expect(typename(await loginAs(colleague, null, { ip: office }))).toBe('AuthSession');
  });

  describe('new-device alert', () => {
    const alerts = (a: Agent) => t.smtp.to(a.email).filter((m) => m.subject === 'New sign-in to your account');
    const settle = () => new Promise((r) => setTimeout(r, 400));

    it('is mailed once for a browser new to the account (time, browser, OS, IP), not again for it, and not for a trusted browser elsewhere', async () => {
      const a = await createAgent(t); // its first sign-in (user agent "node", loopback) is itself new
      await t.smtp.waitFor(a.email, (m) => m.subject === 'New sign-in to your account');
      expect(await events(a.id, 'NEW_DEVICE_LOGIN')).toHaveLength(1);

      // The same browser again: known by its address and user agent.
      await t.gql.ok(LOGIN, { email: a.email, password: a.password });
      await settle();
      expect(alerts(a)).toHaveLength(1);

      const ip = freshIp();
      expect(typename(await loginAs(a, null, { ip, ua: SAFARI }))).toBe('AuthSession');
      const mail = await t.smtp.waitFor(a.email, (m) => m.subject === 'New sign-in to your account', 1);
      expect(mail.text).toContain('Safari 17');
      expect(mail.text).toContain('macOS');
      expect(mail.text).toContain(ip);
      expect(mail.text).toMatch(/When: \w{3}, \d{2} \w{3} \d{4}/);
      const [, recorded] = await events(a.id, 'NEW_DEVICE_LOGIN');
      expect(recorded).toMatchObject({ ip, user_agent: SAFARI });

      expect(typename(await loginAs(a, null, { ip, ua: SAFARI }))).toBe('AuthSession');
      await settle();
      expect(alerts(a)).toHaveLength(2);
      expect(await events(a.id, 'NEW_DEVICE_LOGIN')).toHaveLength(2);
    });

    it('is not sent for a trusted browser that comes from a new address', async () => {
      const a = await createAgent(t);
      const { backupCodes } = await withTotp(a);
      const { device } = await rememberBrowser(a, backupCodes, { ip: freshIp(), ua: FIREFOX });
      await settle();
      const before = alerts(a).length;
      const before2 = (await events(a.id, 'NEW_DEVICE_LOGIN')).length;
      expect(typename(await loginAs(a, device, { ip: freshIp(), ua: FIREFOX }))).toBe('AuthSession');
      await settle();
      expect(alerts(a)).toHaveLength(before);
      expect(await events(a.id, 'NEW_DEVICE_LOGIN')).toHaveLength(before2);
    });
  });
});

