import { randomUUID } from 'node:crypto';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import { BACKUP_CODES, CONFIRM_EMAIL, CONFIRM_TOTP, ENABLE_TOTP, LOGOUT, ME, MY_EVENTS, SETUP_EMAIL, USERS, VERIFY_CODE } from './support/operations';
import { COMPLIANCE_USERS, MY_ENROLLMENT, POLICY, POLICY_IMPACT, POLICY_LOGIN, POLICY_OVERVIEW, UPDATE_POLICY } from './support/policy-operations';
import { LINK_PROVIDER } from './support/sso-operations';
import { totpFor } from './support/totp';

const DAY = 86_400_000;
type Agent = Awaited<ReturnType<typeof createAgent>>;

/** API.md Part 2, "2FA policy and account lifecycle": the policy and its enforcement, over HTTP. */
describe('security policy', () => {
  let t: TestApp;
  let admin: GqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
  });
  afterAll(async () => t?.close());

  const DEFAULTS = { requireTwoFactor: [], gracePeriodDays: 14, allowedMethods: ['EMAIL', 'TOTP', 'WEBAUTHN'], phishingResistantFor: [], sessionIdleMinutes: null, sessionMaxHours: 12, trustedDeviceDays: 30 };
  const setPolicy = (input: Record<string, unknown>) => admin.ok(UPDATE_POLICY, { input: input as never });
  const resetPolicy = () => setPolicy({ ...DEFAULTS, sessionIdleMinutes: undefined, clearSessionIdle: true });

  async function signIn(a: Agent) {
    const { login } = await t.gql.ok(POLICY_LOGIN, { email: a.email, password: a.password });
    if (login.__typename !== 'AuthSession') throw new Error(`expected a session, got ${login.__typename}`);
    return { login, client: t.gql.withToken(login.token) };
  }
  async function enableTotp(c: GqlClient): Promise<string> {
    const { enableTotp: e } = await c.ok(ENABLE_TOTP);
    await c.ok(CONFIRM_TOTP, { code: totpFor(e.secret) });
    return e.secret;
  }
  async function enableEmail(a: Agent, c: GqlClient) {
    const before = t.smtp.to(a.email).length;
    await c.ok(SETUP_EMAIL);
    await c.ok(CONFIRM_EMAIL, { code: await t.smtp.code(a.email, before) });
    await t.db.query('UPDATE two_factor_settings SET last_code_sent_at = NULL WHERE user_id = ?', [a.id]);
  }

  it('starts with the defaults of API.md', async () => {
    const { securityPolicy } = await admin.ok(POLICY);
    expect(securityPolicy).toMatchObject({ ...DEFAULTS, updatedAt: null, updatedBy: null });
  });

  it('is for admins only', async () => {
    const a = await createAgent(t);
    expect(codeOf(await a.client.fail(POLICY))).toBe('FORBIDDEN');
    expect(codeOf(await a.client.fail(UPDATE_POLICY, { input: { gracePeriodDays: 1 } }))).toBe('FORBIDDEN');
  });

  it('refuses every out-of-range value with BAD_USER_INPUT and changes nothing', async () => {
    const bad: Array<Record<string, unknown>> = [
      { gracePeriodDays: -1 }, { gracePeriodDays: 91 },
      { sessionIdleMinutes: 4 }, { sessionIdleMinutes: 1441 },
      { sessionMaxHours: 0 }, { sessionMaxHours: 721 },
      { trustedDeviceDays: -1 }, { trustedDeviceDays: 91 },
      { allowedMethods: [] }, { allowedMethods: ['BACKUP_CODE'] }, { allowedMethods: ['TOTP', 'BACKUP_CODE'] },
      { sessionIdleMinutes: 30, clearSessionIdle: true },
      { phishingResistantFor: ['ADMIN'], allowedMethods: ['TOTP'] },
      // A valid change next to an invalid one is not half-applied.
      { requireTwoFactor: ['AGENT'], gracePeriodDays: 1000 },
    ];
    for (const input of bad) {
      const e = await admin.fail(UPDATE_POLICY, { input });
      expect([JSON.stringify(input), codeOf(e)]).toEqual([JSON.stringify(input), 'BAD_USER_INPUT']);
    }
    const { securityPolicy } = await admin.ok(POLICY);
    expect(securityPolicy).toMatchObject({ ...DEFAULTS, updatedAt: null });
  });

  it('accepts the edges of every range; clearSessionIdle sets no idle limit', async () => {
    const adminId = (await admin.ok(ME)).me.id;
    let p = (await setPolicy({ gracePeriodDays: 90, sessionIdleMinutes: 5, sessionMaxHours: 720, trustedDeviceDays: 0 })).updateSecurityPolicy;
    expect(p).toMatchObject({ gracePeriodDays: 90, sessionIdleMinutes: 5, sessionMaxHours: 720, trustedDeviceDays: 0, updatedBy: { id: adminId } });
    expect(p.updatedAt).toBeTruthy();
    p = (await setPolicy({ gracePeriodDays: 0, sessionIdleMinutes: 1440, sessionMaxHours: 1, trustedDeviceDays: 90 })).updateSecurityPolicy;
    expect(p).toMatchObject({ gracePeriodDays: 0, sessionIdleMinutes: 1440, sessionMaxHours: 1, trustedDeviceDays: 90 });
    // Absent fields keep their value.
    p = (await setPolicy({ clearSessionIdle: true })).updateSecurityPolicy;
    expect(p).toMatchObject({ gracePeriodDays: 0, sessionIdleMinutes: null, sessionMaxHours: 1, trustedDeviceDays: 90 });
    await resetPolicy();
  });

  it('records SECURITY_POLICY_CHANGED for the admin (user and actor) with before and after', async () => {
    await setPolicy({ requireTwoFactor: ['AGENT'], gracePeriodDays: 7 });
    const { mySecurityEvents } = await admin.ok(MY_EVENTS, { first: 5 });
    const e = mySecurityEvents.edges.map((x) => x.node).find((n) => n.type === 'SECURITY_POLICY_CHANGED')!;
    const adminId = (await admin.ok(ME)).me.id;
    expect(e.user.id).toBe(adminId);
    expect(e.actor?.id).toBe(adminId);
    expect(JSON.parse(e.detail!)).toEqual({ before: { requireTwoFactor: [], gracePeriodDays: 14 }, after: { requireTwoFactor: ['AGENT'], gracePeriodDays: 7 } });
    await resetPolicy();
  });

  it('needs recent authentication, like every admin mutation', async () => {
    const stale = await t.admin();
    const adminId = (await stale.ok(ME)).me.id;
    await t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), adminId]);
    expect(codeOf(await stale.fail(UPDATE_POLICY, { input: { gracePeriodDays: 3 } }))).toBe('REAUTH_REQUIRED');
    admin = await t.admin();
  });

  it('2FA required for AGENT with 14 days of grace: an agent without 2FA signs in normally, with the deadline set', async () => {
    await setPolicy({ requireTwoFactor: ['AGENT'], gracePeriodDays: 14 });
    const a = await createAgent(t);
    const { login, client } = await signIn(a);
    expect(login.enrollmentRequired).toBe(false);
    expect(login.user.security.twoFactorRequired).toBe(true);
    const deadline = new Date(login.user.security.enrollmentDeadline!).getTime();
    expect(Math.abs(deadline - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    // A full session meanwhile.
    await client.ok(MY_EVENTS, { first: 1 });
    // Admins are not required: no deadline for them.
    const mine = await admin.ok(MY_ENROLLMENT);
    expect(mine.me.security).toMatchObject({ twoFactorRequired: false, enrollmentDeadline: null });
    // Enrolled with an allowed method: compliant, no deadline.
    await enableTotp(client);
    expect((await client.ok(MY_ENROLLMENT)).me.security).toMatchObject({ twoFactorRequired: true, enrollmentDeadline: null });
    await resetPolicy();
  });

  it('past the deadline the session may only enrol; TOTP enrolment lifts the restriction', async () => {
    await setPolicy({ requireTwoFactor: ['AGENT'], gracePeriodDays: 0 });
    const a = await createAgent(t);
    const { login, client } = await signIn(a);
    expect(login.enrollmentRequired).toBe(true);
    expect(login.user.security.enrollmentDeadline).toBeTruthy();

    for (const [op, vars] of [[BACKUP_CODES, {}], [USERS, {}], [LINK_PROVIDER, { providerId: randomUUID() }], [MY_EVENTS, {}]] as const) {
      expect(codeOf(await client.fail(op, vars))).toBe('TWO_FACTOR_ENROLLMENT_REQUIRED');
    }
    // Allowed: me (with its field resolvers), re-authentication.
    const me = await client.ok(MY_ENROLLMENT);
    expect(me.me.security.twoFactorRequired).toBe(true);
    expect(codeOf(await client.fail(`mutation { reauthenticate(password: "wrong-password-here") }`))).toBe('UNAUTHENTICATED');
    await client.ok(`mutation { reauthenticate(password: "${a.password}") }`);

    await enableTotp(client);
    // The next request is a full session.
    await client.ok(MY_EVENTS, { first: 1 });
    expect((await client.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);
    expect((await client.ok(MY_ENROLLMENT)).me.security.enrollmentDeadline).toBeNull();
    await resetPolicy();
  });

  it('a restricted session can enrol by email and sign out', async () => {
    await setPolicy({ requireTwoFactor: ['AGENT'], gracePeriodDays: 0 });
    const a = await createAgent(t);
    const { client } = await signIn(a);
    await enableEmail(a, client);
    await client.ok(MY_EVENTS, { first: 1 });
    const other = (await signIn(await createAgent(t))).client;
    expect(await other.ok(LOGOUT)).toEqual({ logout: true });
    await resetPolicy();
  });

  it('allowedMethods: [TOTP] refuses email setup, drops EMAIL from challenges and from compliance', async () => {
    const a = await createAgent(t);
    const { client } = await signIn(a);
    await enableEmail(a, client);
    const both = await createAgent(t);
    const bothClient = (await signIn(both)).client;
    await enableEmail(both, bothClient);
    const secret = await enableTotp(bothClient);

    await setPolicy({ requireTwoFactor: ['AGENT'], allowedMethods: ['TOTP'], gracePeriodDays: 14 });
    // Setup of a method outside the policy: FORBIDDEN.
    const fresh = await createAgent(t);
    expect(codeOf(await fresh.client.fail(SETUP_EMAIL))).toBe('FORBIDDEN');

    // EMAIL is not offered: with TOTP on the challenge offers TOTP (and backup codes) only.
    const { login } = await t.gql.ok(POLICY_LOGIN, { email: both.email, password: both.password });
    expect(login.__typename === 'TwoFactorChallenge' && login.methods).toEqual(['TOTP', 'BACKUP_CODE']);
    if (login.__typename !== 'TwoFactorChallenge') throw new Error('challenge expected');
    expect(codeOf(await t.gql.fail(`mutation($t: String!) { sendLoginCode(challengeToken: $t) { sentTo } }`, { t: login.challengeToken }))).toBe('BAD_USER_INPUT');
    const session = await t.gql.ok(VERIFY_CODE, { challengeToken: login.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(session.verifyCode.token).toBeTruthy();

    // Email alone: no challenge (no allowed method is on), and not compliant.
    const emailOnly = await signIn(a);
    expect(emailOnly.login.user.security).toMatchObject({ twoFactorRequired: true });
    expect(emailOnly.login.user.security.enrollmentDeadline).toBeTruthy();
    const { users } = await admin.ok(COMPLIANCE_USERS, { twoFactorCompliant: false, search: a.email });
    expect(users.totalCount).toBe(1);
    const compliant = await admin.ok(COMPLIANCE_USERS, { twoFactorCompliant: true, search: both.email });
    expect(compliant.users.totalCount).toBe(1);
    await resetPolicy();
  });

  it('an admin cannot save a policy that leaves themself non-compliant with no grace (CONFLICT)', async () => {
    const e = await admin.fail(UPDATE_POLICY, { input: { requireTwoFactor: ['ADMIN', 'AGENT'], gracePeriodDays: 0 } });
    expect(codeOf(e)).toBe('CONFLICT');
    expect((await admin.ok(POLICY)).securityPolicy.requireTwoFactor).toEqual([]);
    // With a grace period it saves, and the admin keeps a full session until the deadline…
    await setPolicy({ requireTwoFactor: ['ADMIN'], gracePeriodDays: 3 });
    await admin.ok(MY_EVENTS, { first: 1 });
    // …but cannot then cut the grace to nothing.
    expect(codeOf(await admin.fail(UPDATE_POLICY, { input: { gracePeriodDays: 0 } }))).toBe('CONFLICT');
    // An admin with TOTP may; phishing-resistant admins (WEBAUTHN only) would leave them non-compliant.
    const second = await createAgent(t, { role: 'ADMIN' });
    await enableTotp(second.client);
    await second.client.ok(UPDATE_POLICY, { input: { gracePeriodDays: 0 } });
    expect(codeOf(await second.client.fail(UPDATE_POLICY, { input: { phishingResistantFor: ['ADMIN'] } }))).toBe('CONFLICT');
    // Saved with grace 0, the first admin (no 2FA) is now restricted to enrolment.
    expect(codeOf(await admin.fail(POLICY))).toBe('TWO_FACTOR_ENROLLMENT_REQUIRED');
    await second.client.ok(UPDATE_POLICY, { input: { requireTwoFactor: [], gracePeriodDays: 14 } });
    await admin.ok(POLICY);
  });

  it('users(status:, twoFactorCompliant:) and the overview counts', async () => {
    await resetPolicy();
    const tag = `cnt${Date.now()}`;
    const mk = () => createAgent(t, { email: `${tag}-${randomUUID().slice(0, 6)}@example.com` });
    const [none1, none2, old, withTotp, gone, invited] = [await mk(), await mk(), await mk(), await mk(), await mk(), await mk()];
    await enableTotp(withTotp.client);
    await t.db.query('UPDATE users SET status = ? WHERE id = ?', ['DEACTIVATED', gone.id]);
    await t.db.query('UPDATE users SET status = ? WHERE id = ?', ['INVITED', invited.id]);
    const before = (await admin.ok(POLICY_OVERVIEW)).securityOverview;
    expect(before.nonCompliant).toBe(0);

    // The consequence, before saving: every active agent without an allowed method, none at once.
    const { securityPolicyImpact: impact } = await admin.ok(POLICY_IMPACT, { input: { requireTwoFactor: ['AGENT'], gracePeriodDays: 14 } });
    expect(impact.nonCompliant).toBeGreaterThanOrEqual(3);
    expect(impact.restrictedAtOnce).toBe(0);
    expect(Math.abs(new Date(impact.deadline!).getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    expect(codeOf(await admin.fail(POLICY_IMPACT, { input: { gracePeriodDays: 91 } }))).toBe('BAD_USER_INPUT');
    expect((await admin.ok(POLICY)).securityPolicy.requireTwoFactor).toEqual([]);
    await setPolicy({ requireTwoFactor: ['AGENT'], gracePeriodDays: 14 });
    expect((await admin.ok(POLICY_OVERVIEW)).securityOverview.nonCompliant).toBe(impact.nonCompliant);
    // Move the requirement back 20 days: accounts older than 14 days are past their deadline.
    const since = new Date(Date.now() - 20 * DAY).toISOString();
    await t.db.query('UPDATE security_policy SET required_since = ?', [JSON.stringify({ AGENT: since })]);
    await t.db.query('UPDATE users SET created_at = ? WHERE id = ?', [dbTime(new Date(Date.now() - 30 * DAY)), old.id]);

    const list = async (vars: Record<string, unknown>) =>
      (await admin.ok(COMPLIANCE_USERS, { search: tag, first: 50, ...vars })).users.edges.map((e) => e.node.email).sort();
    expect(await list({ twoFactorCompliant: false })).toEqual([none1, none2, old, gone, invited].map((a) => a.email).sort());
    expect(await list({ twoFactorCompliant: false, status: 'ACTIVE' })).toEqual([none1, none2, old].map((a) => a.email).sort());
    expect(await list({ twoFactorCompliant: true })).toEqual([withTotp.email]);
    expect(await list({ status: 'DEACTIVATED' })).toEqual([gone.email]);
    expect(await list({ status: 'INVITED' })).toEqual([invited.email]);

    const { users } = await admin.ok(COMPLIANCE_USERS, { search: old.email });
    const oldDeadline = new Date(users.edges[0].node.security.enrollmentDeadline!).getTime();
    expect(Math.abs(oldDeadline - (Date.now() - 6 * DAY))).toBeLessThan(60_000);

    const o = (await admin.ok(POLICY_OVERVIEW)).securityOverview;
    // Every active agent of this file without TOTP counts; `old` alone is past its deadline.
    const activeNonCompliant = (await admin.ok(COMPLIANCE_USERS, { twoFactorCompliant: false, status: 'ACTIVE' })).users.totalCount;
    expect(o.nonCompliant).toBe(activeNonCompliant);
    expect(o.inGracePeriod).toBe(activeNonCompliant - 1);
    expect(o.deactivated).toBeGreaterThanOrEqual(1);
    expect(o.invited).toBeGreaterThanOrEqual(1);
    // `old` signs in restricted; the younger accounts are in grace.
    expect((await signIn(old)).login.enrollmentRequired).toBe(true);
    expect((await signIn(none1)).login.enrollmentRequired).toBe(false);
    await resetPolicy();
  });

  it('a change holds from the next request, on any instance (no process cache)', async () => {
    const a = await createAgent(t);
    const { client } = await signIn(a);
    await client.ok(MY_EVENTS, { first: 1 });
    // Written behind the app's back, as another instance would: seen at once.
    await t.db.query('UPDATE security_policy SET require_two_factor = ?, grace_period_days = 0, required_since = ?', ['AGENT', JSON.stringify({ AGENT: new Date().toISOString() })]);
    expect(codeOf(await client.fail(MY_EVENTS, { first: 1 }))).toBe('TWO_FACTOR_ENROLLMENT_REQUIRED');
    await t.db.query("UPDATE security_policy SET require_two_factor = '', required_since = '{}'");
    await client.ok(MY_EVENTS, { first: 1 });
  });
});
