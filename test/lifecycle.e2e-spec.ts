import { randomBytes } from 'node:crypto';
import { ADMIN_EMAIL, createAgent, startTestApp, TestApp } from './support/create-app';
import { burst, tally } from './support/burst';
import { codeOf } from './support/gql';
import { DEACTIVATE_USER, REACTIVATE_USER, SET_USER_ROLE } from './support/lifecycle-operations';
import { Browser, startIdp, TestIdp } from './support/oidc';
import { LOGIN, ME, SECURITY_EVENTS } from './support/operations';
import { COMPLETE_SSO_LOGIN, CONFIGURE_SSO_PROVIDER, LINK_PROVIDER } from './support/sso-operations';

/**
 * The account lifecycle of API.md Part 2 that admins drive: deactivation (every sign-in path then
 * gives nothing, sessions end), reactivation, roles; the last-admin and self guards; the trail.
 */
const PUBLIC_URL = 'http://lifecycle.test';
const WEB = 'http://web.test';
const rand = () => randomBytes(4).toString('hex');

describe('account lifecycle: deactivate, reactivate, roles', () => {
  let t: TestApp;
  let idp: TestIdp;
  const env = { PUBLIC_URL, WEB_APP_URL: WEB, SSO_HTTP_TIMEOUT_MS: '1500', RATE_LIMIT_PER_MINUTE: '0' };

  beforeAll(async () => {
    [idp, t] = await Promise.all([startIdp(), startTestApp(env)]);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    for (const k of Object.keys(env)) delete process.env[k];
  });

  const browser = () => new Browser({ webAppUrl: WEB, app: PUBLIC_URL, hosts: { [PUBLIC_URL]: t.url } });
  const query = (url: string) => Object.fromEntries(new URL(url).searchParams);
  const eventsOf = async (userId: string) =>
    ((await (await t.admin()).ok(SECURITY_EVENTS, { userId, first: 50 })).securityEvents.edges as Array<{ node: { type: string; detail: string | null; actor: { id: string } | null } }>).map(
      (e) => e.node,
    );

  it('deactivate: sessions end, password and SSO sign-in answer as a wrong password, the user is mailed; reactivate restores sign-in', async () => {
    const admin = await t.admin();
    const adminId = (await admin.ok(ME)).me.id;
    // An SSO identity linked to the agent, so the SSO path can be tried after deactivation.
    const clientId = `client-${rand()}`;
    const clientSecret = `secret-${rand()}-${rand()}`;
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, {
      input: { kind: 'GOOGLE', displayName: 'Google', issuer: idp.google, clientId, clientSecret, requireTwoFactor: false },
    });
    await idp.registerClient(idp.google, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });
    const a = await createAgent(t);
    const login = `leaver-${rand()}`;
    const linker = browser();
    const { linkProvider } = await linker.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
    expect(await linker.run(linkProvider.authorizationUrl, { login })).toBe(`${WEB}/settings/sso?linked=${p.id}`);

    const since = t.smtp.to(a.email).length;
    const { deactivateUser } = await (await t.admin()).ok(DEACTIVATE_USER, { userId: a.id, reason: 'Left the company on Friday' });
    expect(deactivateUser.status).toBe('DEACTIVATED');
    // The open session is over.
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    // Password: exactly the wrong-password answer.
    const byPassword = await t.gql.fail(LOGIN, { email: a.email, password: a.password });
    expect(codeOf(byPassword)).toBe('UNAUTHENTICATED');
    expect(byPassword.message).toBe('Invalid email or password');
    // SSO: the provider still vouches for the identity, the account gives nothing.
    const b = browser();
    const landed = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login });
    const ticket = query(landed).ticket;
    expect(ticket).toBeTruthy();
    const sso = await b.fail(COMPLETE_SSO_LOGIN, { ticket });
    expect(codeOf(sso)).toBe('UNAUTHENTICATED');
    // Told by mail, with the reason; the event names the admin.
    const mail = await t.smtp.waitFor(a.email, (m) => /deactivated/i.test(m.subject), since);
    expect(mail.text).toContain('Left the company on Friday');
    const deactivated = (await eventsOf(a.id)).find((e) => e.type === 'USER_DEACTIVATED')!;
    expect(deactivated).toMatchObject({ detail: 'Left the company on Friday', actor: { id: adminId } });

    const { reactivateUser } = await (await t.admin()).ok(REACTIVATE_USER, { userId: a.id });
    expect(reactivateUser.status).toBe('ACTIVE');
    const again = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(again.login.__typename).toBe('AuthSession');
    expect((await eventsOf(a.id)).map((e) => e.type)).toContain('USER_REACTIVATED');
    expect(codeOf(await (await t.admin()).fail(REACTIVATE_USER, { userId: a.id }))).toBe('CONFLICT');
  });

  it('roles: an admin promotes and demotes an agent (ROLE_CHANGED, mail); nobody changes or deactivates themself', async () => {
    const admin = await t.admin();
    const adminId = (await admin.ok(ME)).me.id;
    const a = await createAgent(t);
    const since = t.smtp.to(a.email).length;
    expect((await admin.ok(SET_USER_ROLE, { userId: a.id, role: 'ADMIN' })).setUserRole.role).toBe('ADMIN');
    await t.smtp.waitFor(a.email, (m) => /role/i.test(m.subject), since);
    expect((await admin.ok(SET_USER_ROLE, { userId: a.id, role: 'AGENT' })).setUserRole.role).toBe('AGENT');
    const changes = (await eventsOf(a.id)).filter((e) => e.type === 'ROLE_CHANGED');
    expect(changes.map((e) => e.detail).sort()).toEqual(['ADMIN → AGENT', 'AGENT → ADMIN']);
    expect(changes.every((e) => e.actor?.id === adminId)).toBe(true);

    expect(codeOf(await admin.fail(SET_USER_ROLE, { userId: adminId, role: 'AGENT' }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.fail(DEACTIVATE_USER, { userId: adminId, reason: 'trying myself' }))).toBe('FORBIDDEN');
    // An agent has no say at all.
    expect(codeOf(await a.client.fail(DEACTIVATE_USER, { userId: adminId, reason: 'mutiny now' }))).toBe('FORBIDDEN');
  });

  /** Two admins (fresh sessions), each about to act on the other at the same instant. */
  async function twoAdmins() {
    const email = `peer-admin-${rand()}@example.com`;
    const password = 'Peer-Admin-Password-2026!';
    const first = await t.admin();
    // Only these two may be active admins for the race to be about the last one.
    const others = (await t.db.query('SELECT id FROM users WHERE role = ? AND status = ? AND email_lower <> ?', ['ADMIN', 'ACTIVE', ADMIN_EMAIL])) as Array<{ id: string }>;
    for (const o of others) await first.ok(SET_USER_ROLE, { userId: o.id, role: 'AGENT' });
    const { createUser } = await first.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { email, password, displayName: 'Peer Admin', role: 'ADMIN' },
    });
    const second = t.gql.withToken((await t.gql.ok(LOGIN, { email, password })).login.token);
    return { first, firstId: (await first.ok(ME)).me.id as string, second, secondId: createUser.id as string };
  }
  const activeAdmins = async () =>
    Number(((await t.db.query('SELECT COUNT(*) AS n FROM users WHERE role = ? AND status = ?', ['ADMIN', 'ACTIVE'])) as Array<{ n: number | string }>)[0].n);

  it('last-admin guard: two admins demoting each other at once — one wins, the other is refused, an admin remains', async () => {
    const { first, firstId, second, secondId } = await twoAdmins();
    const answers = await burst(t.url, [
      { query: SET_USER_ROLE, variables: { userId: secondId, role: 'AGENT' }, headers: { authorization: `Bearer ${first.token}` } },
      { query: SET_USER_ROLE, variables: { userId: firstId, role: 'AGENT' }, headers: { authorization: `Bearer ${second.token}` } },
    ]);
    const counts = tally(answers);
    expect(counts.OK).toBe(1);
    // The loser is refused: CONFLICT (the last admin) or FORBIDDEN (no longer an admin by then).
    expect((counts.CONFLICT ?? 0) + (counts.FORBIDDEN ?? 0)).toBe(1);
    expect(await activeAdmins()).toBe(1);
    // Put the bootstrap admin back if it lost, for the tests after this one.
    const bootstrap = (await t.db.query('SELECT role FROM users WHERE email_lower = ?', [ADMIN_EMAIL])) as Array<{ role: string }>;
    if (bootstrap[0].role !== 'ADMIN') await second.ok(SET_USER_ROLE, { userId: firstId, role: 'ADMIN' });
  });

  it('last-admin guard: two admins deactivating each other at once — an active admin remains', async () => {
    const { first, firstId, second, secondId } = await twoAdmins();
    const answers = await burst(t.url, [
      { query: DEACTIVATE_USER, variables: { userId: secondId, reason: 'race one' }, headers: { authorization: `Bearer ${first.token}` } },
      { query: DEACTIVATE_USER, variables: { userId: firstId, reason: 'race two' }, headers: { authorization: `Bearer ${second.token}` } },
    ]);
    const counts = tally(answers);
    expect(counts.OK).toBe(1);
    expect(await activeAdmins()).toBe(1);
    // Put the bootstrap admin back if it lost, for the tests after this one.
    const bootstrap = (await t.db.query('SELECT status FROM users WHERE email_lower = ?', [ADMIN_EMAIL])) as Array<{ status: string }>;
    if (bootstrap[0].status !== 'ACTIVE') await second.ok(REACTIVATE_USER, { userId: firstId });
  });
});
