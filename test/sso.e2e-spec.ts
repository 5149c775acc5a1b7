import { randomBytes } from 'node:crypto';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import { Browser, startIdp, TestIdp } from './support/oidc';
import { CONFIRM_EMAIL, SEND_LOGIN_CODE, SETUP_EMAIL, VERIFY_CODE } from './support/operations';
import {
  ADMIN_SSO_PROVIDERS,
  BIND_SSO_ACCOUNT,
  COMPLETE_SSO_LOGIN,
  CONFIGURE_SSO_PROVIDER,
  LINK_PROVIDER,
  MY_SSO_CONNECTIONS,
  REMOVE_SSO_PROVIDER,
  SSO_PROVIDER_DRAFT,
  SSO_PROVIDERS,
  SSO_TEST_RESULT,
  SSO_TICKET,
  TEST_SSO_PROVIDER,
  UNLINK_PROVIDER,
} from './support/sso-operations';
import { createHash } from 'node:crypto';

/**
 * SSO over HTTP against a real OpenID Provider (oidc-provider in a child process). The app is
 * reached through a virtual PUBLIC_URL (as behind a load balancer): the test browser maps it to
 * an app instance, which also lets a flow start on one instance and finish on another.
 */
const PUBLIC_URL = 'http://sso-app.test';
const WEB = 'http://web.test';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const rand = () => randomBytes(4).toString('hex');

type Provider = { id: string; clientId: string; clientSecret: string; redirectUri: string; origin: string; displayName: string };

describe('single sign-on', () => {
  let idp: TestIdp;
  let t: TestApp;
  let admin: GqlClient;
  const env = { PUBLIC_URL, WEB_APP_URL: WEB, SSO_HTTP_TIMEOUT_MS: '1500' };

  beforeAll(async () => {
    idp = await startIdp();
    t = await startTestApp(env);
    admin = await t.admin();
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    for (const k of Object.keys(env)) delete process.env[k];
  });

  /** A browser (its own cookie jar) that reaches the app at PUBLIC_URL; its GraphQL calls carry its cookies. */
  const browser = (appUrl = t.url) => new Browser({ webAppUrl: WEB, app: PUBLIC_URL, hosts: { [PUBLIC_URL]: appUrl } });
  const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

  async function configure(input: { kind: string; displayName: string } & Record<string, unknown>, origin: string): Promise<Provider> {
    const clientId = (input.clientId as string) ?? `client-${rand()}`;
    const clientSecret = (input.clientSecret as string) ?? `secret-${rand()}-${rand()}`;
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...input, clientId, clientSecret } });
    await idp.registerClient(origin, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });
    return { id: p.id, clientId, clientSecret, redirectUri: p.redirectUri, origin, displayName: p.displayName };
  }
  const google = (extra: Record<string, unknown> = {}) =>
    configure({ kind: 'GOOGLE', displayName: `Google ${rand()}`, issuer: idp.google, ...extra }, idp.google);
  const office365 = (extra: Record<string, unknown> = {}) =>
    configure({ kind: 'OFFICE365', displayName: `Office 365 ${rand()}`, tenant: 'common', issuer: `${idp.o365}/common/v2.0`, ...extra }, idp.o365);

  /** The login-page button: GET /auth/sso/:id through the provider, back to the web app. */
  const ssoLogin = (p: Provider, login: string, b = browser()) => b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login });
  /** The settings page: linkProvider from the signed-in browser (which gets the flow cookie), then the provider. */
  async function ssoLink(client: GqlClient, p: Provider, login: string, b = browser()) {
    const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, client.token);
    return b.run(linkProvider.authorizationUrl, { login });
  }
  /** A login round trip that ends with a ticket, and the browser that holds the ticket's cookie. */
  async function ticketFor(p: Provider, login: string, b = browser()) {
    const landed = await ssoLogin(p, login, b);
    return { landed, ticket: query(landed).ticket, b };
  }
  const events = async (userId: string, type: string) =>
    (await t.db.query('SELECT type, detail, ip FROM security_events WHERE user_id = ? AND type = ?', [userId, type])) as Array<{ detail: string; ip: string }>;
  const identities = async (userId: string) =>
    (await t.db.query('SELECT provider_id, subject, email FROM sso_identities WHERE user_id = ?', [userId])) as Array<{ provider_id: string; subject: string; email: string }>;

  describe('admin configuration', () => {
    it('configures a provider: secret sealed at rest, never returned; public list shows enabled ones', async () => {
      const p = await google({ displayName: 'Google Workspace' });
      expect(p.redirectUri).toBe(`${PUBLIC_URL}/auth/sso/${p.id}/callback`);
      const { adminSsoProviders } = await admin.ok(ADMIN_SSO_PROVIDERS);
      expect(adminSsoProviders.find((x: { id: string }) => x.id === p.id)).toEqual({
        id: p.id,
        kind: 'GOOGLE',
        displayName: 'Google Workspace',
        clientId: p.clientId,
        issuer: idp.google,
        tenant: null,
        enabled: true,
        requireTwoFactor: true, // API.md Part 2: the default
        redirectUri: p.redirectUri,
        allowedTenants: [],
        discoveryProblem: null, // its discovery document answered when it was saved
        linkedAccounts: 0,
      });
      const [row] = await t.db.query('SELECT * FROM sso_providers WHERE id = ?', [p.id]);
      expect(JSON.stringify(row)).not.toContain(p.clientSecret);
      expect(row.client_secret_sealed).toMatch(/^v1:/);
      const { ssoProviders } = await t.gql.ok(SSO_PROVIDERS);
      expect(ssoProviders).toContainEqual({ id: p.id, kind: 'GOOGLE', displayName: 'Google Workspace' });
      // No field of the schema can carry the secret back.
      const r = await admin.ok(`{ __type(name: "SsoProviderConfig") { fields { name } } }`);
      expect(r.__type.fields.map((f: { name: string }) => f.name)).not.toContain('clientSecret');
    });

    it('defaults issuers per kind and validates the input', async () => {
      // Saved disabled: an enabled save fetches the issuer's discovery document, and these
      // (Google's, Microsoft's) are not to be called from a test.
      const base = { displayName: 'X', clientId: 'cid', clientSecret: 'sec', enabled: false };
      const o365 = (await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, kind: 'OFFICE365' } })).configureSsoProvider;
      expect(o365).toMatchObject({ issuer: 'https://login.microsoftonline.com/common/v2.0', tenant: 'common' });
      const g = (await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, kind: 'GOOGLE' } })).configureSsoProvider;
      expect(g.issuer).toBe('https://accounts.google.com');
      const local = (await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, kind: 'OIDC', issuer: 'http://localhost:8080/realms/x' } })).configureSsoProvider;
      expect(local.issuer).toBe('http://localhost:8080/realms/x');
      const bad = async (input: Record<string, unknown>) => codeOf(await admin.fail(CONFIGURE_SSO_PROVIDER, { input: { ...base, ...input } }));
      expect(await bad({ kind: 'OIDC' })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'OIDC', issuer: 'http://idp.example.com' })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'OIDC', issuer: 'https://idp.example.com?x=1' })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'GOOGLE', clientSecret: null })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'GOOGLE', tenant: 'common' })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'OFFICE365', tenant: 'contoso' })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'OFFICE365', tenant: idp.tenants.a, allowedTenants: [idp.tenants.b] })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'OFFICE365', allowedTenants: ['not-a-guid'] })).toBe('BAD_USER_INPUT');
      expect(await bad({ kind: 'GOOGLE', id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
      expect(codeOf(await admin.fail(REMOVE_SSO_PROVIDER, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
      for (const p of [o365, g, local]) await admin.ok(REMOVE_SSO_PROVIDER, { id: p.id });
    });

    it('is for admins only', async () => {
      const a = await createAgent(t);
      expect(codeOf(await a.client.fail(ADMIN_SSO_PROVIDERS))).toBe('FORBIDDEN');
      const input = { kind: 'GOOGLE', displayName: 'X', clientId: 'c', clientSecret: 's' };
      expect(codeOf(await a.client.fail(CONFIGURE_SSO_PROVIDER, { input }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql.fail(CONFIGURE_SSO_PROVIDER, { input }))).toBe('UNAUTHENTICATED');
    });

    it('an edit takes effect at once (strategy re-registered); no secret on update keeps the stored one', async () => {
      const p = await google();
      const login = `edit-${rand()}`;
      expect(await ssoLogin(p, login)).toMatch(`${WEB}/sso/bind?ticket=`);
      const update = { id: p.id, kind: 'GOOGLE', displayName: p.displayName, clientId: p.clientId, issuer: idp.google };
      await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...update, clientSecret: 'not-the-secret' } });
      expect(await ssoLogin(p, login)).toBe(`${WEB}/login?error=provider_error`);
      await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...update, clientSecret: p.clientSecret } });
      const renamed = (await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...update, displayName: 'Renamed' } })).configureSsoProvider;
      expect(renamed.displayName).toBe('Renamed');
      expect(await ssoLogin(p, login)).toMatch(`${WEB}/sso/bind?ticket=`);
    });
  });

  describe('setup checks (issue 15)', () => {
    it('a draft gives the redirect URI before saving; creating with its newId keeps that URI', async () => {
      const { ssoProviderDraft: draft } = await admin.ok(SSO_PROVIDER_DRAFT);
      expect(draft.redirectUri).toBe(`${PUBLIC_URL}/auth/sso/${draft.id}/callback`);
      const p = await google({ newId: draft.id });
      expect(p).toMatchObject({ id: draft.id, redirectUri: draft.redirectUri });
      const input = { kind: 'GOOGLE', displayName: 'Twice', clientId: 'c', clientSecret: 's', issuer: idp.google, enabled: false };
      expect(codeOf(await admin.fail(CONFIGURE_SSO_PROVIDER, { input: { ...input, newId: draft.id } }))).toBe('CONFLICT');
      expect(codeOf(await admin.fail(CONFIGURE_SSO_PROVIDER, { input: { ...input, newId: 'not-a-uuid' } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await admin.fail(CONFIGURE_SSO_PROVIDER, { input: { ...input, id: p.id, newId: (await admin.ok(SSO_PROVIDER_DRAFT)).ssoProviderDraft.id } }))).toBe('BAD_USER_INPUT');
      const a = await createAgent(t);
      expect(codeOf(await a.client.fail(SSO_PROVIDER_DRAFT))).toBe('FORBIDDEN');
    });

    it('an issuer whose discovery does not answer is saved disabled, with the reason; never enabled', async () => {
      const base = { kind: 'OIDC', clientId: 'c', clientSecret: 's' };
      const { configureSsoProvider: down } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, displayName: `Down ${rand()}`, issuer: 'http://127.0.0.1:1' } });
      expect(down.enabled).toBe(false);
      expect(down.discoveryProblem).toBe('http://127.0.0.1:1/.well-known/openid-configuration could not be reached: the connection was refused.');
      const { configureSsoProvider: wrong } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, displayName: `Wrong ${rand()}`, issuer: `${idp.google}/nothing-here` } });
      expect(wrong.enabled).toBe(false);
      expect(wrong.discoveryProblem).toMatch(/^http:\/\/\S+\/nothing-here\/\.well-known\/openid-configuration did not give a usable discovery document: it answered HTTP 404\.$/);
      const { ssoProviders } = await t.gql.ok(SSO_PROVIDERS);
      expect(ssoProviders.map((p: { id: string }) => p.id)).not.toEqual(expect.arrayContaining([down.id]));
      expect(ssoProviders.map((p: { id: string }) => p.id)).not.toEqual(expect.arrayContaining([wrong.id]));
      // The reason stays with the provider (the console lists it) and is in the admin's trail.
      const listed = (await admin.ok(ADMIN_SSO_PROVIDERS)).adminSsoProviders.find((x: { id: string }) => x.id === down.id);
      expect(listed).toMatchObject({ enabled: false, discoveryProblem: down.discoveryProblem });
      const [event] = (await t.db.query('SELECT detail FROM security_events WHERE type = ? AND detail LIKE ?', ['SSO_PROVIDER_CONFIGURED', `${down.displayName}%`])) as Array<{ detail: string }>;
      expect(event.detail).toContain('disabled (not enabled: http://127.0.0.1:1/.well-known/openid-configuration could not be reached');
      // Fixed (the issuer answers now): the same save enables it and clears the reason.
      const { configureSsoProvider: fixed } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, id: down.id, displayName: down.displayName, kind: 'GOOGLE', issuer: idp.google } });
      expect(fixed).toMatchObject({ enabled: true, discoveryProblem: null });
    });

    it('linkedAccounts counts the accounts that removing the provider would unlink', async () => {
      const p = await google();
      const count = async () => (await admin.ok(ADMIN_SSO_PROVIDERS)).adminSsoProviders.find((x: { id: string }) => x.id === p.id)?.linkedAccounts;
      expect(await count()).toBe(0);
      for (const who of ['lc1', 'lc2']) {
        const a = await createAgent(t);
        expect(await ssoLink(a.client, p, `${who}-${rand()}`)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      }
      expect(await count()).toBe(2);
    });

    it('Test sign-in: a real round trip, also while disabled, that signs nobody in and links nothing', async () => {
      const p = await google({ enabled: false });
      const b = browser();
      const login = `tester-${rand()}`;
      await idp.account(idp.google, { id: login, email: `${login}@gmail.test` });
      const { testSsoProvider } = await b.ok(TEST_SSO_PROVIDER, { id: p.id }, admin.token);
      const landed = await b.run(testSsoProvider.authorizationUrl, { login });
      expect(landed).toMatch(new RegExp(`^${WEB}/admin/sso/test\\?ticket=`));
      const ticket = query(landed).ticket;
      const { ssoTestResult } = await b.ok(SSO_TEST_RESULT, { ticket }, admin.token);
      expect(ssoTestResult).toEqual({ provider: { id: p.id, displayName: p.displayName }, subject: login, email: `${login}@gmail.test`, emailVerified: true });
      // Read again (a reload of the result page): still there; from another browser: nothing.
      expect((await b.ok(SSO_TEST_RESULT, { ticket }, admin.token)).ssoTestResult.subject).toBe(login);
      expect(codeOf(await browser().fail(SSO_TEST_RESULT, { ticket }, admin.token))).toBe('CODE_EXPIRED');
      // It is no sign-in ticket, and no link was made.
      expect(codeOf(await b.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');
      expect(codeOf(await b.fail(SSO_TICKET, { ticket }))).toBe('CODE_EXPIRED');
      expect(await t.db.query('SELECT id FROM sso_identities WHERE provider_id = ?', [p.id])).toEqual([]);
      // Agents cannot start one.
      const a = await createAgent(t);
      expect(codeOf(await a.client.fail(TEST_SSO_PROVIDER, { id: p.id }))).toBe('FORBIDDEN');
    });

    it('Test sign-in that fails lands on the result page with the reason code', async () => {
      const p = await google();
      const b = browser();
      const { testSsoProvider } = await b.ok(TEST_SSO_PROVIDER, { id: p.id }, admin.token);
      expect(await b.run(testSsoProvider.authorizationUrl, { abort: true })).toBe(`${WEB}/admin/sso/test?error=access_denied&provider=${p.id}`);
    });
  });

  describe('removal', () => {
    it('removing a provider drops its links, tells the linked users, and stops its flows', async () => {
      const p = await google();
      const a = await createAgent(t);
      expect(await ssoLink(a.client, p, `rm-${rand()}`)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      const pending = browser();
      const pendingCallback = await pending.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login: `rm2-${rand()}`, stopAtCallback: true });
      const since = t.smtp.to(a.email).length;
      expect(await admin.ok(REMOVE_SSO_PROVIDER, { id: p.id })).toEqual({ removeSsoProvider: true });
      expect(await identities(a.id)).toEqual([]);
      const [removed] = await t.db.query(`SELECT actor_id, detail FROM security_events WHERE user_id = ? AND type = 'SSO_UNLINKED'`, [a.id]);
      expect(removed.detail).toContain('removed');
      expect(removed.actor_id).toBeTruthy();
      await t.smtp.waitFor(a.email, (m) => /removed/i.test(m.subject), since);
      expect((await t.gql.ok(SSO_PROVIDERS)).ssoProviders.map((x: { id: string }) => x.id)).not.toContain(p.id);
      expect(await pending.run(pendingCallback)).toBe(`${WEB}/login?error=provider_not_configured`);
    });
  });

  describe('link, login, unlink', () => {
    it('links from settings, signs in through the link, unlinks', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `alice-${rand()}`;
      const b = browser();
      const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
      const auth = query(linkProvider.authorizationUrl);
      expect(linkProvider.authorizationUrl.startsWith(`${idp.google}/auth?`)).toBe(true);
      expect(auth).toMatchObject({ client_id: p.clientId, redirect_uri: p.redirectUri, response_type: 'code' });
      expect(auth.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
      expect(auth.nonce).toBeTruthy();
      expect(auth.code_challenge_method).toBe('S256');
      expect(auth.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The state is stored hashed, never as sent.
      const flows = await t.db.query('SELECT state_hash FROM sso_flows WHERE user_id = ?', [a.id]);
      expect(flows).toEqual([{ state_hash: sha256(auth.state) }]);

      expect(await b.run(linkProvider.authorizationUrl, { login })).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      expect(await identities(a.id)).toEqual([{ provider_id: p.id, subject: login, email: `${login}@gmail.test` }]);
      expect((await events(a.id, 'SSO_LINKED')).length).toBe(1);
      const linkedMail = await t.smtp.waitFor(a.email, (m) => /linked/i.test(m.subject));
      expect(linkedMail.text).toContain(`${login}@gmail.test`);

      // Linking again: this account already has an identity of this provider.
      expect(codeOf(await a.client.fail(LINK_PROVIDER, { providerId: p.id }))).toBe('CONFLICT');

      const lb = browser();
      const done = await ssoLogin(p, login, lb);
      expect(done).toMatch(new RegExp(`^${WEB}/sso/complete\\?ticket=[A-Za-z0-9_-]{43}$`));
      const { ticket } = query(done);
      const tickets = await t.db.query('SELECT ticket_hash FROM sso_tickets WHERE ticket_hash = ?', [sha256(ticket)]);
      expect(tickets.length).toBe(1);
      const { completeSsoLogin } = await lb.ok(COMPLETE_SSO_LOGIN, { ticket });
      expect(completeSsoLogin).toMatchObject({ __typename: 'AuthSession', user: { id: a.id, email: a.email } });
      expect((await t.gql.withToken(completeSsoLogin.token).ok(`{ me { id } }`)).me.id).toBe(a.id);
      const ssoLogins = await events(a.id, 'SSO_LOGIN');
      expect(ssoLogins.length).toBe(1);
      expect(ssoLogins[0].detail).toContain(p.id);
      // Single use.
      expect(codeOf(await lb.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');

      const mailsBefore = t.smtp.to(a.email).length;
      const { unlinkProvider } = await a.client.ok(UNLINK_PROVIDER, { providerId: p.id });
      expect(unlinkProvider).toEqual({ id: a.id, email: a.email });
      expect(await identities(a.id)).toEqual([]);
      expect((await events(a.id, 'SSO_UNLINKED')).length).toBe(1);
      await t.smtp.waitFor(a.email, (m) => /removed/i.test(m.subject), mailsBefore);
      expect(codeOf(await a.client.fail(UNLINK_PROVIDER, { providerId: p.id }))).toBe('NOT_FOUND');
      // Unlinked: the same identity now lands on the bind page.
      expect(await ssoLogin(p, login)).toMatch(`${WEB}/sso/bind?ticket=`);
    });

    it('linkProvider and unlinkProvider need a recent authentication', async () => {
      const p = await google();
      const a = await createAgent(t);
      await t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), a.id]);
      expect(codeOf(await a.client.fail(LINK_PROVIDER, { providerId: p.id }))).toBe('REAUTH_REQUIRED');
      expect(codeOf(await a.client.fail(UNLINK_PROVIDER, { providerId: p.id }))).toBe('REAUTH_REQUIRED');
      expect(codeOf(await t.gql.fail(LINK_PROVIDER, { providerId: p.id }))).toBe('UNAUTHENTICATED');
    });

    it('a link flow whose session ended meanwhile (logout) links nothing', async () => {
      const p = await google();
      const a = await createAgent(t);
      const b = browser();
      const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
      await a.client.ok('mutation { logout }');
      // The right browser (its flow cookie), but the session that asked is gone.
      expect(await b.run(linkProvider.authorizationUrl, { login: `gone-${rand()}` })).toBe(`${WEB}/settings/sso?error=invalid_state`);
      expect(await identities(a.id)).toEqual([]);
    });

    it('me.security.ssoConnections shows the provider and the email at the provider', async () => {
      const p = await google({ displayName: 'Google Connections' });
      const a = await createAgent(t);
      const login = `conn-${rand()}`;
      expect(await ssoLink(a.client, p, login)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      const { me } = await a.client.ok(MY_SSO_CONNECTIONS);
      expect(me.security.ssoConnections).toEqual([
        { provider: { id: p.id, kind: 'GOOGLE', displayName: 'Google Connections' }, email: `${login}@gmail.test`, linkedAt: expect.any(String) },
      ]);
      // the admin console sees it too: filter by provider, and the dashboard count
      const { users } = await admin.ok(`query($p: ID) { users(ssoProviderId: $p, first: 100) { totalCount edges { node { id security { ssoConnections { provider { id } email } } } } } }`, { p: p.id });
      expect(users.totalCount).toBe(1);
      expect(users.edges[0].node).toEqual({ id: a.id, security: { ssoConnections: [{ provider: { id: p.id }, email: `${login}@gmail.test` }] } });
      const { securityOverview } = await admin.ok(`{ securityOverview { ssoLinked { providerId displayName linkedUsers } } }`);
      expect(securityOverview.ssoLinked).toContainEqual({ providerId: p.id, displayName: 'Google Connections', linkedUsers: 1 });
    });

    it('a ticket or a callback raced twice is used once', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `race-${rand()}`;
      expect(await ssoLink(a.client, p, login)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      const { ticket, b: tb } = await ticketFor(p, login);
      const results = await Promise.all([1, 2, 3].map(() => tb.gql(COMPLETE_SSO_LOGIN, { ticket })));
      expect(results.filter((r) => r.data?.completeSsoLogin?.token).length).toBe(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CODE_EXPIRED').length).toBe(2);
      const b = browser();
      const callback = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login, stopAtCallback: true });
      const landed = await Promise.all([b.run(callback), b.run(callback)]);
      expect(landed.filter((u) => u.startsWith(`${WEB}/sso/complete?ticket=`)).length).toBe(1);
      expect(landed.filter((u) => u === `${WEB}/login?error=invalid_state`).length).toBe(1);
    });

    it('an identity linked to another account is refused (already_linked)', async () => {
      const p = await google();
      const [a, b] = [await createAgent(t), await createAgent(t)];
      const login = `shared-${rand()}`;
      expect(await ssoLink(a.client, p, login)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      expect(await ssoLink(b.client, p, login)).toBe(`${WEB}/settings/sso?error=already_linked`);
      expect(await identities(b.id)).toEqual([]);
      expect((await identities(a.id)).length).toBe(1);
    });
  });

  describe('first sign-in: binding', () => {
    it('same email at the provider is never linked by itself; a wrong then the right password binds', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `bob-${rand()}`;
      await idp.account(idp.google, { id: login, email: a.email });
      const { landed: done, ticket, b } = await ticketFor(p, login);
      expect(done).toMatch(`${WEB}/sso/bind?ticket=`);
      expect(await identities(a.id)).toEqual([]);
      // Not a login ticket.
      expect(codeOf(await b.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');

      const wrong = await b.fail(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: 'not-the-password' });
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.message).toBe('Invalid email or password');
      expect(await identities(a.id)).toEqual([]);

      const { bindSsoAccount } = await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password });
      expect(bindSsoAccount).toMatchObject({ __typename: 'AuthSession', user: { id: a.id } });
      expect(await identities(a.id)).toEqual([{ provider_id: p.id, subject: login, email: a.email }]);
      await t.smtp.waitFor(a.email, (m) => /linked/i.test(m.subject));
      expect((await events(a.id, 'SSO_LINKED')).length).toBe(1);
      expect((await events(a.id, 'SSO_LOGIN')).length).toBe(1);
      expect(codeOf(await b.fail(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password }))).toBe('CODE_EXPIRED');
      // From now on the identity signs in directly.
      expect(await ssoLogin(p, login)).toMatch(`${WEB}/sso/complete?ticket=`);
    });

    it('5 wrong passwords kill the ticket', async () => {
      const p = await google();
      const a = await createAgent(t);
      const { ticket, b } = await ticketFor(p, `carol-${rand()}`);
      for (let i = 0; i < 5; i++) {
        expect(codeOf(await b.fail(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: `wrong-${i}-password` }))).toBe('UNAUTHENTICATED');
      }
      expect(codeOf(await b.fail(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password }))).toBe('CODE_EXPIRED');
      expect(await identities(a.id)).toEqual([]);
    });

    it('binding an account with 2FA goes through the challenge; the link is made when verifyCode succeeds', async () => {
      const p = await google({ requireTwoFactor: false });
      const a = await createAgent(t);
      let since = t.smtp.to(a.email).length;
      await a.client.ok(SETUP_EMAIL);
      await a.client.ok(CONFIRM_EMAIL, { code: await t.smtp.code(a.email, since) });

      const login = `dave-${rand()}`;
      const { ticket, b } = await ticketFor(p, login);
      const { bindSsoAccount } = await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password });
      expect(bindSsoAccount).toMatchObject({ __typename: 'TwoFactorChallenge' });
      expect(bindSsoAccount.methods).toContain('EMAIL');
      expect(await identities(a.id)).toEqual([]);

      // The resend cooldown (30 s) started with the setup code: move it into the past.
      await t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), a.id]);
      since = t.smtp.to(a.email).length;
      await t.gql.ok(SEND_LOGIN_CODE, { challengeToken: bindSsoAccount.challengeToken });
      const code = await t.smtp.code(a.email, since);
      const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: bindSsoAccount.challengeToken, method: 'EMAIL', code });
      expect(verifyCode.user.id).toBe(a.id);
      expect(await identities(a.id)).toEqual([{ provider_id: p.id, subject: login, email: `${login}@gmail.test` }]);
      await t.smtp.waitFor(a.email, (m) => /linked/i.test(m.subject), since);
      expect((await events(a.id, 'SSO_LINKED')).length).toBe(1);

      // completeSsoLogin asks for the account's 2FA only when the provider requires it.
      const first = await ticketFor(p, login);
      const direct = (await first.b.ok(COMPLETE_SSO_LOGIN, { ticket: first.ticket })).completeSsoLogin;
      expect(direct.__typename).toBe('AuthSession');
      await admin.ok(CONFIGURE_SSO_PROVIDER, {
        input: { id: p.id, kind: 'GOOGLE', displayName: p.displayName, clientId: p.clientId, issuer: idp.google, requireTwoFactor: true },
      });
      const second = await ticketFor(p, login);
      const challenged = (await second.b.ok(COMPLETE_SSO_LOGIN, { ticket: second.ticket })).completeSsoLogin;
      expect(challenged).toMatchObject({ __typename: 'TwoFactorChallenge' });
      expect(challenged.methods).toContain('EMAIL');
    });

    it('expired tickets answer CODE_EXPIRED', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `erin-${rand()}`;
      expect(await ssoLink(a.client, p, login)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      const b = browser();
      const loginTicket = (await ticketFor(p, login, b)).ticket;
      const bindTicket = (await ticketFor(p, `frank-${rand()}`, b)).ticket;
      const past = dbTime(new Date(Date.now() - 1000));
      for (const tk of [loginTicket, bindTicket]) await t.db.query('UPDATE sso_tickets SET expires_at = ? WHERE ticket_hash = ?', [past, sha256(tk)]);
      expect(codeOf(await b.fail(COMPLETE_SSO_LOGIN, { ticket: loginTicket }))).toBe('CODE_EXPIRED');
      expect(codeOf(await b.fail(BIND_SSO_ACCOUNT, { ticket: bindTicket, email: a.email, password: a.password }))).toBe('CODE_EXPIRED');
      expect(codeOf(await b.fail(COMPLETE_SSO_LOGIN, { ticket: 'no-such-ticket' }))).toBe('CODE_EXPIRED');
    });
  });

  describe('browser round trip failures', () => {
    it('a disabled or unknown provider', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `gina-${rand()}`;
      expect(await ssoLink(a.client, p, login)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      const { ticket: pending, b: pb } = await ticketFor(p, login);
      const b = browser();
      const callback = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login, stopAtCallback: true });

      await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { id: p.id, kind: 'GOOGLE', displayName: p.displayName, clientId: p.clientId, issuer: idp.google, enabled: false } });
      expect((await t.gql.ok(SSO_PROVIDERS)).ssoProviders.map((x: { id: string }) => x.id)).not.toContain(p.id);
      expect(await ssoLogin(p, login)).toBe(`${WEB}/login?error=provider_not_configured`);
      expect(await browser().run(`${PUBLIC_URL}/auth/sso/00000000-0000-4000-8000-000000000000`)).toBe(`${WEB}/login?error=provider_not_configured`);
      expect(await browser().run(`${PUBLIC_URL}/auth/sso/garbage%20id`)).toBe(`${WEB}/login?error=provider_not_configured`);
      expect(codeOf(await a.client.fail(LINK_PROVIDER, { providerId: p.id }))).toBe('PROVIDER_NOT_CONFIGURED');
      expect(codeOf(await a.client.fail(LINK_PROVIDER, { providerId: 'nope' }))).toBe('PROVIDER_NOT_CONFIGURED');
      expect(codeOf(await pb.fail(COMPLETE_SSO_LOGIN, { ticket: pending }))).toBe('PROVIDER_NOT_CONFIGURED');
      // A flow started before the provider was disabled.
      expect(await b.run(callback)).toBe(`${WEB}/login?error=provider_not_configured`);
    });

    it('tampered state, replayed callback, callback without a code, expired state', async () => {
      const p = await google();
      const login = `hank-${rand()}`;
      const b = browser();
      const callback = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login, stopAtCallback: true });
      const url = new URL(callback);
      expect(url.searchParams.get('code')).toBeTruthy();
      const tampered = new URL(callback);
      tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
      expect(await b.run(tampered.toString())).toBe(`${WEB}/login?error=invalid_state`);
      const noState = new URL(callback);
      noState.searchParams.delete('state');
      expect(await b.run(noState.toString())).toBe(`${WEB}/login?error=invalid_state`);
      // The genuine callback still works once; its replay does not.
      expect(await b.run(callback)).toMatch(`${WEB}/sso/bind?ticket=`);
      expect(await b.run(callback)).toBe(`${WEB}/login?error=invalid_state`);
      // Nothing to finish: never starts a new flow from the callback URL.
      expect(await b.run(`${PUBLIC_URL}/auth/sso/${p.id}/callback`)).toBe(`${WEB}/login?error=invalid_state`);

      const late = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login, stopAtCallback: true });
      await t.db.query('UPDATE sso_flows SET expires_at = ? WHERE state_hash = ?', [dbTime(new Date(Date.now() - 1000)), sha256(query(late).state)]);
      expect(await b.run(late)).toBe(`${WEB}/login?error=invalid_state`);

      // A state issued for another provider.
      const other = await google();
      const foreign = new URL(await b.run(`${PUBLIC_URL}/auth/sso/${other.id}`, { login, stopAtCallback: true }));
      foreign.pathname = `/auth/sso/${p.id}/callback`;
      expect(await b.run(foreign.toString())).toBe(`${WEB}/login?error=invalid_state`);
    });

    it('a replayed link callback returns to the settings page', async () => {
      const p = await google();
      const a = await createAgent(t);
      const b = browser();
      const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
      const callback = await b.run(linkProvider.authorizationUrl, { login: `ivy-${rand()}`, stopAtCallback: true });
      expect(await b.run(callback)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
      expect(await b.run(callback)).toBe(`${WEB}/settings/sso?error=invalid_state`);
    });

    it('access denied at the provider', async () => {
      const p = await google();
      const a = await createAgent(t);
      expect(await browser().run(`${PUBLIC_URL}/auth/sso/${p.id}`, { abort: true })).toBe(`${WEB}/login?error=access_denied`);
      const b = browser();
      const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
      expect(await b.run(linkProvider.authorizationUrl, { abort: true })).toBe(`${WEB}/settings/sso?error=access_denied`);
      expect(await identities(a.id)).toEqual([]);
    });

    it.each([
      ['a wrong audience', ['wrong-aud']],
      ['a wrong issuer', ['wrong-iss']],
      ['a bad signature (a key the provider does not publish)', ['bad-sig']],
      ['an iat in the future', ['future-iat']],
    ])('an ID token with %s is refused (invalid_token)', async (_name, modes) => {
      const p = await google();
      await idp.tamper(idp.google, p.clientId, modes);
      expect(await ssoLogin(p, `jack-${rand()}`)).toBe(`${WEB}/login?error=invalid_token`);
      const count = await t.db.query('SELECT COUNT(*) AS n FROM sso_tickets WHERE provider_id = ?', [p.id]);
      expect(Number(count[0].n)).toBe(0);
    });

    it('without an email in the ID token, userinfo supplies it; a broken userinfo is a provider_error', async () => {
      const p = await google();
      const a = await createAgent(t);
      const login = `kate-${rand()}`;
      await idp.tamper(idp.google, p.clientId, ['no-email']);
      const { ticket, b } = await ticketFor(p, login);
      await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password });
      expect(await identities(a.id)).toEqual([{ provider_id: p.id, subject: login, email: `${login}@gmail.test` }]);
      await idp.tamper(idp.google, p.clientId, ['no-email', 'userinfo-garbage']);
      expect(await ssoLogin(p, login)).toBe(`${WEB}/login?error=provider_error`);
      expect((await t.gql.ok(SSO_PROVIDERS)).ssoProviders.length).toBeGreaterThan(0); // still alive
    });

    it.each([['token-null'], ['id-token-number']])('a malformed token response (%s) is a provider_error, and the app survives it', async (mode) => {
      const p = await google();
      await idp.tamper(idp.google, p.clientId, [mode]);
      expect(await ssoLogin(p, `lou-${rand()}`)).toBe(`${WEB}/login?error=provider_error`);
      expect((await t.gql.ok(SSO_PROVIDERS)).ssoProviders.length).toBeGreaterThan(0);
    });

    it('a provider that is down or hangs: provider_unavailable', async () => {
      const base = { kind: 'OIDC', displayName: `Down ${rand()}`, clientId: 'c', clientSecret: 's' };
      /** Saved while its issuer is down it stays disabled; here it went down after it was enabled. */
      const enabledThoughDown = async (issuer: string) => {
        const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { ...base, issuer, enabled: false } });
        await t.db.query('UPDATE sso_providers SET enabled = 1 WHERE id = ?', [p.id]);
        return p;
      };
      const down = await enabledThoughDown('http://127.0.0.1:1');
      expect(await browser().run(`${PUBLIC_URL}/auth/sso/${down.id}`)).toBe(`${WEB}/login?error=provider_unavailable`);
      const a = await createAgent(t);
      expect(codeOf(await a.client.fail(LINK_PROVIDER, { providerId: down.id }))).toBe('SERVICE_UNAVAILABLE');
      const hung = await enabledThoughDown(`${idp.google}/hang`);
      const started = Date.now();
      expect(await browser().run(`${PUBLIC_URL}/auth/sso/${hung.id}`)).toBe(`${WEB}/login?error=provider_unavailable`);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  describe('Office 365', () => {
    it('common: tenant issuer from tid, identity keyed by tid + oid, email from preferred_username', async () => {
      const p = await office365();
      const a = await createAgent(t);
      const login = `olga-${rand()}`;
      const { ticket, b } = await ticketFor(p, login);
      await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password });
      const [identity] = await identities(a.id);
      expect(identity.subject).toMatch(new RegExp(`^${idp.tenants.a}:[0-9a-f-]{36}$`));
      expect(identity.email).toBe(`${login}@contoso.test`);
      expect(await ssoLogin(p, login)).toMatch(`${WEB}/sso/complete?ticket=`);
      // Another tenant's user through the same provider.
      const other = `otto-${rand()}`;
      await idp.account(idp.o365, { id: other, tid: idp.tenants.b });
      expect(await ssoLogin(p, other)).toMatch(`${WEB}/sso/bind?ticket=`);
    });

    it('allowedTenants refuses other tenants; a tenant-specific provider accepts only its issuer', async () => {
      const onlyB = await office365({ allowedTenants: [idp.tenants.b] });
      expect(await ssoLogin(onlyB, `pia-${rand()}`)).toBe(`${WEB}/login?error=invalid_token`);
      const inB = `quinn-${rand()}`;
      await idp.account(idp.o365, { id: inB, tid: idp.tenants.b });
      expect(await ssoLogin(onlyB, inB)).toMatch(`${WEB}/sso/bind?ticket=`);

      const tenantA = await office365({ tenant: idp.tenants.a, issuer: `${idp.o365}/${idp.tenants.a}/v2.0` });
      expect(await ssoLogin(tenantA, `rita-${rand()}`)).toMatch(`${WEB}/sso/bind?ticket=`);
      expect(await ssoLogin(tenantA, inB)).toBe(`${WEB}/login?error=invalid_token`);
    });
  });

  describe('several instances', () => {
    it('a flow started on one instance finishes on another; edits reach every instance', async () => {
      const t2 = await startTestApp({ ...env, ENCRYPTION_KEY: t.env.ENCRYPTION_KEY }, { database: t.database, smtp: t.smtp });
      try {
        const p = await google();
        const a = await createAgent(t);
        const login = `sam-${rand()}`;
        // One browser whose requests the "load balancer" sends to either instance.
        const b = browser(t.url);
        const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
        const callback = await b.run(linkProvider.authorizationUrl, { login, stopAtCallback: true });
        b.routeTo(PUBLIC_URL, t2.url);
        expect(await b.run(callback)).toBe(`${WEB}/settings/sso?linked=${p.id}`);
        expect((await identities(a.id)).length).toBe(1);

        const loginCallback = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login, stopAtCallback: true });
        b.routeTo(PUBLIC_URL, t.url);
        const { ticket } = query(await b.run(loginCallback));
        b.routeTo(PUBLIC_URL, t2.url);
        expect((await b.ok(COMPLETE_SSO_LOGIN, { ticket })).completeSsoLogin.user.id).toBe(a.id);

        // An admin edit on instance 1 is used by instance 2's next flow.
        await admin.ok(CONFIGURE_SSO_PROVIDER, { input: { id: p.id, kind: 'GOOGLE', displayName: p.displayName, clientId: p.clientId, issuer: idp.google, clientSecret: 'wrong-secret' } });
        expect(await browser(t2.url).run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login })).toBe(`${WEB}/login?error=provider_error`);
      } finally {
        await t2.close();
      }
    });
  });
});
