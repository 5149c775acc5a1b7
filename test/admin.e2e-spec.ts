import { randomUUID } from 'node:crypto';
import { QueryCounter } from '../src/database/query-counter';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import {
  CONFIRM_EMAIL, CONFIRM_TOTP, CREATE_USER, DISABLE_TOTP, ENABLE_TOTP, LOGIN, ME, MY_EVENTS, OVERVIEW, REGENERATE, RESET_2FA, SECURITY_EVENTS,
  SETUP_EMAIL, UNLOCK, USER, USERS, VERIFY_CODE,
} from './support/operations';
import { DEACTIVATE_USER } from './support/lifecycle-operations';
import { COMPLIANCE_USERS } from './support/policy-operations';
import { RESET_2FA_UNLINK_SSO, UNLINK_USER_PROVIDER } from './support/sso-operations';
import { totpFor } from './support/totp';

type Agent = Awaited<ReturnType<typeof createAgent>>;

describe('admin console API', () => {
  let t: TestApp;
  let admin: GqlClient;

  beforeAll(async () => {
    t = await startTestApp({ DB_LOG: '1' });
    admin = await t.admin();
  });
  afterAll(async () => t?.close());

  async function withTotp(a: Agent): Promise<string> {
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    return enableTotp.secret;
  }
  async function withEmail(a: Agent): Promise<string[]> {
    const n = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const code = await t.smtp.code(a.email, n);
    return (await a.client.ok(CONFIRM_EMAIL, { code })).confirmEmailTwoFactor.backupCodes;
  }
  async function lock(a: Agent): Promise<void> {
    for (let c = 0; c < 2; c++) {
      const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
      for (let i = 0; i < 5; i++) await t.gql.fail(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'BACKUP_CODE', code: 'ccccc-ccccc' });
    }
  }

  it('every admin operation refuses an agent (FORBIDDEN) and anonymous (UNAUTHENTICATED)', async () => {
    const a = await createAgent(t);
    const id = a.id;
    const ops: Array<[string, Record<string, unknown>]> = [
      [USERS, {}],
      [USER, { id }],
      [SECURITY_EVENTS, {}],
      [SECURITY_EVENTS, { userId: id }],
      [OVERVIEW, {}],
      [RESET_2FA, { userId: id, reason: 'agent tries' }],
      [UNLOCK, { userId: id }],
      [CREATE_USER, { input: { email: 'z@example.com', displayName: 'Z', password: 'a-long-enough-secret' } }],
      [UNLINK_USER_PROVIDER, { userId: id, providerId: randomUUID(), reason: 'agent tries' }],
      [RESET_2FA_UNLINK_SSO, { userId: id, reason: 'agent tries', unlinkSso: true }],
    ];
    for (const [op, vars] of ops) {
      expect([op.slice(0, 40), codeOf(await a.client.fail(op, vars))]).toEqual([op.slice(0, 40), 'FORBIDDEN']);
      expect([op.slice(0, 40), codeOf(await t.gql.fail(op, vars))]).toEqual([op.slice(0, 40), 'UNAUTHENTICATED']);
    }
  });

  it('an agent never reads another user through a field: an admin actor in its events hides its security', async () => {
    const a = await createAgent(t);
    await withTotp(a);
    await admin.ok(RESET_2FA, { userId: a.id, reason: 'lost phone' });
    const fresh = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    const client = t.gql.withToken(fresh.login.token);
    const r = await client.request(`query { mySecurityEvents(first: 50) { edges { node { type actor { id security { twoFactorEnabled } } } } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // API.md Part 2: an agent sees only `actor { id displayName }` of events it did not cause.
    const hidden = await client.request(`query { mySecurityEvents(first: 50) { edges { node { type actor { id email } } } } }`);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await client.ok(`query { mySecurityEvents(first: 50) { edges { node { type actor { id displayName } user { id } } } } }`);
    const reset = ok.mySecurityEvents.edges.find((e: any) => e.node.type === 'ADMIN_2FA_RESET');
    const adminId = (await admin.ok(ME)).me.id;
    expect(reset.node.actor).toEqual({ id: adminId, displayName: 'Administrator' });
    expect(reset.node.user.id).toBe(a.id);
  });

  it('pages through users with no row skipped or repeated while rows are inserted', async () => {
    for (let i = 0; i < 7; i++) await createAgent(t, { displayName: `Pager ${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    let inserted = 0;
    for (let guard = 0; guard < 100; guard++) {
      const { users }: any = await admin.ok(USERS, { first: 3, after });
      total = users.totalCount;
      seen.push(...users.edges.map((e: any) => e.node.id));
      if (inserted < 3) {
        await createAgent(t, { displayName: `Inserted ${inserted++}` });
      }
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.db.query('SELECT id FROM users');
    expect(seen.sort()).toEqual(all.map((r: any) => r.id).sort());
    expect(total).toBe(all.length);
    expect(codeOf(await admin.fail(USERS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.fail(USERS, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });

  it('filters: search, twoFactorEnabled, method, locked, backup codes remaining', async () => {
    const tag = randomUUID().slice(0, 6);
    const plain = await createAgent(t, { displayName: `Filter ${tag} Plain` });
    const totp = await createAgent(t, { displayName: `Filter ${tag} Totp`, email: `FILTER-${tag}-totp@Example.com` });
    const email = await createAgent(t, { displayName: `Filter ${tag} Email` });
    const locked = await createAgent(t, { displayName: `Filter ${tag} Locked` });
    await withTotp(totp);
    const codes = await withEmail(email);
    await withTotp(locked);
    await lock(locked);
    // use 8 of email's backup codes
    const useCodes = async (a: Agent, used: string[]) => {
      for (const c of used) {
        const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
        await t.gql.ok(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'BACKUP_CODE', code: c });
      }
    };
    await useCodes(email, codes.slice(0, 8));
    const ids = async (vars: Record<string, unknown>) =>
      ((await admin.ok(USERS, { first: 100, search: tag.toUpperCase(), ...vars })).users.edges as any[]).map((e) => e.node.id).sort();
    expect(await ids({})).toEqual([plain.id, totp.id, email.id, locked.id].sort());
    expect((await admin.ok(USERS, { search: `filter-${tag}-TOTP` })).users.edges.map((e: any) => e.node.id)).toEqual([totp.id]);
    expect((await admin.ok(USERS, { search: `${tag} plain` })).users.totalCount).toBe(1);
    expect((await admin.ok(USERS, { search: '%' })).users.totalCount).toBe(0);
    expect(await ids({ twoFactorEnabled: true })).toEqual([totp.id, email.id, locked.id].sort());
    expect(await ids({ twoFactorEnabled: false })).toEqual([plain.id]);
    expect(await ids({ method: 'TOTP' })).toEqual([totp.id, locked.id].sort());
    expect(await ids({ method: 'EMAIL' })).toEqual([email.id]);
    expect(await ids({ locked: true })).toEqual([locked.id]);
    expect(await ids({ backupCodesRemainingAtMost: 2 })).toEqual([email.id]);
    const { users } = await admin.ok(USERS, { first: 100, search: tag, method: 'EMAIL' });
    expect(users.edges[0].node.security).toMatchObject({ twoFactorEnabled: true, email: { enabled: true }, backupCodes: { total: 10, remaining: 2 } });
    const lockedNode = (await admin.ok(USER, { id: locked.id })).user;
    expect(new Date(lockedNode.security.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await admin.ok(USER, { id: randomUUID() })).user).toBeNull();
    // The count the filter reads follows the set: every set at 10, none at 1; a new set counts 10
    // again; the last method off voids the set, and no threshold matches it after.
    expect(await ids({ backupCodesRemainingAtMost: 10 })).toEqual([totp.id, email.id, locked.id].sort());
    expect(await ids({ backupCodesRemainingAtMost: 1 })).toEqual([]);
    const { regenerateBackupCodes: fresh } = await email.client.ok(REGENERATE);
    expect(await ids({ backupCodesRemainingAtMost: 2 })).toEqual([]);
    expect((await admin.ok(USER, { id: email.id })).user.security.backupCodes).toMatchObject({ total: 10, remaining: 10 });
    await useCodes(email, fresh.slice(2));
    expect(await ids({ backupCodesRemainingAtMost: 2 })).toEqual([email.id]);
    await totp.client.ok(DISABLE_TOTP);
    expect(await ids({ backupCodesRemainingAtMost: 10 })).toEqual([email.id, locked.id].sort());
    expect((await admin.ok(USER, { id: totp.id })).user.security.backupCodes).toMatchObject({ total: 0, remaining: 0 });
  });

  it('resetTwoFactor: methods off, codes void, sessions ended, reason and admin recorded, user emailed', async () => {
    const a = await createAgent(t);
    await withTotp(a);
    await withEmail(a);
    const n = t.smtp.to(a.email).length;
    const { resetTwoFactor } = await admin.ok(RESET_2FA, { userId: a.id, reason: 'Lost phone, verified by video call' });
    expect(resetTwoFactor.security).toMatchObject({ twoFactorEnabled: false, email: { enabled: false }, totp: { enabled: false }, backupCodes: { total: 0 } });
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    const mail = await t.smtp.waitFor(a.email, (m) => /reset/.test(m.subject), n);
    expect(mail.text).toMatch(/administrator turned off two-factor/);
    expect(mail.text).toContain('Reason given: "Lost phone, verified by video call"');
    const { securityEvents } = await admin.ok(SECURITY_EVENTS, { userId: a.id, first: 5 });
    const ev = securityEvents.edges[0].node;
    expect(ev).toMatchObject({ type: 'ADMIN_2FA_RESET', detail: 'Lost phone, verified by video call', user: { id: a.id }, actor: { email: 'admin@example.com' } });
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.__typename).toBe('AuthSession');
    // an admin can't reset itself through this path; a missing user is NOT_FOUND; bad input is refused
    const me = (await admin.ok(ME)).me;
    expect(codeOf(await admin.fail(RESET_2FA, { userId: me.id, reason: 'myself' }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.fail(RESET_2FA, { userId: randomUUID(), reason: 'nobody' }))).toBe('NOT_FOUND');
    expect(codeOf(await admin.fail(RESET_2FA, { userId: a.id, reason: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.fail(RESET_2FA, { userId: 'not-a-uuid', reason: 'x y z' }))).toBe('BAD_USER_INPUT');
  });

  it('unlockAccount clears the lock and the count', async () => {
    const a = await createAgent(t);
    const secret = await withTotp(a);
    await lock(a);
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) }))).toBe('TOO_MANY_ATTEMPTS');
    const { unlockAccount } = await admin.ok(UNLOCK, { userId: a.id });
    expect(unlockAccount.security.lockedUntil).toBeNull();
    await t.gql.ok(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    const { securityEvents } = await admin.ok(SECURITY_EVENTS, { userId: a.id, first: 50 });
    const types = securityEvents.edges.map((e: any) => e.node.type);
    expect(types).toEqual(expect.arrayContaining(['ADMIN_UNLOCK', 'ACCOUNT_LOCKED', 'TWO_FACTOR_FAILED', 'TOTP_ENABLED', 'LOGIN']));
    const unlock = securityEvents.edges.find((e: any) => e.node.type === 'ADMIN_UNLOCK')!.node;
    expect(unlock.actor.email).toBe('admin@example.com');
  });

  it('securityEvents pages newest first across all users', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let last = Infinity;
    for (let i = 0; i < 1000; i++) {
      const { securityEvents }: any = await admin.ok(SECURITY_EVENTS, { first: 25, after });
      for (const e of securityEvents.edges) {
        const at = new Date(e.node.createdAt).getTime();
        expect(at).toBeLessThanOrEqual(last);
        last = at;
        seen.push(e.node.id);
      }
      if (!securityEvents.pageInfo.hasNextPage) break;
      after = securityEvents.pageInfo.endCursor;
    }
    const total = await t.db.query('SELECT COUNT(*) AS n FROM security_events');
    expect(seen.length).toBe(Number(total[0].n));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('the overview counts match the rows', async () => {
    const { securityOverview: o } = await admin.ok(OVERVIEW);
    const n = async (sql: string) => Number((await t.db.query(sql))[0].n);
    expect(o.users).toBe(await n('SELECT COUNT(*) AS n FROM users'));
    expect(o.emailEnabled).toBe(await n('SELECT COUNT(*) AS n FROM two_factor_settings WHERE email_enabled_at IS NOT NULL'));
    expect(o.totpEnabled).toBe(await n('SELECT COUNT(*) AS n FROM two_factor_settings WHERE totp_enabled_at IS NOT NULL'));
    expect(o.twoFactorEnabled).toBe(await n('SELECT COUNT(*) AS n FROM two_factor_settings WHERE email_enabled_at IS NOT NULL OR totp_enabled_at IS NOT NULL'));
    expect(o.lockedNow).toBeGreaterThanOrEqual(1);
    expect(o.lowBackupCodes).toBeGreaterThanOrEqual(1);
    // Read from the counts kept beside the sets: the same as counting the codes themselves.
    expect(o.lowBackupCodes).toBe(
      await n('SELECT COUNT(*) AS n FROM (SELECT user_id FROM backup_codes GROUP BY user_id HAVING SUM(CASE WHEN used_at IS NULL THEN 1 ELSE 0 END) <= 2) low'),
    );
    expect(o.twoFactorEnabled).toBeGreaterThan(0);
  });

  it('a page of 100 users with full security state costs a bounded number of SQL statements', async () => {
    const hash = (await t.db.query('SELECT password_hash FROM users LIMIT 1'))[0].password_hash;
    const now = Date.now();
    for (let i = 0; i < 110; i++) {
      const id = randomUUID();
      await t.db.query('INSERT INTO users (id, email, email_lower, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, `bulk${i}@example.com`, `bulk${i}@example.com`, `Bulk ${i}`, 'AGENT', hash, dbTime(new Date(now + i)),
      ]);
      await t.db.query('INSERT INTO two_factor_settings (user_id, email_enabled_at, failed_count) VALUES (?, ?, 0)', [id, dbTime(new Date())]);
    }
    // Counted alone: whatever earlier requests left running (mails after commit, a session's
    // once-a-minute touch) is over first, and the admin session has been seen this minute.
    const quiet = async () => {
      for (let last = -1; QueryCounter.value !== last; ) {
        last = QueryCounter.value;
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    await admin.ok(USERS, { first: 1, search: 'no-such-user-here' });
    const statements = async (first: number) => {
      await quiet();
      QueryCounter.reset();
      const { users } = await admin.ok(USERS, { first, search: 'bulk' });
      expect(users.edges).toHaveLength(first);
      expect(users.edges[0].node.security.email.enabled).toBe(true);
      return QueryCounter.value;
    };
    // The first page of a filter also counts its total; the pages after it share that total.
    const cold = await statements(5);
    const small = await statements(5);
    const large = await statements(100);
    expect(large).toBe(small);
    expect(cold).toBe(small + 1);
    expect(large).toBeLessThanOrEqual(7);
  });

  it('totalCount is exact: held per filter, and counted again at once after a change made through this instance', async () => {
    const tag = `tot${randomUUID().slice(0, 6)}`;
    const list = async (vars: { status?: 'ACTIVE' | 'DEACTIVATED' } = {}) => (await admin.ok(COMPLIANCE_USERS, { search: tag, first: 10, ...vars })).users;
    const a = await createAgent(t, { displayName: `Total ${tag} A` });
    expect((await list()).totalCount).toBe(1);

    // A row written behind the service's back (as another instance would) is listed at once, but
    // the held total only counts it once it is counted again: here, the next create.
    const hash = (await t.db.query('SELECT password_hash FROM users LIMIT 1'))[0].password_hash;
    await t.db.query('INSERT INTO users (id, email, email_lower, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      randomUUID(), `raw.${tag}@example.com`, `raw.${tag}@example.com`, `Total ${tag} raw`, 'AGENT', hash, dbTime(new Date()),
    ]);
    const held = await list();
    expect([held.edges.length, held.totalCount]).toEqual([2, 1]);
    await createAgent(t, { displayName: `Total ${tag} B` });
    expect((await list()).totalCount).toBe(3);

    // A deactivation moves the account from one status total to the other at once.
    expect((await list({ status: 'ACTIVE' })).totalCount).toBe(3);
    expect((await list({ status: 'DEACTIVATED' })).totalCount).toBe(0);
    await admin.ok(DEACTIVATE_USER, { userId: a.id, reason: 'Left the company' });
    expect((await list({ status: 'ACTIVE' })).totalCount).toBe(2);
    expect((await list({ status: 'DEACTIVATED' })).totalCount).toBe(1);

    // An admin's unlock: the `locked` total follows at once.
    const locked = await createAgent(t, { displayName: `Total ${tag} locked` });
    await withTotp(locked);
    await lock(locked);
    const lockedTotal = async () => (await admin.ok(USERS, { search: tag, locked: true, first: 10 })).users.totalCount;
    expect(await lockedTotal()).toBe(1);
    await admin.ok(UNLOCK, { userId: locked.id });
    expect(await lockedTotal()).toBe(0);

    // Without a filter: every row.
    const { users } = await admin.ok(USERS, { first: 1 });
    expect(users.totalCount).toBe(Number((await t.db.query('SELECT COUNT(*) AS n FROM users'))[0].n));
  });
});
