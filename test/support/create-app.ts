import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo, createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { createTestDatabase, TestDatabase } from './database';
import { GqlClient } from './gql';
import { SmtpSink } from './smtp-sink';
import { LOGIN } from './operations';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'Admin-Password-2026!';

export interface TestApp {
  app: INestApplication;
  url: string;
  gql: GqlClient;
  smtp: SmtpSink;
  db: DataSource;
  database: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
  /** A fresh admin client (logs in as the bootstrap admin). */
  admin(): Promise<GqlClient>;
}

/**
 * Boots the whole app over HTTP on a fresh database (TEST_DB) with a real SMTP sink on loopback.
 * `env` overrides are applied to process.env for the boot. It listens on 127.0.0.1, on `env.PORT`
 * when given (a page origin the app must know in advance, see `localhostEnv`), else on a free port.
 */
export async function startTestApp(env: Record<string, string> = {}, opts: { database?: TestDatabase; smtp?: SmtpSink } = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const smtp = opts.smtp ?? (await new SmtpSink().start());
  const fullEnv: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'acctsec-data-')),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // '' unsets: nothing from an earlier boot in the same worker leaks into this one
    ENCRYPTION_KEYS_PREVIOUS: '',
    DB_LOG: '',
    ...env,
  };
  for (const [k, v] of Object.entries(fullEnv)) {
    if (v === '') delete process.env[k];
    else process.env[k] = v;
  }
  let app: INestApplication | undefined;
  try {
    app = await createApp({ logger: process.env.TEST_LOG ? ['log', 'warn', 'error'] : ['error'] });
    await app.listen(env.PORT ? Number(env.PORT) : 0, '127.0.0.1');
  } catch (e) {
    await app?.close().catch(() => undefined);
    if (!opts.smtp) await smtp.stop();
    if (!opts.database) await database.drop();
    throw e;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const booted = app;
  const url = `http://127.0.0.1:${port}`;
  const gql = new GqlClient(url);
  return {
    app,
    url,
    gql,
    smtp,
    db: app.get(DataSource),
    database,
    env: fullEnv,
    async admin() {
      const r = await gql.ok(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      return gql.withToken(r.login.token);
    },
    async close() {
      await booted.close();
      if (!opts.smtp) await smtp.stop();
      if (!opts.database) await database.drop();
    },
  };
}

/** A port nobody listens on now on 127.0.0.1 (the OS picks it; free again when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The env of an app whose pages are at http://localhost:<port>, a free port: an origin that the
 * app knows before it boots (WEB_APP_URL, PUBLIC_URL: the WebAuthn origin and RP id `localhost`)
 * and that browsers treat as secure, which WebAuthn needs (it refuses IP-address origins).
 */
export async function localhostEnv(): Promise<Record<string, string>> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  return { PORT: String(port), WEB_APP_URL: origin, PUBLIC_URL: origin };
}

/** A timestamp as both SQLite (TypeORM's text format) and MariaDB accept it in raw SQL. */
export function dbTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

let seq = 0;
/** Creates a user through the admin API and signs it in. */
export async function createAgent(t: TestApp, overrides: Partial<{ email: string; password: string; displayName: string; role: string }> = {}) {
  const admin = await t.admin();
  const email = overrides.email ?? `agent${++seq}-${randomBytes(3).toString('hex')}@example.com`;
  const password = overrides.password ?? 'Agent-Password-2026!';
  const created = await admin.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`,
    { input: { email, password, displayName: overrides.displayName ?? 'Test Agent', role: overrides.role ?? 'AGENT' } },
  );
  const login = await t.gql.ok(LOGIN, { email, password });
  return { id: created.createUser.id as string, email, password, client: t.gql.withToken(login.login.token), token: login.login.token as string, login: login.login };
}
