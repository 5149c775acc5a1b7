import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from './support/create-app';
import { createTestDatabase, databaseName, MARIADB_URL, mysqlConnection, TEST_DB } from './support/database';
import { LOGIN, ME } from './support/operations';
import { freePort, redisReachable, REDIS_TEST_URL, startAppProcess } from './support/processes';
import { SmtpSink } from './support/smtp-sink';

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('GET /health/live: up without any dependency, public, terminus JSON', async () => {
    const r = await get(`${t.url}/health/live`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });

  it('GET /health/ready: database and SMTP up (no Redis without REDIS_URL)', async () => {
    const r = await get(`${t.url}/health/ready`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.info).toEqual({ database: { status: 'up' }, smtp: { status: 'up' } });
  });

  it('is public even with a dead token', async () => {
    const r = await get(`${t.url}/health/ready`, { authorization: 'Bearer not-a-session' });
    expect(r.status).toBe(200);
  });

  it('SMTP down → 503 naming smtp, and back to 200 when it returns', async () => {
    const port = t.smtp.port;
    await t.smtp.stop();
    try {
      const started = Date.now();
      const r = await get(`${t.url}/health/ready`);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r.status).toBe(503);
      expect(r.body.status).toBe('error');
      expect(r.body.info.database).toEqual({ status: 'up' });
      // Status per component only: the error's text (host, port, errno) is for the log.
      expect(r.body.error).toEqual({ smtp: { status: 'down' } });
      expect(r.body.details).toEqual({ database: { status: 'up' }, smtp: { status: 'down' } });
      expect(JSON.stringify(r.body)).not.toMatch(/SMTP connection failed|ECONNREFUSED|127\.0\.0\.1/);
      // live stays up: a dependency outage must not get the process restarted
      expect((await get(`${t.url}/health/live`)).status).toBe(200);
    } finally {
      await t.smtp.start(port);
    }
    expect((await get(`${t.url}/health/ready`)).status).toBe(200);
  });

  it('an SMTP server that accepts but never greets is down within the timeout; the reason is logged, not answered', async () => {
    // Accepts and says nothing; the app's timeout then resets the connection: ignore that reset
    // (an unhandled socket error would fail the whole suite).
    const silent: Server = createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const smtp = new SmtpSink();
    const logFile = join(mkdtempSync(join(tmpdir(), 'acctsec-health-log-')), 'app.log');
    const other = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, LOG_FILE: logFile, LOG_LEVEL: 'warn' }, { smtp: await smtp.start() });
    try {
      const started = Date.now();
      const r = await get(`${other.url}/health/ready`);
      expect(r.status).toBe(503);
      expect(r.body.error).toEqual({ smtp: { status: 'down' } });
      expect(JSON.stringify(r.body)).not.toMatch(/greeting/);
      expect(Date.now() - started).toBeLessThan(4000);
      const logged = () => existsSync(logFile) && /no SMTP greeting within/.test(readFileSync(logFile, 'utf8'));
      for (const deadline = Date.now() + 5000; !logged() && Date.now() < deadline; ) await new Promise((w) => setTimeout(w, 50));
      expect(logged()).toBe(true);
    } finally {
      await other.close();
      await smtp.stop();
      silent.close();
    }
  });

  it('database down → 503 naming the database; back up → 200', async () => {
    await t.db.destroy();
    try {
      const r = await get(`${t.url}/health/ready`);
      expect(r.status).toBe(503);
      expect(r.body.error).toEqual({ database: { status: 'down' } });
      expect(JSON.stringify(r.body)).not.toMatch(/SELECT|at .*\.(ts|js)|message|connect|initiali[sz]ed/i);
    } finally {
      await t.db.initialize();
    }
    expect((await get(`${t.url}/health/ready`)).status).toBe(200);
  });

  describe('Redis', () => {
    it('REDIS_URL set and Redis up → redis up', async () => {
      if (!(await redisReachable())) return console.warn(`skipped: no Redis at ${REDIS_TEST_URL}`);
      const other = await startTestApp({ REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `acctsec-health-${randomBytes(3).toString('hex')}:` }, { smtp: t.smtp });
      try {
        const r = await get(`${other.url}/health/ready`);
        expect(r.status).toBe(200);
        expect(r.body.info.redis).toEqual({ status: 'up' });
      } finally {
        await other.close();
      }
    });

    it('REDIS_URL set and nothing listening → 503 redis down, quickly', async () => {
      const deadPort = await freePort();
      const other = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${deadPort}` }, { smtp: t.smtp });
      try {
        const started = Date.now();
        const r = await get(`${other.url}/health/ready`);
        expect(Date.now() - started).toBeLessThan(3000);
        expect(r.status).toBe(503);
        expect(r.body.error).toEqual({ redis: { status: 'down' } });
        expect(r.body.info.database.status).toBe('up');
      } finally {
        await other.close();
      }
    });
  });
});

describe('graceful shutdown', () => {
  it('app.close(): requests in flight finish, new connections are refused, the database closes', async () => {
    const t = await startTestApp();
    try {
      const agent = await createAgent(t);
      const server = t.app.getHttpServer();
      let received = 0;
      server.on('request', () => received++);
      const before = received;
      // Password logins: argon2 keeps each in flight for tens of milliseconds.
      const inFlight = Array.from({ length: 8 }, () => t.gql.request(LOGIN, { email: agent.email, password: agent.password }));
      while (received < before + 8) await new Promise((r) => setTimeout(r, 2));
      const closing = t.app.close();
      const results = await Promise.all(inFlight);
      for (const r of results) {
        expect(r.status).toBe(200);
        expect(r.errors).toBeUndefined();
        expect(r.data!.login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
      await closing;
      await expect(fetch(`${t.url}/health/live`)).rejects.toThrow();
      expect(t.db.isInitialized).toBe(false);
    } finally {
      await t.smtp.stop();
      await t.database.drop();
    }
  });

  it('SIGTERM to `node src/main.ts`: in-flight logins complete, then the process exits', async () => {
    const database = await createTestDatabase();
    const smtp = await new SmtpSink().start();
    const key = randomBytes(32).toString('base64');
    const app = await startAppProcess('shutdown', {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      ENCRYPTION_KEY: key,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'acctsec-shutdown-')),
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    try {
      const arrived = () => app.output().split('\n').filter((l) => l.includes('"msg":"request received"') && l.includes('"path":"/graphql"')).length;
      const before = arrived();
      const inFlight = Array.from({ length: 6 }, () => app.gql.request(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
      // Once the server has read all six (its debug log says so), argon2 holds them ~50 ms each: stop it now.
      while (arrived() < before + 6) await new Promise((r) => setTimeout(r, 1));
      const stopped = app.stop(15_000);
      const results = await Promise.all(inFlight);
      for (const r of results) {
        expect(r.status).toBe(200);
        expect(r.data!.login.token).toBeTruthy();
      }
      const started = Date.now();
      await stopped;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(app.exited).toBe(true);
      await expect(fetch(`${app.url}/health/live`)).rejects.toThrow();
      // It shut down cleanly: no error logged on the way out.
      const lines = app.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(lines.filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
      // The sessions those logins created were written in full: they work on the next instance.
      const next = await startTestApp({ ENCRYPTION_KEY: key }, { database, smtp });
      try {
        for (const r of results) expect((await next.gql.withToken(r.data!.login.token).ok(ME)).me.email).toBe(ADMIN_EMAIL);
      } finally {
        await next.app.close();
      }
      if (TEST_DB === 'mariadb') {
        // The process held no connection open after it left (the pool was closed, not dropped).
        const name = databaseName(database.url);
        const c = await mysqlConnection(MARIADB_URL);
        const [rows] = await c.query('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ?', [name]);
        await c.end();
        expect(Number((rows as any)[0].n)).toBe(0);
      }
    } finally {
      await app.stop();
      await smtp.stop();
      await database.drop();
    }
  }, 90_000);
});
