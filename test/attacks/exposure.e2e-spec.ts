import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from '../support/create-app';
import { TEST_DB } from '../support/database';
import { codeOf } from '../support/gql';
import { LOGIN, ME, SETUP_EMAIL } from '../support/operations';

/**
 * Issue 10, point 6: what a caller can learn that it should not. Each test is the probe an
 * attacker (or a curious agent) would send, over HTTP against the running app.
 */

const EVENTS = (actor: string) => `query MyEvents { mySecurityEvents(first: 50) { edges { node { type ip userAgent actor { ${actor} } } } } }`;
const ADMIN_EVENTS = `query Events($userId: ID) { securityEvents(userId: $userId, first: 50) {
  edges { node { type ip userAgent actor { id displayName email role lastLoginAt } } } } }`;
const UNLOCK = `mutation Unlock($userId: ID!) { unlockAccount(userId: $userId) { id } }`;

const mode = (path: string) => statSync(path).mode & 0o777;

describe('an agent reading its own events sees only who else acted, not their details', () => {
  let t: TestApp;
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let adminId: string;
  // The admin acts from its own address and browser: the agent must learn neither.
  const adminOrigin = { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'AdminConsole/9.9 (secret-workstation)' };

  beforeAll(async () => {
    t = await startTestApp();
    agent = await createAgent(t, { displayName: 'Agent Smith' });
    const login = await t.gql.request(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, adminOrigin);
    const admin = t.gql.withToken(login.data!.login.token);
    adminId = login.data!.login.user.id;
    const r = await admin.request(UNLOCK, { userId: agent.id }, adminOrigin);
    expect(r.errors).toBeUndefined();
  });
  afterAll(async () => t?.close());

  const adminUnlock = (edges: Array<{ node: any }>) => edges.map((e) => e.node).find((n) => n.type === 'ADMIN_UNLOCK');

  it('actor { id displayName } only; ip and userAgent of the admin\'s event are null', async () => {
    const { mySecurityEvents } = await agent.client.ok(EVENTS('id displayName'));
    const unlock = adminUnlock(mySecurityEvents.edges);
    expect(unlock).toEqual({ type: 'ADMIN_UNLOCK', ip: null, userAgent: null, actor: { id: adminId, displayName: expect.any(String) } });
    // Events the agent caused itself keep their origin.
    const own = mySecurityEvents.edges.map((e: any) => e.node).find((n: any) => n.type === 'LOGIN');
    expect(own.ip).toMatch(/127\.0\.0\.1/);
    expect(own.actor).toBeNull();
    expect(JSON.stringify(mySecurityEvents)).not.toMatch(/203\.0\.113\.9|AdminConsole/);
  });

  it.each(['email', 'role', 'createdAt', 'lastLoginAt', 'security { twoFactorEnabled }'])('asking for the actor\'s %s answers FORBIDDEN, never the value', async (field) => {
    const r = await agent.client.request(EVENTS(`id displayName ${field}`));
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.errors!.every((e) => codeOf(e) === 'FORBIDDEN')).toBe(true);
    expect((r.errors![0] as { path?: unknown[] }).path).toEqual(expect.arrayContaining(['mySecurityEvents', 'actor']));
    expect(JSON.stringify(r)).not.toMatch(new RegExp(`${ADMIN_EMAIL}|ADMIN"|203\\.0\\.113\\.9`));
    // The rest of the page still arrives: the agent's own events are intact.
    const nodes = r.data!.mySecurityEvents.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.type === 'LOGIN')).toBeTruthy();
  });

  it('admins see everything: actor in full, the admin\'s ip and user agent', async () => {
    const admin = await t.admin();
    const { securityEvents } = await admin.ok(ADMIN_EVENTS, { userId: agent.id });
    expect(adminUnlock(securityEvents.edges)).toEqual({
      type: 'ADMIN_UNLOCK',
      ip: '203.0.113.9',
      userAgent: adminOrigin['user-agent'],
      actor: { id: adminId, displayName: expect.any(String), email: ADMIN_EMAIL, role: 'ADMIN', lastLoginAt: expect.any(String) },
    });
  });
});

describe('per-IP buckets: an IPv6 /64 is one client, an IPv4-mapped address is its IPv4 address', () => {
  let t: TestApp;
  const LIMIT = 4;
  beforeAll(async () => {
    // The general request limit, per client address (TRUST_PROXY defaults to loopback: the test
    // speaks for other clients with X-Forwarded-For).
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(async () => t?.close());

  // A root field with a resolver (guards do not run for `__typename`).
  const from = (ip: string) => t.gql.request('{ ssoProviders { id } }', {}, { 'x-forwarded-for': ip });
  const refused = async (ip: string) => {
    const r = await from(ip);
    return r.errors?.[0] ? codeOf(r.errors[0]) === 'TOO_MANY_ATTEMPTS' : false;
  };

  it('rotating through addresses of one /64 does not reset the limit; another /64 has its own', async () => {
    for (let i = 1; i <= LIMIT; i++) expect(await refused(`2001:db8:aa:1::${i.toString(16)}`)).toBe(false);
    expect(await refused('2001:db8:aa:1:ffff:1234:5678:9abc')).toBe(true);
    expect(await refused('2001:0db8:00aa:0001::77')).toBe(true);
    expect(await refused('2001:db8:aa:2::1')).toBe(false);
  });

  it('::ffff:198.51.100.7 and 198.51.100.7 share one bucket', async () => {
    for (let i = 0; i < LIMIT / 2; i++) {
      expect(await refused('198.51.100.7')).toBe(false);
      expect(await refused('::ffff:198.51.100.7')).toBe(false);
    }
    expect(await refused('198.51.100.7')).toBe(true);
    expect(await refused('::ffff:198.51.100.7')).toBe(true);
    expect(await refused('198.51.100.8')).toBe(false);
  });
});

describe('files that hold secrets are readable by the service user only', () => {
  let t: TestApp;
  let dataDir: string;
  let sqliteFile: string | null = null;

  beforeAll(async () => {
    // Folders that do not exist yet, so the app creates them.
    const root = mkdtempSync(join(tmpdir(), 'acctsec-perms-'));
    dataDir = join(root, 'data');
    const env: Record<string, string> = { DATA_DIR: dataDir, SMTP_URL: '', ENCRYPTION_KEY: '' };
    if (TEST_DB === 'sqlite') {
      sqliteFile = join(root, 'db', 'nested', 'app.sqlite');
      env.DATABASE_URL = `sqlite:${sqliteFile}`;
    }
    t = await startTestApp(env);
  });
  afterAll(async () => t?.close());

  it('the generated encryption key: 0600 in a 0700 folder', () => {
    expect(mode(join(dataDir, 'encryption.key'))).toBe(0o600);
    expect(mode(dataDir)).toBe(0o700);
  });

  it('outbox .eml files (they hold codes): 0600 in a 0700 folder', async () => {
    const agent = await createAgent(t);
    await agent.client.ok(SETUP_EMAIL);
    const outbox = join(dataDir, 'outbox');
    const mails = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(mails.length).toBeGreaterThan(0);
    expect(mode(outbox)).toBe(0o700);
    for (const f of mails) expect(mode(join(outbox, f))).toBe(0o600);
  });

  it('the SQLite database and its -wal and -shm files: 0600; the folders it created: 0700', () => {
    if (!sqliteFile) return; // MariaDB pass: no database file of ours
    const files = [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`];
    for (const f of files) {
      expect(existsSync(f)).toBe(true);
      expect([f, mode(f)]).toEqual([f, 0o600]);
    }
    expect(mode(join(sqliteFile, '..'))).toBe(0o700);
    expect(mode(join(sqliteFile, '..', '..'))).toBe(0o700);
  });
});

describe('/health/ready tells anonymous callers only which component is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('no error text, host, port or driver message in the answer', async () => {
    const port = t.smtp.port;
    await t.smtp.stop();
    try {
      const res = await fetch(`${t.url}/health/ready`);
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(JSON.parse(text)).toEqual({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { smtp: { status: 'down' } },
        details: { database: { status: 'up' }, smtp: { status: 'down' } },
      });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|message|connect|failed/i);
    } finally {
      await t.smtp.start(port);
    }
  });
});

describe('with NODE_ENV=production, errors do not suggest schema names ("Did you mean …")', () => {
  let prod: TestApp;
  let dev: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production' });
    dev = await startTestApp({}, { smtp: prod.smtp });
  });
  afterAll(async () => {
    await dev?.close();
    await prod?.close();
  });

  const raw = async (url: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> };
  };
  // Typos next to real names: a field, an argument, an enum value, a type, an input field (variables).
  const probes = (token: string) => [
    { body: { query: '{ me { emial displayNam } }' }, token, code: 'GRAPHQL_VALIDATION_FAILED' },
    { body: { query: 'mutation { login(emial: "a@example.com", password: "x") { __typename } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
    { body: { query: 'mutation { createUser(input: { email: "a@example.com", displayName: "A", password: "x", role: ADMNI }) { id } }' }, token, code: 'GRAPHQL_VALIDATION_FAILED' },
    { body: { query: '{ me { ... on Usr { id } } }' }, token, code: 'GRAPHQL_VALIDATION_FAILED' },
    {
      body: { query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', variables: { input: { emial: 'a@example.com', displayName: 'A', password: 'x' } } },
      token,
      code: 'BAD_USER_INPUT',
    },
  ];

  it('production: the errors name what was wrong, never a neighbouring real name', async () => {
    const admin = await prod.admin();
    for (const p of probes(admin.token!)) {
      const r = await raw(prod.url, p.body, p.token);
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(r.errors![0].extensions.code).toBe(p.code);
      expect(r.errors!.map((e) => e.message).join('\n')).not.toMatch(/Did you mean/);
    }
    const [field] = (await raw(prod.url, probes(admin.token!)[0].body, admin.token)).errors!;
    expect(field.message).toBe('Cannot query field "emial" on type "User".');
  });

  it('development keeps the suggestions (so the probes above do exercise them)', async () => {
    const admin = await dev.admin();
    for (const p of probes(admin.token!)) {
      const r = await raw(dev.url, p.body, p.token);
      expect(r.errors!.map((e) => e.message).join('\n')).toMatch(/Did you mean/);
    }
  });

  it('the production schema still answers normal requests', async () => {
    const admin = await prod.admin();
    expect((await admin.ok(ME)).me.email).toBe(ADMIN_EMAIL);
  });
});
