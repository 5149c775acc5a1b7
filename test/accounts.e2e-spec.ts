import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printAppSchema } from '../src/schema-file';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf } from './support/gql';
import { CHANGE_PASSWORD, CREATE_USER, LOGIN, LOGOUT, ME } from './support/operations';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('schema.gql matches the code', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(printAppSchema(t.app)).toBe(committed);
  });

  it('bootstrap admin can log in, create an agent, and the agent sees itself', async () => {
    const admin = await t.admin();
    const { createUser } = await admin.ok(CREATE_USER, {
      input: { email: 'Jane.Doe@Example.com', displayName: 'Jane Doe', password: 'a-long-enough-secret' },
    });
    expect(createUser).toMatchObject({ email: 'Jane.Doe@Example.com', displayName: 'Jane Doe', role: 'AGENT' });

    // email is case-insensitive at login
    const { login } = await t.gql.ok(LOGIN, { email: 'jane.doe@example.com', password: 'a-long-enough-secret' });
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(login.expiresAt).getTime() - Date.now()).toBeGreaterThan(11.9 * 3600 * 1000);
    const { me } = await t.gql.withToken(login.token).ok(ME);
    expect(me).toMatchObject({ id: createUser.id, email: 'Jane.Doe@Example.com', role: 'AGENT' });
    expect(me.lastLoginAt).not.toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const a = await createAgent(t);
    const rows = await t.db.query('SELECT token_hash FROM sessions WHERE user_id = ?', [a.id]);
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(a.token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a wrong password and an unknown email answer the same', async () => {
    const a = await createAgent(t);
    const wrong = await t.gql.fail(LOGIN, { email: a.email, password: 'not-the-password' });
    const unknown = await t.gql.fail(LOGIN, { email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong).toEqual(unknown);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.message).toBe('Invalid email or password');
    const ev = await t.db.query(`SELECT type FROM security_events WHERE user_id = ? AND type = 'LOGIN_FAILED'`, [a.id]);
    expect(ev.length).toBe(1);
  });

  it('refuses operations without a token or with a garbage token', async () => {
    expect(codeOf(await t.gql.fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql.withToken('garbage').fail(ME))).toBe('UNAUTHENTICATED');
    const r = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await r.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('an agent cannot create users (FORBIDDEN), anonymous cannot either (UNAUTHENTICATED)', async () => {
    const a = await createAgent(t);
    const input = { email: 'x1@example.com', displayName: 'X', password: 'a-long-enough-secret' };
    expect(codeOf(await a.client.fail(CREATE_USER, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql.fail(CREATE_USER, { input }))).toBe('UNAUTHENTICATED');
    const rows = await t.db.query(`SELECT id FROM users WHERE email_lower = 'x1@example.com'`);
    expect(rows.length).toBe(0);
  });

  it('logout revokes the token; other sessions stay', async () => {
    const a = await createAgent(t);
    const second = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(await a.client.ok(LOGOUT)).toEqual({ logout: true });
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    expect((await t.gql.withToken(second.login.token).ok(ME)).me.email).toBe(a.email);
  });

  it('an expired session is refused', async () => {
    const a = await createAgent(t);
    await t.db.query('UPDATE sessions SET expires_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 1000)), a.id]);
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
  });

  it('changePassword ends the other sessions and keeps the caller', async () => {
    const a = await createAgent(t);
    const other = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    const wrong = await a.client.fail(CHANGE_PASSWORD, { currentPassword: 'nope-nope-nope', newPassword: 'a brand new secret' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    const weak = await a.client.fail(CHANGE_PASSWORD, { currentPassword: a.password, newPassword: 'password123' });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    await a.client.ok(CHANGE_PASSWORD, { currentPassword: a.password, newPassword: 'a brand new secret' });
    expect((await a.client.ok(ME)).me.id).toBe(a.id);
    expect(codeOf(await t.gql.withToken(other.login.token).fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql.fail(LOGIN, { email: a.email, password: a.password }))).toBe('UNAUTHENTICATED');
    await t.gql.ok(LOGIN, { email: a.email, password: 'a brand new secret' });
  });

  describe('validation', () => {
    const bad = async (input: Record<string, unknown>) => {
      const admin = await t.admin();
      const base = { email: 'valid@example.com', displayName: 'Valid', password: 'a-long-enough-secret' };
      return admin.fail(CREATE_USER, { input: { ...base, ...input } });
    };
    it.each([
      ['a malformed email', { email: 'not-an-email' }, /email/],
      ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.com` }, /email/],
      ['an empty display name', { displayName: '' }, /displayName/],
      ['a short password', { password: 'short' }, /at least 8/],
      ['a common password', { password: 'Password123' }, /common/],
      ['a huge password', { password: 'x'.repeat(5000) }, /password/],
    ])('refuses %s with BAD_USER_INPUT', async (_name, input, message) => {
      const e = await bad(input);
      expect(codeOf(e)).toBe('BAD_USER_INPUT');
      expect(e.message).toMatch(message);
      expect(JSON.stringify(e)).not.toMatch(/stack|at .*\.ts|SELECT|INSERT/);
    });

    it('an email over 254 characters at login is BAD_USER_INPUT', async () => {
      const e = await t.gql.fail(LOGIN, { email: `${'a'.repeat(300)}@example.com`, password: 'whatever-123' });
      expect(codeOf(e)).toBe('BAD_USER_INPUT');
    });

    it('a duplicate email, in any case, is CONFLICT', async () => {
      const a = await createAgent(t);
      const e = await bad({ email: a.email.toUpperCase() });
      expect(codeOf(e)).toBe('CONFLICT');
    });

    it('an unknown enum or a wrong type keeps Apollo codes; a parse error too', async () => {
      const admin = await t.admin();
      const r1 = await admin.request(CREATE_USER, { input: { email: 'e@example.com', displayName: 'E', password: 'a-long-enough-secret', role: 'ROOT' } });
      expect(r1.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const r2 = await admin.request('{ me { id ');
      expect(r2.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      const r3 = await admin.request('{ me { nope } }');
      expect(r3.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses bodies over 100 kB and malformed JSON cleanly', async () => {
      const big = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(150_000) } }),
      });
      expect(big.status).toBe(413);
      const bigBody = await big.text();
      expect(bigBody).toContain('BAD_REQUEST');
      expect(bigBody).not.toMatch(/at .*\.js|node_modules/);
      const junk = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(junk.status).toBe(400);
      expect(await junk.text()).not.toMatch(/at .*\.js|node_modules/);
    });
  });
});

describe('bootstrap admin', () => {
  it('is created once and never overwritten', async () => {
    const first = await startTestApp();
    try {
      const before = await first.db.query(`SELECT id, password_hash FROM users WHERE role = 'ADMIN'`);
      expect(before.length).toBe(1);
      await first.app.close();
      // Same database, different bootstrap password: the existing admin stays as it was.
      const second = await startTestApp(
        { BOOTSTRAP_ADMIN_PASSWORD: 'another-admin-password', ENCRYPTION_KEY: first.env.ENCRYPTION_KEY },
        { database: first.database, smtp: first.smtp },
      );
      try {
        const after = await second.db.query(`SELECT id, password_hash FROM users WHERE role = 'ADMIN'`);
        expect(after).toEqual(before);
        await second.gql.ok(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
        expect(codeOf(await second.gql.fail(LOGIN, { email: ADMIN_EMAIL, password: 'another-admin-password' }))).toBe('UNAUTHENTICATED');
      } finally {
        await second.app.close();
      }
    } finally {
      await first.smtp.stop();
      await first.database.drop();
    }
  });

  it('refuses to boot in production without ENCRYPTION_KEY, naming the variable', async () => {
    await expect(startTestApp({ NODE_ENV: 'production', ENCRYPTION_KEY: '' })).rejects.toThrow(/ENCRYPTION_KEY is required/);
  });

  it('refuses a malformed DATABASE_URL, naming the variable', async () => {
    await expect(startTestApp({ DATABASE_URL: 'postgres://x' })).rejects.toThrow(/DATABASE_URL must be/);
  });
});
