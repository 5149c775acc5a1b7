import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from './support/create-app';
import { TEST_DB } from './support/database';
import { codeOf, GqlClient } from './support/gql';
import { MariaDbInstance } from './support/mariadb-instance';
import { CONFIRM_EMAIL, CREATE_USER, LOGIN, ME, MY_SECURITY, SEND_LOGIN_CODE, SETUP_EMAIL, VERIFY_CODE } from './support/operations';
import { AppProcess, RedisInstance, startAppProcess } from './support/processes';
import { SmtpSink } from './support/smtp-sink';

/**
 * Each fault is real: the SMTP sink is stopped (or replaced by a server that never answers) and
 * started again on its port; MariaDB is a private server that the test stops and restarts while
 * requests run. Runs in the MariaDB pass only.
 */
const describeFaults = TEST_DB === 'mariadb' ? describe : describe.skip;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP server that accepts SMTP connections and never says a word (a hung mail server). */
async function silentServer(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** One `me` with a client-side bound far above the server's: the answer, how long it took, its code. */
async function timedMe(url: string, token: string, email: string): Promise<{ ms: number; status: number; code: string }> {
  const start = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ME }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { data?: { me?: { email: string } }; errors?: Array<{ extensions?: { code?: string } }> };
    const code = body.errors?.[0]?.extensions?.code ?? (body.data?.me?.email === email ? 'OK' : 'WRONG_DATA');
    return { ms: Date.now() - start, status: res.status, code };
  } catch (e) {
    return { ms: Date.now() - start, status: 0, code: `NO_ANSWER(${(e as Error).name})` };
  }
}

describeFaults('faults', () => {
  describe('SMTP down', () => {
    let t: TestApp;
    let smtp: SmtpSink;
    let port: number;

    beforeAll(async () => {
      smtp = await new SmtpSink().start();
      port = smtp.port;
      t = await startTestApp({}, { smtp });
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.stop();
    });

    it('setupEmailTwoFactor answers MAIL_DELIVERY_FAILED, leaves nothing half-enabled, and can simply be retried', async () => {
      const a = await createAgent(t);
      await smtp.stop();

      const started = Date.now();
      const e = await a.client.fail(SETUP_EMAIL);
      const elapsed = Date.now() - started;
      expect(codeOf(e)).toBe('MAIL_DELIVERY_FAILED');
      expect(elapsed).toBeLessThan(5_000);

      // Nothing behind: no live code, the 30 s re-send slot not used, the method still off.
      const [codes] = await t.db.query('SELECT COUNT(*) AS n FROM email_codes WHERE user_id = ? AND consumed_at IS NULL', [a.id]);
      expect(Number(codes.n)).toBe(0);
      const settings = await t.db.query('SELECT last_code_sent_at, email_enabled_at FROM two_factor_settings WHERE user_id = ?', [a.id]);
      expect(settings.every((r: { last_code_sent_at: unknown; email_enabled_at: unknown }) => r.last_code_sent_at === null && r.email_enabled_at === null)).toBe(true);
      const { me } = await a.client.ok(MY_SECURITY);
      expect(me.security.twoFactorEnabled).toBe(false);
      expect(me.security.email.enabled).toBe(false);
      expect(me.security.backupCodes.total).toBe(0);

      // The mail server comes back on the same port: an immediate retry works and confirms.
      smtp = await new SmtpSink().start(port);
      const { setupEmailTwoFactor } = await a.client.ok(SETUP_EMAIL);
      expect(setupEmailTwoFactor.sentTo).toBe(`${a.email[0]}***@example.com`);
      const code = await smtp.code(a.email, 0);
      const { confirmEmailTwoFactor } = await a.client.ok(CONFIRM_EMAIL, { code });
      expect(confirmEmailTwoFactor.backupCodes).toHaveLength(10);
      expect(confirmEmailTwoFactor.user.security.email.enabled).toBe(true);
    });

    it('a mail server that accepts but never answers fails the login code within a bound; the retry works at once', async () => {
      const a = await createAgent(t);
      const before = smtp.to(a.email).length;
      await a.client.ok(SETUP_EMAIL);
      await a.client.ok(CONFIRM_EMAIL, { code: await smtp.code(a.email, before) });

      // The setup mail just used the account's 30 s re-send slot: free it, as if time had passed.
      await t.db.query('UPDATE two_factor_settings SET last_code_sent_at = NULL WHERE user_id = ?', [a.id]);
      const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
      expect(login.__typename).toBe('TwoFactorChallenge');
      await smtp.stop();
      const hung = await silentServer(port);
      const started = Date.now();
      const e = await t.gql.fail(SEND_LOGIN_CODE, { challengeToken: login.challengeToken });
      const elapsed = Date.now() - started;
      await hung.close();
      expect(codeOf(e)).toBe('MAIL_DELIVERY_FAILED');
      // The mailer's greeting timeout (10 s) bounds it.
      expect(elapsed).toBeLessThan(15_000);

      smtp = await new SmtpSink().start(port);
      await t.gql.ok(SEND_LOGIN_CODE, { challengeToken: login.challengeToken });
      const code = await smtp.code(a.email, 0);
      const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'EMAIL', code });
      expect(verifyCode.user.email).toBe(a.email);
    }, 40_000);
  });

  describe('MariaDB restarted during load; Redis down', () => {
    // Both are private servers of this test, never the shared ones.
    let mariadb: MariaDbInstance;
    let redis: RedisInstance;
    let smtp: SmtpSink;
    let app: AppProcess;
    let dataDir: string;
    const prefix = 'acctsec-faults:';

    beforeAll(async () => {
      [mariadb, redis, smtp] = await Promise.all([MariaDbInstance.create(), RedisInstance.create(), new SmtpSink().start()]);
      dataDir = mkdtempSync(join(tmpdir(), 'acctsec-faults-'));
      app = await startAppProcess('faults', {
        DATABASE_URL: mariadb.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: prefix,
        SMTP_URL: smtp.url,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: dataDir,
        BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOGIN_FAILURES_PER_IP: '5',
        // The load below is far beyond a client's normal rate; the limit stays on (so its Redis
        // counters are part of every request) but high.
        RATE_LIMIT_PER_MINUTE: '1000000',
      });
    }, 90_000);

    afterAll(async () => {
      await app?.stop();
      await Promise.all([mariadb?.destroy(), redis?.stop(), smtp?.stop()]);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    interface Sample { start: number; ms: number; status: number; code: string }
    const PASSWORD = 'Agent-Password-2026!';
    let email: string;
    let agent: GqlClient;

    beforeAll(async () => {
      const anon = app.gql;
      const admin = anon.withToken((await anon.ok(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).login.token);
      email = `fault-${randomBytes(3).toString('hex')}@example.com`;
      await admin.ok(CREATE_USER, { input: { email, password: PASSWORD, displayName: 'Fault Agent' } });
      agent = anon.withToken((await anon.ok(LOGIN, { email, password: PASSWORD })).login.token);
    });

    async function meOnce(): Promise<Sample> {
      const start = Date.now();
      try {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
          body: JSON.stringify({ query: ME }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await res.json()) as { data?: { me?: { email: string } }; errors?: Array<{ extensions?: { code?: string } }> };
        const code = body.errors?.[0]?.extensions?.code ?? (body.data?.me?.email === email ? 'OK' : 'WRONG_DATA');
        return { start, ms: Date.now() - start, status: res.status, code };
      } catch (e) {
        return { start, ms: Date.now() - start, status: 0, code: `NO_ANSWER(${(e as Error).name})` };
      }
    }

    /**
     * Four clients loop on `me` while `takeDown` runs, the database stays down for `downMs`, and
     * it is started again; the loops go on until the app answers again, plus two seconds.
     */
    async function outage(label: string, takeDown: () => Promise<void>, downMs: number) {
      expect((await agent.ok(ME)).me.email).toBe(email);
      const samples: Sample[] = [];
      let running = true;
      const loops = Array.from({ length: 4 }, async () => {
        while (running) {
          samples.push(await meOnce());
          await sleep(20);
        }
      });
      await sleep(1_000);
      const stopAt = Date.now();
      await takeDown();
      const downAt = Date.now();
      await sleep(downMs);
      const restartAt = Date.now();
      await mariadb.start();
      const upAt = Date.now();
      const recovered = () => samples.find((s) => s.start > upAt && s.code === 'OK');
      for (const deadline = upAt + 20_000; Date.now() < deadline && !recovered(); ) await sleep(50);
      const first = recovered();
      const recoveredAt = first ? first.start + first.ms : undefined;
      await sleep(2_000);
      running = false;
      await Promise.all(loops);

      const during = samples.filter((s) => s.start >= downAt && s.start < restartAt);
      const failures = samples.filter((s) => s.code !== 'OK');
      const kinds = [...new Set(failures.map((s) => `${s.status} ${s.code}`))];
      const outageMs = during.map((s) => s.ms).sort((x, y) => x - y);
      const summary = {
        requests: samples.length,
        failed: failures.length,
        failureKinds: kinds,
        mariadbDownMs: downAt - stopAt,
        mariadbStartMs: upAt - restartAt,
        outageAnswerMsP50: outageMs[Math.floor(outageMs.length / 2)],
        outageAnswerMsMax: outageMs[outageMs.length - 1],
        maxAnswerMs: Math.max(...samples.map((s) => s.ms)),
        recoveryAfterMariadbUpMs: recoveredAt === undefined ? null : recoveredAt - upAt,
      };
      console.log(`MariaDB ${label} under load: ${JSON.stringify(summary)}`);

      expect(app.exited).toBe(false);
      // While it was down: answered, quickly, and only with SERVICE_UNAVAILABLE (HTTP 200, as
      // every GraphQL error); never INTERNAL_SERVER_ERROR, a 5xx or no answer.
      expect(during.length).toBeGreaterThan(10);
      expect(kinds).toEqual(kinds.filter((k) => k === '200 SERVICE_UNAVAILABLE'));
      expect(during.every((s) => s.code === 'SERVICE_UNAVAILABLE')).toBe(true);
      expect(summary.maxAnswerMs).toBeLessThan(5_000);
      // Back by itself within seconds, and staying back.
      expect(summary.recoveryAfterMariadbUpMs).not.toBeNull();
      expect(summary.recoveryAfterMariadbUpMs!).toBeLessThan(5_000);
      const after = samples.filter((s) => s.start > recoveredAt!);
      expect(after.length).toBeGreaterThan(10);
      expect(after.every((s) => s.code === 'OK')).toBe(true);
      // Writes work again too: a fresh login writes a session and an event.
      const again = await app.gql.ok(LOGIN, { email, password: PASSWORD });
      expect(again.login.__typename).toBe('AuthSession');
    }

    it('a clean restart: SERVICE_UNAVAILABLE (never 500, never a hang) while down, recovery by itself', async () => {
      await outage('stopped (SIGTERM) and restarted', () => mariadb.stop(), 4_000);
    }, 60_000);

    it('a crash: the same', async () => {
      await outage('killed (SIGKILL) and restarted', () => mariadb.kill(), 2_000);
    }, 60_000);

    it('Redis down: the limits fall back to the instance\'s memory (nothing fails or hangs); shared again once it is back', async () => {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
        const start = Date.now();
        const result = await work();
        return [result, Date.now() - start];
      };
      await redis.stop();

      const ip = '198.51.100.1';
      for (let i = 0; i < 5; i++) {
        const [r, ms] = await timed(() => app.gql.request(LOGIN, { email, password: `wrong-${i}` }, from(ip)));
        expect(codeOf(r.errors![0])).toBe('UNAUTHENTICATED');
        expect(ms).toBeLessThan(2_000);
      }
      const [limited] = await timed(() => app.gql.request(LOGIN, { email, password: PASSWORD }, from(ip)));
      expect(codeOf(limited.errors![0])).toBe('TOO_MANY_ATTEMPTS');
      const [me, ms] = await timed(() => agent.ok(ME));
      expect(me.me.email).toBe(email);
      expect(ms).toBeLessThan(2_000);

      // Back: the app reconnects by itself (retries at most every 2 s) and counts in Redis again.
      await redis.start();
      const client = redis.client();
      try {
        const other = '198.51.100.2';
        let shared = 0;
        for (const deadline = Date.now() + 15_000; Date.now() < deadline && shared === 0; await sleep(500)) {
          await app.gql.request(LOGIN, { email, password: 'wrong-again' }, from(other));
          shared = await client.zcard(`${prefix}login-failures:${other}`);
        }
        expect(shared).toBeGreaterThan(0);
      } finally {
        client.disconnect();
      }
      expect(app.exited).toBe(false);
    }, 40_000);
  });
  describe('MariaDB frozen (SIGSTOP): the per-query timeout', () => {
    // A frozen server keeps its sockets open and answers nothing: without a query timeout a
    // request on a pooled connection waits until the server thaws, however long that is.
    const QUERY_TIMEOUT_MS = 1_500;
    // The handshake bound of a new connection (connectTimeout in data-source.ts).
    const CONNECT_TIMEOUT_MS = 3_000;
    let mariadb: MariaDbInstance;
    let smtp: SmtpSink;
    let app: AppProcess;
    let dataDir: string;
    const PASSWORD = 'Agent-Password-2026!';
    let email: string;
    let token: string;

    beforeAll(async () => {
      [mariadb, smtp] = await Promise.all([MariaDbInstance.create(), new SmtpSink().start()]);
      dataDir = mkdtempSync(join(tmpdir(), 'acctsec-freeze-'));
      app = await startAppProcess('freeze', {
        DATABASE_URL: mariadb.url,
        SMTP_URL: smtp.url,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: dataDir,
        BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
        RATE_LIMIT_PER_MINUTE: '0',
      });
      const admin = app.gql.withToken((await app.gql.ok(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).login.token);
      email = `freeze-${randomBytes(3).toString('hex')}@example.com`;
      await admin.ok(CREATE_USER, { input: { email, password: PASSWORD, displayName: 'Frozen Agent' } });
      token = (await app.gql.ok(LOGIN, { email, password: PASSWORD })).login.token;
    }, 90_000);

    afterAll(async () => {
      mariadb?.resume();
      await app?.stop();
      await Promise.all([mariadb?.destroy(), smtp?.stop()]);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('requests answer SERVICE_UNAVAILABLE within the timeout (plus slack) instead of hanging; after SIGCONT it recovers by itself', async () => {
      // Warm the pool: a few requests at once leave several idle connections behind, the ones
      // that would hang (a new connection is bounded by the handshake timeout already).
      const warm = await Promise.all(Array.from({ length: 4 }, () => timedMe(app.url, token, email)));
      expect(warm.map((r) => r.code)).toEqual(['OK', 'OK', 'OK', 'OK']);

      await mariadb.pause();
      let during: Array<{ ms: number; status: number; code: string }> = [];
      let health: { status: number; body: any };
      let login: { status: number; code: string };
      try {
        // Reads on pooled connections and a write (login), all at once; then a second round,
        // after the timed-out connections were dropped (new ones: the handshake bound).
        const [first, signIn] = await Promise.all([
          Promise.all(Array.from({ length: 4 }, () => timedMe(app.url, token, email))),
          app.gql.request(LOGIN, { email, password: PASSWORD }).then((r) => ({ status: r.status, code: String(r.errors?.[0]?.extensions?.code ?? 'OK') })),
        ]);
        const second = await Promise.all(Array.from({ length: 2 }, () => timedMe(app.url, token, email)));
        during = [...first, ...second];
        login = signIn;
        const res = await fetch(`${app.url}/health/ready`, { signal: AbortSignal.timeout(30_000) });
        health = { status: res.status, body: await res.json() };
      } finally {
        mariadb.resume();
      }
      console.log(`MariaDB frozen: answers ${JSON.stringify(during)}, login ${JSON.stringify(login)}`);

      expect(app.exited).toBe(false);
      for (const r of during) {
        expect([r.status, r.code]).toEqual([200, 'SERVICE_UNAVAILABLE']);
        // Bounded by the query timeout, or by the handshake timeout for a new connection, plus
        // slack for a busy machine; without the timeout these waited for the thaw (30 s here).
        expect(r.ms).toBeLessThan(QUERY_TIMEOUT_MS + CONNECT_TIMEOUT_MS + 5_000);
      }
      expect(login).toEqual({ status: 200, code: 'SERVICE_UNAVAILABLE' });
      expect(health.status).toBe(503);
      expect(health.body.error).toEqual({ database: { status: 'down' } });
      // The timeout is logged (and says what happened to the connection), never with SQL parameters.
      expect(app.output()).toMatch(/a query got no answer within 1500 ms: its connection was dropped/);

      // Thawed: back by itself, reads and writes.
      let back = await timedMe(app.url, token, email);
      for (const deadline = Date.now() + 20_000; back.code !== 'OK' && Date.now() < deadline; back = await timedMe(app.url, token, email)) await sleep(100);
      expect(back.code).toBe('OK');
      const again = await app.gql.ok(LOGIN, { email, password: PASSWORD });
      expect(again.login.__typename).toBe('AuthSession');
      const after = await Promise.all(Array.from({ length: 8 }, () => timedMe(app.url, token, email)));
      expect(after.every((r) => r.code === 'OK')).toBe(true);
    }, 90_000);
  });
});
