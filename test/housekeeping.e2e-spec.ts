import { createHash, randomUUID } from 'node:crypto';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { CONFIRM_EMAIL, LOGIN, LOGOUT, ME, SEND_LOGIN_CODE, SETUP_EMAIL } from './support/operations';
import { CONFIGURE_SSO_PROVIDER } from './support/sso-operations';
import { BEGIN_PASSKEY_LOGIN } from './support/webauthn-operations';

/**
 * The periodic purge: rows that ended (expired, used, superseded, revoked) more than a day ago
 * are deleted; live rows and rows that ended recently stay. Rows come from the app's own flows
 * (codes, challenges, sessions), then their end is moved back in time; SSO tickets and flows
 * are written directly (a provider round trip adds nothing to what is purged).
 */
const DAY = 24 * 60 * 60 * 1000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ago = (ms: number) => dbTime(new Date(Date.now() - ms));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('housekeeping', () => {
  let t: TestApp;
  let providerId: string;

  beforeAll(async () => {
    // No schedule here: each pass is run by the test, so counts are exact.
    t = await startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '0' });
    const admin = await t.admin();
    const { configureSsoProvider } = await admin.ok(CONFIGURE_SSO_PROVIDER, {
      input: { kind: 'OIDC', displayName: 'Purge IdP', clientId: 'purge-client', clientSecret: 'purge-secret', issuer: 'http://127.0.0.1:9/purge' },
    });
    providerId = configureSsoProvider.id;
  });
  afterAll(async () => t?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);
  const exists = async (table: string, id: string) => (await count(`SELECT COUNT(*) AS n FROM ${table} WHERE id = ?`, [id])) === 1;

  /** Writes SSO rows directly; `end` says how they ended (or not). */
  async function ssoRows(table: 'sso_tickets' | 'sso_flows', n: number, end: { expiresAt: string; consumedAt?: string | null }): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < n; start += 100) {
      const rows = Array.from({ length: Math.min(100, n - start) }, () => randomUUID());
      ids.push(...rows);
      const created = ago(2 * DAY + 60_000);
      if (table === 'sso_tickets') {
        await t.db.query(
          `INSERT INTO sso_tickets (id, ticket_hash, kind, provider_id, user_id, subject, email, attempts, created_at, expires_at, consumed_at) VALUES ${rows.map(() => '(?, ?, ?, ?, NULL, ?, NULL, 0, ?, ?, ?)').join(', ')}`,
          rows.flatMap((id) => [id, sha256(id), 'LOGIN', providerId, `sub-${id}`, created, end.expiresAt, end.consumedAt ?? null]),
        );
      } else {
        await t.db.query(
          `INSERT INTO sso_flows (id, provider_id, state_hash, nonce, code_verifier_sealed, purpose, user_id, session_id, created_at, expires_at, consumed_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)').join(', ')}`,
          rows.flatMap((id) => [id, providerId, sha256(id), 'nonce', 'sealed', 'LOGIN', created, end.expiresAt, end.consumedAt ?? null]),
        );
      }
    }
    return ids;
  }

  it('one pass deletes what ended more than a day ago and keeps live and recently ended rows', async () => {
    // --- email codes and login challenges: an agent with email 2FA ---
    const x = await createAgent(t);
    await x.client.ok(SETUP_EMAIL);
    await x.client.ok(CONFIRM_EMAIL, { code: await t.smtp.code(x.email, 0) });
    const [setupCode] = await t.db.query(`SELECT id FROM email_codes WHERE user_id = ? AND purpose = 'SETUP'`, [x.id]);
    await t.db.query('UPDATE email_codes SET consumed_at = ? WHERE id = ?', [ago(2 * DAY), setupCode.id]);

    const challenge = async () => {
      const { login } = await t.gql.ok(LOGIN, { email: x.email, password: x.password });
      const [row] = await t.db.query('SELECT id FROM login_challenges WHERE token_hash = ?', [sha256(login.challengeToken)]);
      return { token: login.challengeToken as string, id: row.id as string };
    };
    const expiredLongAgo = await challenge();
    await t.db.query('UPDATE login_challenges SET expires_at = ? WHERE id = ?', [ago(2 * DAY), expiredLongAgo.id]);
    const expiredRecently = await challenge();
    await t.db.query('UPDATE login_challenges SET expires_at = ? WHERE id = ?', [ago(2 * 60 * 60_000), expiredRecently.id]);
    const live = await challenge();
    const sendCode = async () => {
      await t.db.query('UPDATE two_factor_settings SET last_code_sent_at = NULL WHERE user_id = ?', [x.id]);
      await t.gql.ok(SEND_LOGIN_CODE, { challengeToken: live.token });
    };
    await sendCode();
    await sendCode(); // supersedes the first: that one ended just now
    const loginCodes: Array<{ id: string }> = await t.db.query(`SELECT id FROM email_codes WHERE user_id = ? AND purpose = 'LOGIN'`, [x.id]);
    expect(loginCodes).toHaveLength(2);

    // --- sessions: an agent without 2FA ---
    const y = await createAgent(t);
    const session = async () => {
      const { login } = await t.gql.ok(LOGIN, { email: y.email, password: y.password });
      const [row] = await t.db.query('SELECT id FROM sessions WHERE token_hash = ?', [sha256(login.token)]);
      return { client: t.gql.withToken(login.token), id: row.id as string };
    };
    const revokedLongAgo = await session();
    await revokedLongAgo.client.ok(LOGOUT);
    await t.db.query('UPDATE sessions SET revoked_at = ? WHERE id = ?', [ago(2 * DAY), revokedLongAgo.id]);
    const expiredSession = await session();
    await t.db.query('UPDATE sessions SET expires_at = ? WHERE id = ?', [ago(2 * DAY), expiredSession.id]);
    const revokedRecently = await session();
    await revokedRecently.client.ok(LOGOUT);
    const [liveSession] = await t.db.query('SELECT id FROM sessions WHERE token_hash = ?', [sha256(y.token)]);

    // --- SSO tickets and flows ---
    const oldTickets = [
      ...(await ssoRows('sso_tickets', 1, { expiresAt: ago(2 * DAY) })),
      ...(await ssoRows('sso_tickets', 1, { expiresAt: ago(-5 * 60_000), consumedAt: ago(2 * DAY) })),
    ];
    const keptTickets = [
      ...(await ssoRows('sso_tickets', 1, { expiresAt: ago(-5 * 60_000) })),
      ...(await ssoRows('sso_tickets', 1, { expiresAt: ago(DAY - 60 * 60_000) })),
    ];
    const oldFlows = await ssoRows('sso_flows', 2, { expiresAt: ago(3 * DAY) });
    const keptFlows = await ssoRows('sso_flows', 1, { expiresAt: ago(-5 * 60_000), consumedAt: ago(60_000) });

    // --- passkey ceremonies (passwordless starts, public) ---
    const ceremony = async () => {
      await t.gql.ok(BEGIN_PASSKEY_LOGIN);
      const [row] = await t.db.query('SELECT id FROM webauthn_challenges ORDER BY created_at DESC LIMIT 1');
      return row.id as string;
    };
    const oldCeremony = await ceremony();
    await t.db.query('UPDATE webauthn_challenges SET expires_at = ? WHERE id = ?', [ago(2 * DAY), oldCeremony]);
    const recentCeremony = await ceremony();
    await t.db.query('UPDATE webauthn_challenges SET expires_at = ? WHERE id = ?', [ago(60 * 60_000), recentCeremony]);
    const liveCeremony = await ceremony();

    const report = await t.app.get(HousekeepingService).runOnce();
    expect(report.failed).toEqual([]);
    expect(report.deleted).toEqual({ email_codes: 1, login_challenges: 1, sessions: 2, sso_tickets: 2, sso_flows: 2, trusted_devices: 0, webauthn_challenges: 1 });
    expect(await exists('webauthn_challenges', oldCeremony)).toBe(false);
    expect(await exists('webauthn_challenges', recentCeremony)).toBe(true);
    expect(await exists('webauthn_challenges', liveCeremony)).toBe(true);

    expect(await exists('email_codes', setupCode.id)).toBe(false);
    for (const c of loginCodes) expect(await exists('email_codes', c.id)).toBe(true);
    expect(await exists('login_challenges', expiredLongAgo.id)).toBe(false);
    expect(await exists('login_challenges', expiredRecently.id)).toBe(true);
    expect(await exists('login_challenges', live.id)).toBe(true);
    expect(await exists('sessions', revokedLongAgo.id)).toBe(false);
    expect(await exists('sessions', expiredSession.id)).toBe(false);
    expect(await exists('sessions', revokedRecently.id)).toBe(true);
    expect(await exists('sessions', liveSession.id)).toBe(true);
    for (const id of oldTickets) expect(await exists('sso_tickets', id)).toBe(false);
    for (const id of keptTickets) expect(await exists('sso_tickets', id)).toBe(true);
    for (const id of oldFlows) expect(await exists('sso_flows', id)).toBe(false);
    for (const id of keptFlows) expect(await exists('sso_flows', id)).toBe(true);

    // What is live still works: the session, and the pending challenge with its code.
    expect((await y.client.ok(ME)).me.email).toBe(y.email);
    const code = await t.smtp.code(x.email, t.smtp.to(x.email).length - 1);
    const verified = await t.gql.request(`mutation($c: String!, $k: String!) { verifyCode(challengeToken: $c, method: EMAIL, code: $k) { token } }`, { c: live.token, k: code });
    expect(verified.errors).toBeUndefined();
    // A deleted session's token is simply unknown.
    expect((await revokedLongAgo.client.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Nothing left to do: a second pass deletes nothing.
    expect((await t.app.get(HousekeepingService).runOnce()).deleted).toEqual({ email_codes: 0, login_challenges: 0, sessions: 0, sso_tickets: 0, sso_flows: 0, trusted_devices: 0, webauthn_challenges: 0 });
  });

  it('two instances purging the same database at once: every old row deleted once, no failure; big backlogs go in batches', async () => {
    const other = await startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '0' }, { database: t.database, smtp: t.smtp });
    try {
      const old = await ssoRows('sso_flows', 1_100, { expiresAt: ago(2 * DAY) });
      const kept = await ssoRows('sso_flows', 3, { expiresAt: ago(-5 * 60_000) });
      const [a, b] = await Promise.all([t.app.get(HousekeepingService).runOnce(), other.app.get(HousekeepingService).runOnce()]);
      expect([...a.failed, ...b.failed]).toEqual([]);
      expect(a.deleted.sso_flows + b.deleted.sso_flows).toBe(old.length);
      expect(await count('SELECT COUNT(*) AS n FROM sso_flows WHERE expires_at < ?', [ago(DAY)])).toBe(0);
      for (const id of kept) expect(await exists('sso_flows', id)).toBe(true);
    } finally {
      await other.app.close();
    }
  });

  it('HOUSEKEEPING_INTERVAL_SECONDS runs passes by itself; app.close() stops them', async () => {
    const scheduled = await startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '1' }, { database: t.database, smtp: t.smtp });
    try {
      const [id] = await ssoRows('sso_tickets', 1, { expiresAt: ago(2 * DAY) });
      for (const deadline = Date.now() + 15_000; Date.now() < deadline && (await exists('sso_tickets', id)); ) await sleep(100);
      expect(await exists('sso_tickets', id)).toBe(false);
    } finally {
      await scheduled.app.close();
    }
    // Closed: no pass runs any more (the row below stays).
    const [after] = await ssoRows('sso_tickets', 1, { expiresAt: ago(2 * DAY) });
    await sleep(2_500);
    expect(await exists('sso_tickets', after)).toBe(true);
  });

  it('refuses to boot with a bad HOUSEKEEPING_INTERVAL_SECONDS or DB_QUERY_TIMEOUT_MS', async () => {
    await expect(startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '-1' }, { database: t.database, smtp: t.smtp })).rejects.toThrow(/HOUSEKEEPING_INTERVAL_SECONDS/);
    await expect(startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: 'hourly' }, { database: t.database, smtp: t.smtp })).rejects.toThrow(/HOUSEKEEPING_INTERVAL_SECONDS/);
    await expect(startTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '', DB_QUERY_TIMEOUT_MS: '-5' }, { database: t.database, smtp: t.smtp })).rejects.toThrow(/DB_QUERY_TIMEOUT_MS/);
    delete process.env.DB_QUERY_TIMEOUT_MS;
  });
});
