import { randomBytes, randomUUID } from 'node:crypto';
import { QueryCounter } from '../src/database/query-counter';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import { startIdp, TestIdp } from './support/oidc';
import { CONFIRM_TOTP, CREATE_USER, ENABLE_TOTP, ME, RESET_2FA, SECURITY_EVENTS } from './support/operations';
import { DEACTIVATE_USER } from './support/lifecycle-operations';
import { REVOKE_USER_SESSIONS } from './support/session-operations';
import { CONFIGURE_SSO_PROVIDER, RESET_2FA_UNLINK_SSO } from './support/sso-operations';
import { SORTED_USERS, TRIAGE_SECURITY } from './support/triage-operations';
import { totpFor } from './support/totp';

type Field = 'CREATED_AT' | 'EMAIL' | 'LAST_LOGIN_AT' | 'DISPLAY_NAME';
type Direction = 'ASC' | 'DESC';
const FIELDS: Field[] = ['CREATED_AT', 'EMAIL', 'LAST_LOGIN_AT', 'DISPLAY_NAME'];
/** The SQL order of each sort, as the service writes it (the id breaks ties in the same direction). */
const SQL: Record<Field, string> = { CREATED_AT: 'created_at', EMAIL: 'email_lower', LAST_LOGIN_AT: 'last_login_at', DISPLAY_NAME: 'LOWER(display_name)' };

/**
 * Issue 15, the admin console's triage and recovery, over the API: `users(orderBy:)` with keyset
 * paging per sort, a reset refused when there is nothing to reset, and the browser of a session an
 * admin ended told why.
 */
describe('admin triage and recovery API', () => {
  let t: TestApp;
  let idp: TestIdp;
  let admin: GqlClient;
  const rand = () => randomBytes(3).toString('hex');

  beforeAll(async () => {
    [t, idp] = await Promise.all([startTestApp({ DB_LOG: '1' }), startIdp()]);
    admin = await t.admin();
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  /** Accounts whose sort keys tie (same creation time, same last sign-in, names equal but for case). */
  async function seedSortable(tag: string): Promise<string[]> {
    const names = ['bob', 'Alice', 'alice', 'Émile', 'Zoë', 'Bob', 'carl', 'Carl', 'ÉMILE', 'dave', 'Eve'];
    const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const { createUser } = await admin.ok(CREATE_USER, {
        input: { email: `${String.fromCharCode(97 + (i % 4))}${i}.${tag}@Example.com`, displayName: `${name} ${tag}`, password: 'A-long-enough-secret-1' },
      });
      // Three creation times and two sign-in times for eleven rows, a third never signed in.
      const lastLogin = i % 3 === 0 ? null : dbTime(new Date(t0 + 3_600_000 + (i % 2) * 60_000));
      await t.db.query('UPDATE users SET created_at = ?, last_login_at = ? WHERE id = ?', [dbTime(new Date(t0 + (i % 3) * 1000)), lastLogin, createUser.id]);
      ids.push(createUser.id);
    }
    return ids;
  }

  async function pageAll(search: string, orderBy: { field: Field; direction: Direction } | null, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const { users }: any = await admin.ok(SORTED_USERS, { search, first, after, ...(orderBy ? { orderBy } : {}) });
      ids.push(...users.edges.map((e: any) => e.node.id));
      if (!users.pageInfo.hasNextPage) return { ids, totalCount: users.totalCount as number };
      after = users.pageInfo.endCursor;
    }
    throw new Error('no end of pages');
  }

  it('users(orderBy:) pages every sort in the database’s order, ties broken by id, nothing skipped or repeated', async () => {
    const tag = `srt${rand()}`;
    const ids = await seedSortable(tag);
    const placeholders = ids.map(() => '?').join(',');
    for (const field of FIELDS) {
      for (const direction of ['ASC', 'DESC'] as Direction[]) {
        const rows = (await t.db.query(`SELECT id FROM users WHERE id IN (${placeholders}) ORDER BY ${SQL[field]} ${direction}, id ${direction}`, ids)) as Array<{ id: string }>;
        const expected = rows.map((r) => r.id);
        for (const first of [2, 3, 100]) {
          const got = await pageAll(tag, { field, direction }, first);
          expect([field, direction, first, got.ids]).toEqual([field, direction, first, expected]);
          expect(got.totalCount).toBe(ids.length);
        }
      }
    }
    // The dates in the direction asked; never signed in below every date (first ascending, last descending).
    const { users } = await admin.ok(SORTED_USERS, { search: tag, first: 100, orderBy: { field: 'LAST_LOGIN_AT', direction: 'DESC' } });
    const logins = users.edges.map((e) => e.node.lastLoginAt);
    const firstNull = logins.findIndex((l) => l === null);
    expect(firstNull).toBeGreaterThan(0);
    expect(logins.slice(firstNull).every((l) => l === null)).toBe(true);
    const times = logins.slice(0, firstNull).map((l) => new Date(l!).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const asc = await admin.ok(SORTED_USERS, { search: tag, first: 100, orderBy: { field: 'LAST_LOGIN_AT', direction: 'ASC' } });
    expect(asc.users.edges[0].node.lastLoginAt).toBeNull();
  });

  it('without orderBy the list stays oldest first with the cursors of old; a cursor of one sort is refused under another', async () => {
    const tag = `def${rand()}`;
    const ids = await seedSortable(tag);
    const rows = (await t.db.query(`SELECT id FROM users WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY created_at ASC, id ASC`, ids)) as Array<{ id: string }>;
    expect((await pageAll(tag, null, 4)).ids).toEqual(rows.map((r) => r.id));
    const plain = await admin.ok(SORTED_USERS, { search: tag, first: 2 });
    expect(Buffer.from(plain.users.pageInfo.endCursor!, 'base64url').toString()).toMatch(/^\d+\|[0-9a-f-]{36}$/);
    // The same as asking for CREATED_AT ASC.
    const explicit = await admin.ok(SORTED_USERS, { search: tag, first: 2, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(explicit.users.pageInfo.endCursor).toBe(plain.users.pageInfo.endCursor);

    const byEmail = await admin.ok(SORTED_USERS, { search: tag, first: 2, orderBy: { field: 'EMAIL', direction: 'ASC' } });
    const cursor = byEmail.users.pageInfo.endCursor!;
    for (const orderBy of [{ field: 'EMAIL', direction: 'DESC' }, { field: 'DISPLAY_NAME', direction: 'ASC' }, null]) {
      const e = await admin.fail(SORTED_USERS, { search: tag, first: 2, after: cursor, ...(orderBy ? { orderBy } : {}) });
      expect([orderBy, codeOf(e), e.message]).toEqual([orderBy, 'BAD_USER_INPUT', 'after is not a valid cursor']);
    }
    expect(codeOf(await admin.fail(SORTED_USERS, { first: 2, after: 'garbage', orderBy: { field: 'EMAIL', direction: 'ASC' } }))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['LAST_LOGIN_AT:DESC', 'not a time', randomUUID()])).toString('base64url');
    expect(codeOf(await admin.fail(SORTED_USERS, { first: 2, after: forged, orderBy: { field: 'LAST_LOGIN_AT', direction: 'DESC' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.fail(SORTED_USERS, { first: 2, orderBy: { field: 'PASSWORD_HASH', direction: 'ASC' } }))).toBe('BAD_USER_INPUT');
    // A sort by email carries the email in its cursor: a long one pages too.
    const long = `zz.${tag}@${['x', 'y', 'z'].map((c) => c.repeat(60)).join('.')}.example.com`;
    await admin.ok(CREATE_USER, { input: { email: long, displayName: `Long ${tag}`, password: 'A-long-enough-secret-1' } });
    const desc = await admin.ok(SORTED_USERS, { search: tag, first: 1, orderBy: { field: 'EMAIL', direction: 'DESC' } });
    expect(desc.users.edges[0].node.email).toBe(long);
    const next = await admin.ok(SORTED_USERS, { search: tag, first: 1, after: desc.users.pageInfo.endCursor, orderBy: { field: 'EMAIL', direction: 'DESC' } });
    expect(next.users.edges[0].node.email).not.toBe(long);
  });

  it('a page costs the same statements under every sort, whatever its size', async () => {
    const tag = `cnt${rand()}`;
    const hash = (await t.db.query('SELECT password_hash FROM users LIMIT 1'))[0].password_hash;
    const now = Date.now();
    for (let i = 0; i < 40; i++) {
      await t.db.query('INSERT INTO users (id, email, email_lower, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(), `${tag}${i}@example.com`, `${tag}${i}@example.com`, `Count ${i}`, 'AGENT', hash, dbTime(new Date(now + i)),
      ]);
    }
    const count = async (first: number, orderBy: { field: Field; direction: Direction }) => {
      const { users } = await admin.ok(SORTED_USERS, { search: tag, first: 3, orderBy });
      QueryCounter.reset();
      const page = await admin.ok(SORTED_USERS, { search: tag, first, after: users.pageInfo.endCursor, orderBy });
      expect(page.users.edges.length).toBe(Math.min(first, 37));
      return QueryCounter.value;
    };
    for (const field of FIELDS) {
      for (const direction of ['ASC', 'DESC'] as Direction[]) {
        const small = await count(3, { field, direction });
        const large = await count(37, { field, direction });
        expect([field, direction, large]).toEqual([field, direction, small]);
        expect(large).toBeLessThanOrEqual(8);
      }
    }
  });

  it('resetTwoFactor refuses an account with nothing to reset: no mail, no sign-out, no event', async () => {
    const a = await createAgent(t, { displayName: `Nora None ${rand()}` });
    const mails = t.smtp.to(a.email).length;
    const e = await admin.fail(RESET_2FA, { userId: a.id, reason: 'They asked for it' });
    expect(codeOf(e)).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/^Nora None \w+ has no two-factor authentication to reset: no method is on and no backup codes are left\.$/);
    // Nothing happened: still signed in, nobody mailed, nothing recorded.
    expect((await a.client.ok(ME)).me.email).toBe(a.email);
    expect(t.smtp.to(a.email)).toHaveLength(mails);
    const { securityEvents } = await admin.ok(SECURITY_EVENTS, { userId: a.id, first: 50 });
    expect(securityEvents.edges.map((x) => x.node.type)).not.toContain('ADMIN_2FA_RESET');

    // With a method on, it goes through.
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    await admin.ok(RESET_2FA, { userId: a.id, reason: 'Lost phone, checked on a call' });
    // Once reset, a second reset has nothing left to remove.
    expect(codeOf(await admin.fail(RESET_2FA, { userId: a.id, reason: 'Again' }))).toBe('BAD_USER_INPUT');
  });

  it('an account with only SSO links: refused without unlinkSso (saying how), done with it', async () => {
    const clientId = `client-${rand()}`;
    const input = { kind: 'GOOGLE', displayName: `Google ${rand()}`, issuer: idp.google, clientId, clientSecret: `secret-${rand()}`, requireTwoFactor: false };
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input });
    const a = await createAgent(t, { displayName: 'Sam Sso' });
    await t.db.query('INSERT INTO sso_identities (id, provider_id, user_id, subject, email, email_verified, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      randomUUID(), p.id, a.id, `sub-${rand()}`, 'sam@idp.test', 1, dbTime(new Date()),
    ]);
    const refused = await admin.fail(RESET_2FA_UNLINK_SSO, { userId: a.id, reason: 'Hijacked identity' });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.message).toBe(
      'Sam Sso has no two-factor authentication to reset: no method is on and no backup codes are left. ' +
        'To remove only their single sign-on connection, choose to remove the single sign-on connections too, or remove it one by one.',
    );
    expect((await admin.ok(TRIAGE_SECURITY, { id: a.id })).user!.security.ssoConnections).toHaveLength(1);
    const { resetTwoFactor } = await admin.ok(RESET_2FA_UNLINK_SSO, { userId: a.id, reason: 'Hijacked identity', unlinkSso: true });
    expect(resetTwoFactor.security.ssoConnections).toEqual([]);
  });

  it('the holder of a session an admin ended is told why (UNAUTHENTICATED, extensions.sessionEnded)', async () => {
    const ended = async (client: GqlClient) => {
      const e = await client.fail(ME);
      expect(codeOf(e)).toBe('UNAUTHENTICATED');
      expect(e.extensions?.sessionEnded).toBe(true);
      return e.message;
    };
    // An admin's reset
    const a = await createAgent(t);
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    await admin.ok(RESET_2FA, { userId: a.id, reason: 'Lost phone' });
    expect(await ended(a.client)).toBe(
      'An administrator reset your two-factor authentication and signed you out everywhere. Sign in with your password, then set up two-factor authentication again.',
    );
    // "Sign out everywhere"
    const b = await createAgent(t);
    await admin.ok(REVOKE_USER_SESSIONS, { userId: b.id });
    expect(await ended(b.client)).toBe('An administrator signed you out everywhere. Sign in again to continue.');
    // Deactivation
    const c = await createAgent(t);
    await admin.ok(DEACTIVATE_USER, { userId: c.id, reason: 'Left the team' });
    expect(await ended(c.client)).toBe('An administrator deactivated your account and signed you out. Ask your administrator if you need access.');
    // Ended by its holder, or a token that never was: the plain sentence.
    const d = await createAgent(t);
    await d.client.ok('mutation { logout }');
    expect(await ended(d.client)).toBe('Your session has ended; sign in again');
    expect(await ended(t.gql.withToken(randomBytes(32).toString('base64url')))).toBe('Your session has ended; sign in again');
    // No token at all: not a session that ended.
    const none = await t.gql.fail(ME);
    expect([codeOf(none), none.extensions?.sessionEnded]).toEqual(['UNAUTHENTICATED', undefined]);
  });
});
