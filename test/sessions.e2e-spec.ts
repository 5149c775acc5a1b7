import { Clock } from '../src/common/clock/clock';
import { createAgent, startTestApp, TestApp } from './support/create-app';
import { burst } from './support/burst';
import { codeOf } from './support/gql';
import { CONFIRM_TOTP, ENABLE_TOTP, LOGIN, LOGOUT, MY_EVENTS, VERIFY_CODE } from './support/operations';
import { UPDATE_POLICY } from './support/policy-operations';
import { MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION, REVOKE_USER_SESSIONS, SESSIONS_ME, USER_SESSIONS } from './support/session-operations';
import { totpFor } from './support/totp';

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** The `session` cookie of a response's Set-Cookie headers (value and attributes), or null. */
function sessionCookie(res: Response): { value: string; attrs: string } | null {
  const line = res.headers.getSetCookie().filter((c) => c.startsWith('session=')).pop();
  if (!line) return null;
  const [pair, ...attrs] = line.split(';');
  return { value: pair.slice('session='.length), attrs: attrs.join(';') };
}

/** A browser-like client: no Authorization header, only the cookie it was given. */
async function post(t: TestApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. a refused request): the status says enough
  }
  return { res, status: res.status, body, code: body.errors?.[0]?.extensions?.code };
}

async function cookieLogin(t: TestApp, email: string, password: string, userAgent = CHROME_WIN) {
  const r = await post(t, LOGIN, { email, password }, { 'user-agent': userAgent });
  const cookie = sessionCookie(r.res);
  if (!cookie) throw new Error(`no session cookie: ${JSON.stringify(r.body)}`);
  return { cookie: `session=${cookie.value}`, token: r.body.data.login.token as string, attrs: cookie.attrs };
}

describe('browser sessions, the sessions list, idle and absolute limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('login sets an HttpOnly SameSite=Lax cookie that works for `me` and is refused after logout', async () => {
    const a = await createAgent(t);
    const { cookie, token, attrs } = await cookieLogin(t, a.email, a.password);
    expect(cookie).toBe(`session=${token}`);
    expect(attrs).toMatch(/HttpOnly/i);
    expect(attrs).toMatch(/SameSite=Lax/i);
    expect(attrs).toMatch(/Path=\//i);
    expect(attrs).not.toMatch(/Secure/i); // plain http: no Secure, no __Host- prefix
    const me = await post(t, SESSIONS_ME, {}, { cookie });
    expect(me.body.data.me.email).toBe(a.email);

    const out = await post(t, LOGOUT, {}, { cookie });
    expect(out.body.data.logout).toBe(true);
    const cleared = out.res.headers.getSetCookie().find((c) => c.startsWith('session='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/i);
    const after = await post(t, SESSIONS_ME, {}, { cookie });
    expect(after.code).toBe('UNAUTHENTICATED');
  });

  it('sign-ins of one account released together each get a session (no deadlock on its user row)', async () => {
    // The session's foreign key takes a shared lock on the user row; the last-login update wants it
    // exclusive. Taken in that order, two sign-ins at once deadlocked on MariaDB (INTERNAL_SERVER_ERROR).
    const a = await createAgent(t);
    const answers = await burst(t.url, Array.from({ length: 8 }, () => ({ query: LOGIN, variables: { email: a.email, password: a.password } })));
    expect(answers.map((r) => r.errors?.[0]?.extensions?.code ?? null)).toEqual(Array(8).fill(null)); // 8: under the per-account limit of sign-ins in flight
    expect(new Set(answers.map((r) => r.data.login.token)).size).toBe(8);
  });

  it('the Authorization header wins over the cookie', async () => {
    const a = await createAgent(t);
    const { cookie } = await cookieLogin(t, a.email, a.password);
    const r = await post(t, SESSIONS_ME, {}, { cookie, authorization: 'Bearer not-a-live-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(r.code).toBe('UNAUTHENTICATED');
    expect((await post(t, SESSIONS_ME, {}, { cookie })).body.data.me.email).toBe(a.email);
  });

  it('a cross-origin request with the cookie and a simple content type is refused (CSRF prevention)', async () => {
    const a = await createAgent(t);
    const { cookie } = await cookieLogin(t, a.email, a.password);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await post(t, LOGOUT, {}, { cookie, 'content-type': type, origin: 'https://evil.example' });
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
    }
    // A GET with the cookie and no preflight header is refused too.
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(get.status).toBe(400);
    // None of those reached the resolver: the session is still alive.
    expect((await post(t, SESSIONS_ME, {}, { cookie })).body.data.me.email).toBe(a.email);
  });

  it('lists own sessions with browser, OS, IP, how they were opened and the current one', async () => {
    const a = await createAgent(t);
    const chrome = await cookieLogin(t, a.email, a.password, CHROME_WIN);
    await cookieLogin(t, a.email, a.password, FIREFOX_LINUX);
    const r = await post(t, MY_SESSIONS, {}, { cookie: chrome.cookie });
    const list = r.body.data.mySessions as Array<Record<string, unknown>>;
    expect(list).toHaveLength(3); // createAgent's login too
    const current = list.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ browser: 'Chrome 130', os: 'Windows 10', ip: '127.0.0.1', signedInWith: 'PASSWORD', userAgent: CHROME_WIN });
    expect(list.find((s) => s.browser === 'Firefox 128')).toMatchObject({ os: 'Linux', current: false });
    expect(JSON.stringify(list)).not.toContain(chrome.token);
  });

  it('records TWO_FACTOR for a session opened after a challenge', async () => {
    const a = await createAgent(t);
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'BACKUP_CODE', code: confirmTotp.backupCodes![0] });
    const { mySessions } = await t.gql.withToken(verifyCode.token).ok(MY_SESSIONS);
    expect(mySessions.find((s) => s.current)?.signedInWith).toBe('TWO_FACTOR');
  });

  it('revokeSession ends another session at once; revoking the current one signs out; others\' ids are NOT_FOUND', async () => {
    const a = await createAgent(t);
    const b = await createAgent(t);
    const laptop = await cookieLogin(t, a.email, a.password);
    const phone = await cookieLogin(t, a.email, a.password, FIREFOX_LINUX);
    const { mySessions } = await a.client.ok(MY_SESSIONS);
    const phoneId = mySessions.find((s) => s.browser === 'Firefox 128')!.id;

    expect(codeOf(await b.client.fail(REVOKE_SESSION, { id: phoneId }))).toBe('NOT_FOUND');
    expect((await post(t, SESSIONS_ME, {}, { cookie: phone.cookie })).body.data.me.email).toBe(a.email);

    expect((await post(t, REVOKE_SESSION, { id: phoneId }, { cookie: laptop.cookie })).body.data.revokeSession).toBe(true);
    expect((await post(t, SESSIONS_ME, {}, { cookie: phone.cookie })).code).toBe('UNAUTHENTICATED');

    const laptopId = (await post(t, MY_SESSIONS, {}, { cookie: laptop.cookie })).body.data.mySessions.find((s: { current: boolean }) => s.current).id;
    const self = await post(t, REVOKE_SESSION, { id: laptopId }, { cookie: laptop.cookie });
    expect(self.body.data.revokeSession).toBe(true);
    expect(self.res.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/Expires=Thu, 01 Jan 1970/i);
    expect((await post(t, SESSIONS_ME, {}, { cookie: laptop.cookie })).code).toBe('UNAUTHENTICATED');

    const { mySecurityEvents } = await a.client.ok(MY_EVENTS, { first: 10 });
    const revoked = mySecurityEvents.edges.filter((e) => e.node.type === 'SESSION_REVOKED');
    expect(revoked).toHaveLength(2);
    expect(revoked.map((e) => e.node.detail).join(' ')).toContain('Firefox 128');
  });

  it('revokeOtherSessions keeps the caller\'s and says how many ended', async () => {
    const a = await createAgent(t);
    const one = await cookieLogin(t, a.email, a.password);
    const two = await cookieLogin(t, a.email, a.password);
    const { revokeOtherSessions } = await a.client.ok(REVOKE_OTHER_SESSIONS);
    expect(revokeOtherSessions).toBe(2);
    for (const c of [one, two]) expect((await post(t, SESSIONS_ME, {}, { cookie: c.cookie })).code).toBe('UNAUTHENTICATED');
    expect((await a.client.ok(SESSIONS_ME)).me.email).toBe(a.email);
    expect((await a.client.ok(MY_SESSIONS)).mySessions).toHaveLength(1);
    expect((await a.client.ok(REVOKE_OTHER_SESSIONS)).revokeOtherSessions).toBe(0);
  });

  it('an admin lists a user\'s sessions and signs them out everywhere (event with the admin as actor, mail)', async () => {
    const a = await createAgent(t);
    await cookieLogin(t, a.email, a.password);
    const admin = await t.admin();
    expect(codeOf(await a.client.fail(USER_SESSIONS, { userId: a.id }))).toBe('FORBIDDEN');
    expect(codeOf(await a.client.fail(REVOKE_USER_SESSIONS, { userId: a.id }))).toBe('FORBIDDEN');
    const { userSessions } = await admin.ok(USER_SESSIONS, { userId: a.id });
    expect(userSessions).toHaveLength(2);
    expect(userSessions.every((s) => !s.current)).toBe(true);
    expect(codeOf(await admin.fail(USER_SESSIONS, { userId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');

    expect((await admin.ok(REVOKE_USER_SESSIONS, { userId: a.id })).revokeUserSessions).toBe(2);
    expect(codeOf(await a.client.fail(SESSIONS_ME))).toBe('UNAUTHENTICATED');
    expect((await admin.ok(USER_SESSIONS, { userId: a.id })).userSessions).toHaveLength(0);
    const rows = await t.db.query(`SELECT actor_id FROM security_events WHERE user_id = ? AND type = 'SESSION_REVOKED'`, [a.id]);
    expect(rows).toHaveLength(1);
    const adminId = (await admin.ok(SESSIONS_ME)).me.id;
    expect(rows[0].actor_id).toBe(adminId);
    const mail = await t.smtp.waitFor(a.email, (m) => /signed out everywhere/i.test(m.subject));
    expect(mail).toBeTruthy();
  });

  describe('with a moved clock', () => {
    let clock: Clock;
    let offset = 0;
    beforeAll(() => {
      clock = t.app.get(Clock);
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + offset));
    });
    afterAll(() => jest.restoreAllMocks());
    const lastSeen = async (id: string) => new Date((await t.db.query('SELECT last_seen_at FROM sessions WHERE user_id = ?', [id]))[0].last_seen_at).getTime();

    it('lastSeenAt is written at most once a minute, so `me` stays a read', async () => {
      const a = await createAgent(t);
      const first = await lastSeen(a.id);
      await a.client.ok(SESSIONS_ME);
      offset += 30_000;
      await a.client.ok(SESSIONS_ME);
      expect(await lastSeen(a.id)).toBe(first);
      offset += 31_000;
      await a.client.ok(SESSIONS_ME);
      expect(await lastSeen(a.id)).toBeGreaterThan(first + 60_000);
    });

    it('idle minutes and the absolute limit of the policy end a session (UNAUTHENTICATED)', async () => {
      const admin = await t.admin();
      await admin.ok(UPDATE_POLICY, { input: { sessionIdleMinutes: 5, sessionMaxHours: 1 } });
      try {
        const a = await createAgent(t);
        const idle = await createAgent(t);
        const { cookie } = await cookieLogin(t, a.email, a.password);
        // Active every 4 minutes: the idle limit never hits; the absolute one does, at 1 hour.
        for (let i = 0; i < 14; i++) {
          offset += 4 * 60_000;
          expect((await post(t, SESSIONS_ME, {}, { cookie })).body.data?.me.email).toBe(a.email);
        }
        expect(codeOf(await idle.client.fail(SESSIONS_ME))).toBe('UNAUTHENTICATED'); // idle 56 minutes
        offset += 4 * 60_000; // 60 minutes after sign-in
        expect((await post(t, SESSIONS_ME, {}, { cookie })).code).toBe('UNAUTHENTICATED');
      } finally {
        const again = await t.admin();
        await again.ok(UPDATE_POLICY, { input: { clearSessionIdle: true, sessionMaxHours: 12 } });
      }
    });
  });
});

describe('CORS with credentials only for CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://console.example' });
  });
  afterAll(async () => t?.close());

  const preflight = (origin: string) =>
    fetch(`${t.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('allows credentials for a listed origin and says nothing to any other', async () => {
    const ok = await preflight('https://console.example');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://console.example');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
