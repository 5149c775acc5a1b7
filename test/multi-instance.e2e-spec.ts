import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TEST_DB, TestDatabase } from './support/database';
import { codeOf, GqlClient, GqlResponse } from './support/gql';
import { CONFIRM_TOTP, CREATE_USER, ENABLE_TOTP, LOGIN, LOGOUT, ME, MY_SECURITY, VERIFY_CODE } from './support/operations';
import { AppProcess, deleteRedisKeys, redisClient, redisReachable, redisTestPrefix, REDIS_TEST_URL, startAppProcess } from './support/processes';
import { burst, tally } from './support/burst';
import { MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from './support/session-operations';
import { SmtpSink } from './support/smtp-sink';
import { totpFor } from './support/totp';
import { asJson, SoftAuthenticator } from './support/soft-authenticator';
import { BEGIN_PASSKEY_LOGIN, BEGIN_REGISTRATION, FINISH_PASSKEY_LOGIN, FINISH_REGISTRATION } from './support/webauthn-operations';

/**
 * Two app processes, A and B, on different ports, sharing one MariaDB database and one Redis:
 * whatever one instance decides, the other must honour at once. Runs in the MariaDB pass only.
 */
const describeScaled = TEST_DB === 'mariadb' ? describe : describe.skip;

/** Each test acts from its own client address (X-Forwarded-For, trusted from loopback). */
class Client extends GqlClient {
  constructor(baseUrl: string, token: string | undefined, readonly ip: string) {
    super(baseUrl, token);
  }
  withToken(token?: string): Client {
    return new Client(this.baseUrl, token, this.ip);
  }
  on(app: AppProcess): Client {
    return new Client(app.url, this.token, this.ip);
  }
  request<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    return super.request<T>(query, variables, { 'x-forwarded-for': this.ip, ...headers });
  }
}

let ipSeq = 0;
const nextIp = () => `203.0.113.${++ipSeq}`;

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'Admin-Password-2026!';
const FAILURES_PER_IP = 5;
const REQUESTS_PER_MINUTE = 120;
const WEB_APP = 'http://localhost:8088';

describeScaled('several instances (A and B share MariaDB and Redis)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let A: AppProcess;
  let B: AppProcess;
  const prefix = redisTestPrefix('multi');
  const dataDirs: string[] = [];

  beforeAll(async () => {
    // Without Redis the instances would each count in memory and the tests below would fail
    // for a reason that is not the code's: say what is missing instead.
    if (!(await redisReachable())) throw new Error(`Redis is not reachable at ${REDIS_TEST_URL} (start redis-server, or set REDIS_TEST_URL)`);
    database = await createTestDatabase();
    smtp = await new SmtpSink().start();
    const env = (name: string) => {
      const dir = mkdtempSync(join(tmpdir(), `acctsec-${name}-`));
      dataDirs.push(dir);
      return {
        DATABASE_URL: database.url,
        REDIS_URL: REDIS_TEST_URL,
        REDIS_PREFIX: prefix,
        SMTP_URL: smtp.url,
        ENCRYPTION_KEY: sharedKey,
        DATA_DIR: dir,
        BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOGIN_FAILURES_PER_IP: String(FAILURES_PER_IP),
        RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE),
        // One web app in front of both (a load balancer): one WebAuthn origin and RP id.
        WEB_APP_URL: WEB_APP,
      };
    };
    const sharedKey = randomBytes(32).toString('base64');
    // One after the other: A runs the migrations on the empty database, B finds them done.
    A = await startAppProcess('A', env('a'));
    B = await startAppProcess('B', env('b'));
  }, 90_000);

  afterAll(async () => {
    await Promise.all([A?.stop(), B?.stop()]);
    await smtp?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix);
    dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  afterEach(() => {
    // A crashed instance would make every later assertion meaningless: say so plainly.
    for (const app of [A, B]) if (app?.exited) throw new Error(`instance ${app.name} exited:\n${app.output().slice(-3000)}`);
  });

  let userSeq = 0;
  /** A fresh agent, created through the admin API of `app`, signed in there. */
  async function createAgent(app: AppProcess, ip: string) {
    const anon = new Client(app.url, undefined, ip);
    const admin = anon.withToken((await anon.ok(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).login.token);
    const email = `scaled${++userSeq}-${randomBytes(3).toString('hex')}@example.com`;
    const password = 'Agent-Password-2026!';
    await admin.ok(CREATE_USER, { input: { email, password, displayName: 'Scaled Agent' } });
    const { login } = await anon.ok(LOGIN, { email, password });
    return { email, password, anon, client: anon.withToken(login.token) };
  }

  /** Turns TOTP on for the agent (through `app`); returns the secret and the step used. */
  async function withTotp(agent: Awaited<ReturnType<typeof createAgent>>) {
    const { enableTotp } = await agent.client.ok(ENABLE_TOTP);
    const step = Math.floor(Date.now() / 30_000);
    await agent.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret, step * 30_000) });
    return {
      secret: enableTotp.secret as string,
      /** A code for the step after the one confirmed: inside the ±1 window for the next minute, and no replay. */
      nextCode: () => totpFor(enableTotp.secret, (step + 1) * 30_000),
      /** A 6-digit code that none of the steps around now would accept. */
      wrongCode: () => {
        const valid = new Set([-1, 0, 1, 2].map((d) => totpFor(enableTotp.secret, (step + d) * 30_000)));
        for (let n = 0; ; n++) {
          const c = String(n).padStart(6, '0');
          if (!valid.has(c)) return c;
        }
      },
    };
  }

  async function challenge(client: Client, email: string, password: string): Promise<string> {
    const { login } = await client.ok(LOGIN, { email, password });
    expect(login.__typename).toBe('TwoFactorChallenge');
    return login.challengeToken;
  }

  it('a login challenge created on A is verified on B, and the session works on both', async () => {
    const ip = nextIp();
    const agent = await createAgent(A, ip);
    const totp = await withTotp(agent);

    const challengeToken = await challenge(agent.anon.on(A), agent.email, agent.password);
    const { verifyCode } = await agent.anon.on(B).ok(VERIFY_CODE, { challengeToken, method: 'TOTP', code: totp.nextCode() });
    expect(verifyCode.user.email).toBe(agent.email);

    const session = agent.anon.withToken(verifyCode.token);
    expect((await session.on(A).ok(ME)).me.email).toBe(agent.email);
    expect((await session.on(B).ok(ME)).me.email).toBe(agent.email);
    // Single use across instances too: the challenge is gone for A as well.
    const again = await agent.anon.on(A).fail(VERIFY_CODE, { challengeToken, method: 'TOTP', code: totp.nextCode() });
    expect(codeOf(again)).toBe('CODE_EXPIRED');
  });

  it('passkey ceremonies begun on A finish on B (challenges live in the database), once', async () => {
    const agent = await createAgent(A, nextIp());
    const key = new SoftAuthenticator({ origin: WEB_APP });
    const { beginWebAuthnRegistration } = await agent.client.on(A).ok(BEGIN_REGISTRATION);
    const reg = await agent.client.on(B).ok(FINISH_REGISTRATION, { response: asJson(key.register(beginWebAuthnRegistration)), name: 'Key' });
    expect(reg.finishWebAuthnRegistration.backupCodes).toHaveLength(10);

    const { beginPasskeyLogin } = await agent.anon.on(B).ok(BEGIN_PASSKEY_LOGIN);
    const response = asJson(key.assert(beginPasskeyLogin.options));
    const { finishPasskeyLogin } = await agent.anon.on(A).ok(FINISH_PASSKEY_LOGIN, { loginToken: beginPasskeyLogin.loginToken, response });
    expect(finishPasskeyLogin.user.email).toBe(agent.email);
    // Used on A: refused on B.
    expect(codeOf(await agent.anon.on(B).fail(FINISH_PASSKEY_LOGIN, { loginToken: beginPasskeyLogin.loginToken, response }))).toBe('CODE_EXPIRED');
  });

  it('a 2FA lockout earned on A holds on B', async () => {
    const ip = nextIp();
    const agent = await createAgent(A, ip);
    const totp = await withTotp(agent);

    // Ten wrong codes on A (a challenge dies after five tries, so two challenges).
    for (let round = 0; round < 2; round++) {
      const challengeToken = await challenge(agent.anon.on(A), agent.email, agent.password);
      for (let i = 0; i < 5; i++) {
        const e = await agent.anon.on(A).fail(VERIFY_CODE, { challengeToken, method: 'TOTP', code: totp.wrongCode() });
        expect(codeOf(e)).toBe('INVALID_CODE');
      }
    }

    // On B the right code is refused while the lock lasts (15 minutes).
    const challengeToken = await challenge(agent.anon.on(B), agent.email, agent.password);
    const locked = await agent.anon.on(B).fail(VERIFY_CODE, { challengeToken, method: 'TOTP', code: totp.nextCode() });
    expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.extensions?.retryAfterSeconds).toBeGreaterThan(800);
    expect(locked.extensions?.retryAfterSeconds).toBeLessThanOrEqual(900);
    const { me } = await agent.client.on(B).ok(MY_SECURITY);
    expect(new Date(me.security.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 800_000);
  });

  it('a per-IP failed-login limit earned on A holds on B (counted in Redis), and only for that IP', async () => {
    const ip = nextIp();
    const agent = await createAgent(A, ip);
    const attacker = new Client(A.url, undefined, nextIp());

    for (let i = 0; i < FAILURES_PER_IP; i++) {
      const e = await attacker.on(A).fail(LOGIN, { email: agent.email, password: `wrong-${i}` });
      expect(codeOf(e)).toBe('UNAUTHENTICATED');
    }
    const redis = redisClient(prefix);
    try {
      expect(await redis.zcard(`login-failures:${attacker.ip}`)).toBe(FAILURES_PER_IP);
    } finally {
      redis.disconnect();
    }

    // Even the right password is refused from that address, on B as on A.
    for (const app of [B, A]) {
      const e = await attacker.on(app).fail(LOGIN, { email: agent.email, password: agent.password });
      expect(codeOf(e)).toBe('TOO_MANY_ATTEMPTS');
      expect(e.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(e.extensions?.retryAfterSeconds).toBeLessThanOrEqual(300);
    }
    // Another address is not affected.
    const { login } = await new Client(B.url, undefined, nextIp()).ok(LOGIN, { email: agent.email, password: agent.password });
    expect(login.__typename).toBe('AuthSession');
  });

  it('a burst split across A and B at once: the per-IP limit (Redis) and the account lock (MariaDB) hold', async () => {
    const agent = await createAgent(A, nextIp());
    const totp = await withTotp(agent);
    // 100 wrong passwords from one address, half to each instance, released together.
    const ip = nextIp();
    const logins = (app: AppProcess, n: number) =>
      burst(app.url, Array.from({ length: n }, (_, i) => ({ query: LOGIN, variables: { email: agent.email, password: `wrong-${i}` }, headers: { 'x-forwarded-for': ip } })));
    const passwordAnswers = (await Promise.all([logins(A, 50), logins(B, 50)])).flat();
    const p = tally(passwordAnswers);
    expect(p.UNAUTHENTICATED).toBeLessThanOrEqual(FAILURES_PER_IP);
    expect(p.UNAUTHENTICATED + p.TOO_MANY_ATTEMPTS).toBe(100);

    // 24 challenges, 5 wrong codes each, half to each instance: at most 10 count before the lock.
    const challenges: string[] = [];
    for (let i = 0; i < 24; i++) challenges.push(await challenge(new Client(A.url, undefined, nextIp()), agent.email, agent.password));
    const codes = (app: AppProcess, half: number) =>
      burst(app.url, Array.from({ length: 60 }, (_, i) => ({ query: VERIFY_CODE, variables: { challengeToken: challenges[(i % 12) + half * 12], method: 'TOTP', code: totp.wrongCode() }, headers: { 'x-forwarded-for': `192.0.2.${half * 60 + i + 1}` } })));
    const c = tally((await Promise.all([codes(A, 0), codes(B, 1)])).flat());
    // Every answer is one of the limits under test (no address sent more than one: the request limit stays out of it).
    expect(c.INVALID_CODE + (c.TOO_MANY_ATTEMPTS ?? 0) + (c.CODE_EXPIRED ?? 0)).toBe(120);
    expect(c.INVALID_CODE).toBeLessThanOrEqual(10);
    const { me } = await agent.client.on(B).ok(MY_SECURITY);
    expect(me.security.lockedUntil).not.toBeNull();
  });

  it('a session revoked (logout) on A is refused on B at once', async () => {
    const ip = nextIp();
    const agent = await createAgent(A, ip);
    expect((await agent.client.on(B).ok(ME)).me.email).toBe(agent.email);

    expect((await agent.client.on(A).ok(LOGOUT)).logout).toBe(true);
    const e = await agent.client.on(B).fail(ME);
    expect(codeOf(e)).toBe('UNAUTHENTICATED');
  });

  it('a session revoked from another session on A (revokeSession, revokeOtherSessions) is refused on B at once', async () => {
    const ip = nextIp();
    const agent = await createAgent(A, ip);
    const other = agent.anon.withToken((await agent.anon.ok(LOGIN, { email: agent.email, password: agent.password })).login.token);
    const third = agent.anon.withToken((await agent.anon.ok(LOGIN, { email: agent.email, password: agent.password })).login.token);
    expect((await other.on(B).ok(ME)).me.email).toBe(agent.email);
    const { mySessions } = await other.on(B).ok(MY_SESSIONS);
    const otherId = mySessions.find((s) => s.current)!.id;

    expect((await agent.client.on(A).ok(REVOKE_SESSION, { id: otherId })).revokeSession).toBe(true);
    expect(codeOf(await other.on(B).fail(ME))).toBe('UNAUTHENTICATED');

    expect((await third.on(B).ok(ME)).me.email).toBe(agent.email);
    expect((await agent.client.on(A).ok(REVOKE_OTHER_SESSIONS)).revokeOtherSessions).toBe(1);
    expect(codeOf(await third.on(B).fail(ME))).toBe('UNAUTHENTICATED');
    expect((await agent.client.on(B).ok(ME)).me.email).toBe(agent.email);
  });

  it('the per-IP request limit is shared: GraphQL answers TOO_MANY_ATTEMPTS, the SSO route redirects with too_many_requests', async () => {
    const flood = new Client(A.url, undefined, nextIp());
    // One HTTP request counts once, however many root fields (aliases) it holds.
    const remaining = async (app: AppProcess, query: string) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': flood.ip },
        body: JSON.stringify({ query }),
      });
      return Number(res.headers.get('x-ratelimit-remaining'));
    };
    expect(await remaining(A, 'query { me { id } }')).toBe(REQUESTS_PER_MINUTE - 1);
    expect(await remaining(B, 'query { a: me { id } b: me { id } c: me { id } }')).toBe(REQUESTS_PER_MINUTE - 2);

    // Operations that fail authentication count too (the limit runs before the auth guard).
    const half = (REQUESTS_PER_MINUTE - 2) / 2;
    const sent = await Promise.all([
      ...Array.from({ length: half }, () => flood.on(A).request(ME)),
      ...Array.from({ length: half }, () => flood.on(B).request(ME)),
    ]);
    expect(sent.map((r) => codeOf(r.errors![0]))).toEqual(Array(REQUESTS_PER_MINUTE - 2).fill('UNAUTHENTICATED'));

    for (const app of [A, B]) {
      const e = await flood.on(app).fail(ME);
      expect(codeOf(e)).toBe('TOO_MANY_ATTEMPTS');
      expect(e.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(e.extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // The browser's SSO route from the same address: a redirect to a page with a sentence, not JSON.
    const res = await fetch(`${B.url}/auth/sso/some-provider`, { redirect: 'manual', headers: { 'x-forwarded-for': flood.ip } });
    expect(res.status).toBe(303);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/login');
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('too_many_requests');

    // Other addresses are unaffected.
    const other = new Client(B.url, undefined, nextIp());
    expect(codeOf(await other.fail(ME))).toBe('UNAUTHENTICATED');
  });
});
