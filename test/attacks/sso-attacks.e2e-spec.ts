import { createHash, randomBytes } from 'node:crypto';
import { createAgent, startTestApp, TestApp } from '../support/create-app';
import { codeOf, GqlClient } from '../support/gql';
import { Browser, startIdp, TestIdp } from '../support/oidc';
import { BACKUP_CODES, CHANGE_PASSWORD, CONFIRM_TOTP, ENABLE_TOTP, REAUTH, VERIFY_CODE } from '../support/operations';
import {
  BIND_SSO_ACCOUNT,
  COMPLETE_SSO_LOGIN,
  CONFIGURE_SSO_PROVIDER,
  LINK_PROVIDER,
  MY_SSO_CONNECTIONS_VERIFIED,
  SSO_TICKET,
} from '../support/sso-operations';
import { totpFor } from '../support/totp';

/**
 * Issue 10, point 2: SSO flows and tickets belong to the browser that started them. Each attack
 * is played with separate cookie jars (attacker, victim, a clean browser) against the real
 * OpenID provider of test/support, and each must end in `invalid_state` / `CODE_EXPIRED` with
 * nothing linked, issued or used up. Then the re-authentication rules for SSO sessions.
 */
const PUBLIC_URL = 'http://sso-app.test';
const HOST = 'sso-app.test';
const WEB = 'http://web.test';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const rand = () => randomBytes(4).toString('hex');

type Provider = { id: string; clientId: string; displayName: string };

describe('SSO attacks (issue 10 point 2): flows and tickets bound to the browser', () => {
  let idp: TestIdp;
  let t: TestApp;
  let admin: GqlClient;
  const env = { PUBLIC_URL, WEB_APP_URL: WEB, SSO_HTTP_TIMEOUT_MS: '1500' };

  beforeAll(async () => {
    [idp, t] = await Promise.all([startIdp(), startTestApp(env)]);
    admin = await t.admin();
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    for (const k of Object.keys(env)) delete process.env[k];
  });

  const browser = (appUrl = t.url) => new Browser({ webAppUrl: WEB, app: PUBLIC_URL, hosts: { [PUBLIC_URL]: appUrl } });
  const query = (url: string) => Object.fromEntries(new URL(url).searchParams);
  const loginUrl = (p: Provider) => `${PUBLIC_URL}/auth/sso/${p.id}`;

  async function google(extra: Record<string, unknown> = {}): Promise<Provider> {
    const clientId = `client-${rand()}`;
    const clientSecret = `secret-${rand()}-${rand()}`;
    const input = { kind: 'GOOGLE', displayName: `Google ${rand()}`, issuer: idp.google, clientId, clientSecret, ...extra };
    const { configureSsoProvider: p } = await (await t.admin()).ok(CONFIGURE_SSO_PROVIDER, { input });
    await idp.registerClient(idp.google, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });
    return { id: p.id, clientId, displayName: p.displayName };
  }
  async function link(token: string, p: Provider, login: string, b = browser()) {
    const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, token);
    expect(await b.run(linkProvider.authorizationUrl, { login })).toBe(`${WEB}/settings/sso?linked=${p.id}`);
  }
  const identitiesOf = async (userId: string) =>
    (await t.db.query('SELECT provider_id, subject FROM sso_identities WHERE user_id = ?', [userId])) as Array<{ provider_id: string; subject: string }>;
  const identitiesWithSubject = async (subject: string) => (await t.db.query('SELECT user_id FROM sso_identities WHERE subject = ?', [subject])) as unknown[];
  const ticketRow = async (ticket: string) =>
    ((await t.db.query('SELECT attempts, consumed_at FROM sso_tickets WHERE ticket_hash = ?', [sha256(ticket)])) as Array<{ attempts: number; consumed_at: unknown }>)[0];
  const liveSessions = async (userId: string) =>
    Number((await t.db.query('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL', [userId]))[0].n);
  const eventTypes = async (userId: string) =>
    ((await t.db.query('SELECT type FROM security_events WHERE user_id = ?', [userId])) as Array<{ type: string }>).map((e) => e.type);

  describe('the flow cookie', () => {
    it('GET /auth/sso/:id sets an HttpOnly, SameSite=Lax cookie whose hash the flow row keeps; a second flow reuses it', async () => {
      const p = await google();
      const b = browser();
      const first = await b.run(loginUrl(p), { login: `tab1-${rand()}`, stopAtCallback: true });
      const header = b.setCookies.find((c) => c.startsWith('sso_flow='));
      expect(header).toBeDefined();
      expect(header).toMatch(/; HttpOnly/i);
      expect(header).toMatch(/; SameSite=Lax/i);
      expect(header).toMatch(/; Path=\//i);
      expect(header).not.toMatch(/; Secure/i); // PUBLIC_URL is plain http here
      const value = b.cookie(HOST, 'sso_flow')!;
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await t.db.query('SELECT browser_hash FROM sso_flows WHERE state_hash = ?', [sha256(query(first).state)]);
      expect(row.browser_hash).toBe(sha256(value));
      expect(JSON.stringify(await t.db.query('SELECT * FROM sso_flows'))).not.toContain(value);

      // Two tabs, two providers, one browser: one value, and both flows finish.
      const q = await google();
      const second = await b.run(loginUrl(q), { login: `tab2-${rand()}`, stopAtCallback: true });
      expect(b.cookie(HOST, 'sso_flow')).toBe(value);
      const landedSecond = await b.run(second);
      const landedFirst = await b.run(first);
      expect(landedSecond).toMatch(`${WEB}/sso/bind?ticket=`);
      expect(landedFirst).toMatch(`${WEB}/sso/bind?ticket=`);
      expect((await b.ok(SSO_TICKET, { ticket: query(landedFirst).ticket })).ssoTicket.provider.id).toBe(p.id);
      expect((await b.ok(SSO_TICKET, { ticket: query(landedSecond).ticket })).ssoTicket.provider.id).toBe(q.id);
      // The ticket row keeps the hash too, never the value.
      const [ticket] = await t.db.query('SELECT browser_hash FROM sso_tickets WHERE ticket_hash = ?', [sha256(query(landedFirst).ticket)]);
      expect(ticket.browser_hash).toBe(sha256(value));
    });

    it('with an https PUBLIC_URL the cookie is __Host-sso_flow: Secure, Path=/, no Domain', async () => {
      const p = await google();
      const secure = 'https://sso-app.test';
      const t2 = await startTestApp({ ...env, PUBLIC_URL: secure, WEB_APP_URL: WEB, ENCRYPTION_KEY: t.env.ENCRYPTION_KEY }, { database: t.database, smtp: t.smtp });
      try {
        const b = new Browser({ webAppUrl: WEB, app: secure, hosts: { [secure]: t2.url } });
        const res = await b.fetch(`${secure}/auth/sso/${p.id}`);
        expect(res.status).toBe(302);
        const header = b.setCookies.find((c) => c.startsWith('__Host-sso_flow='));
        expect(header).toBeDefined();
        expect(header).toMatch(/; Secure/i);
        expect(header).toMatch(/; HttpOnly/i);
        expect(header).toMatch(/; SameSite=Lax/i);
        expect(header).toMatch(/; Path=\/(;|$)/i);
        expect(header).not.toMatch(/; Domain=/i);
        expect(b.setCookies.some((c) => c.startsWith('sso_flow='))).toBe(false);
      } finally {
        await t2.close();
      }
      delete process.env.PUBLIC_URL;
      Object.assign(process.env, env);
    });
  });

  it('(a) an attacker’s callback or bind link opened by the victim: invalid_state / CODE_EXPIRED, nothing linked, the ticket not used up', async () => {
    const p = await google({ requireTwoFactor: false });
    const victim = await createAgent(t);
    const attacker = browser();
    const victimBrowser = browser();
    // The victim's browser has a flow cookie of its own (it used SSO before): a different value.
    expect(await victimBrowser.run(loginUrl(p), { abort: true })).toBe(`${WEB}/login?error=access_denied`);
    expect(victimBrowser.cookie(HOST, 'sso_flow')).toBeDefined();

    // The attacker signs in at the provider as themself, claiming the victim's address (unverified).
    const mallory = `mallory-${rand()}`;
    await idp.account(idp.google, { id: mallory, email: victim.email, emailVerified: false });
    const callback = await attacker.run(loginUrl(p), { login: mallory, stopAtCallback: true });

    // ... and sends the callback link. Neither the victim's browser nor a clean one gets a ticket.
    expect(await victimBrowser.run(callback)).toBe(`${WEB}/login?error=invalid_state`);
    expect(await browser().run(callback)).toBe(`${WEB}/login?error=invalid_state`);
    expect(await t.db.query('SELECT id FROM sso_tickets WHERE subject = ?', [mallory])).toEqual([]);

    // Or finishes the callback and sends the /sso/bind?ticket= link.
    const landed = await attacker.run(callback);
    expect(landed).toMatch(`${WEB}/sso/bind?ticket=`);
    const { ticket } = query(landed);
    expect(codeOf(await victimBrowser.fail(SSO_TICKET, { ticket }))).toBe('CODE_EXPIRED');
    // The victim types the right password (more often than the limit): never counted, never linked.
    for (let i = 0; i < 6; i++) {
      expect(codeOf(await victimBrowser.fail(BIND_SSO_ACCOUNT, { ticket, email: victim.email, password: victim.password }))).toBe('CODE_EXPIRED');
    }
    expect(codeOf(await browser().fail(BIND_SSO_ACCOUNT, { ticket, email: victim.email, password: victim.password }))).toBe('CODE_EXPIRED');
    expect(await identitiesOf(victim.id)).toEqual([]);
    expect(await identitiesWithSubject(mallory)).toEqual([]);
    const { me } = await victim.client.ok(MY_SSO_CONNECTIONS_VERIFIED);
    expect(me.security.ssoConnections).toEqual([]);
    expect(await liveSessions(victim.id)).toBe(1); // the one createAgent opened
    expect(await eventTypes(victim.id)).not.toEqual(expect.arrayContaining(['SSO_LINKED']));
    expect(await eventTypes(victim.id)).not.toEqual(expect.arrayContaining(['SSO_LOGIN']));
    // A wrong browser neither used the ticket up nor took one of its 5 tries.
    expect(await ticketRow(ticket)).toMatchObject({ attempts: 0, consumed_at: null });

    // In the attacker's own browser the ticket is intact: it names the provider and the
    // (unverified) address the attacker claimed.
    expect((await attacker.ok(SSO_TICKET, { ticket })).ssoTicket).toEqual({
      provider: { id: p.id, kind: 'GOOGLE', displayName: p.displayName },
      email: victim.email,
      emailVerified: false,
    });
  });

  it('(b) linkProvider’s URL followed by the victim (signed in at the provider): invalid_state, nothing linked to the sender', async () => {
    const p = await google();
    const sender = await createAgent(t);
    const senderBrowser = browser();
    const { linkProvider } = await senderBrowser.ok(LINK_PROVIDER, { providerId: p.id }, sender.token);
    expect(senderBrowser.cookie(HOST, 'sso_flow')).toBeDefined();

    // The victim is signed in at the provider (a sign-in of their own went through it earlier).
    const victimLogin = `victim-${rand()}`;
    const victimBrowser = browser();
    expect(await victimBrowser.run(loginUrl(p), { login: victimLogin })).toMatch(`${WEB}/sso/bind?ticket=`);

    expect(await victimBrowser.run(linkProvider.authorizationUrl, { login: victimLogin })).toBe(`${WEB}/settings/sso?error=invalid_state`);
    expect(await browser().run(linkProvider.authorizationUrl, { login: `other-${rand()}` })).toBe(`${WEB}/settings/sso?error=invalid_state`);
    expect(await identitiesOf(sender.id)).toEqual([]);
    expect(await identitiesWithSubject(victimLogin)).toEqual([]);
    expect(await eventTypes(sender.id)).not.toEqual(expect.arrayContaining(['SSO_LINKED']));
  });

  it('(c) a clean browser following an attacker’s login callback: invalid_state, no session; the ticket from another jar is CODE_EXPIRED', async () => {
    const p = await google({ requireTwoFactor: false });
    const attackerAccount = await createAgent(t);
    const login = `eve-${rand()}`;
    await link(attackerAccount.token, p, login);
    const sessionsBefore = await liveSessions(attackerAccount.id);

    const attacker = browser();
    const callback = await attacker.run(loginUrl(p), { login, stopAtCallback: true });
    const clean = browser();
    expect(await clean.run(callback)).toBe(`${WEB}/login?error=invalid_state`);
    expect(clean.cookieNames(HOST)).toEqual([]); // no session cookie, no flow cookie
    expect(await liveSessions(attackerAccount.id)).toBe(sessionsBefore);

    // The ticket of the attacker's own round trip, used from other jars.
    const { ticket } = query(await attacker.run(callback));
    expect(codeOf(await clean.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');
    expect(codeOf(await clean.fail(SSO_TICKET, { ticket }))).toBe('CODE_EXPIRED');
    expect(codeOf(await t.gql.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED'); // no cookie at all
    const victim = browser();
    await victim.run(loginUrl(p), { abort: true }); // holds a flow cookie, not the attacker's
    expect(codeOf(await victim.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');
    expect(await liveSessions(attackerAccount.id)).toBe(sessionsBefore);
    expect(clean.cookieNames(HOST)).toEqual([]);
    expect(await ticketRow(ticket)).toMatchObject({ consumed_at: null });

    // Still the attacker's own: their browser can use it (the refusals above were the binding).
    const { completeSsoLogin } = await attacker.ok(COMPLETE_SSO_LOGIN, { ticket });
    expect(completeSsoLogin).toMatchObject({ __typename: 'AuthSession', user: { id: attackerAccount.id } });
  });

  describe('SSO sessions and second factors', () => {
    async function withTotp(client: GqlClient): Promise<string> {
      const { enableTotp } = await client.ok(ENABLE_TOTP);
      await client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
      return enableTotp.secret;
    }

    it('an SSO-only session (provider without requireTwoFactor) is refused backupCodes until it re-authenticates with a factor', async () => {
      const p = await google({ requireTwoFactor: false });
      const a = await createAgent(t);
      const secret = await withTotp(a.client);
      const login = `sso-only-${rand()}`;
      await link(a.token, p, login);

      const b = browser();
      const { ticket } = query(await b.run(loginUrl(p), { login }));
      const { completeSsoLogin } = await b.ok(COMPLETE_SSO_LOGIN, { ticket });
      expect(completeSsoLogin.__typename).toBe('AuthSession');
      const session = t.gql.withToken(completeSsoLogin.token);
      expect(codeOf(await session.fail(BACKUP_CODES))).toBe('REAUTH_REQUIRED');
      expect(codeOf(await session.fail(BACKUP_CODES))).toBe('REAUTH_REQUIRED');
      await session.ok(REAUTH, { method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
      expect((await session.ok(BACKUP_CODES)).backupCodes).toHaveLength(10);
    });

    it('an ADMIN with 2FA always gets a TwoFactorChallenge on SSO login, even when the provider does not require it', async () => {
      const p = await google({ requireTwoFactor: false });
      const a = await createAgent(t, { role: 'ADMIN' });
      const secret = await withTotp(a.client);
      const login = `admin-sso-${rand()}`;
      await link(a.token, p, login);

      const b = browser();
      const { ticket } = query(await b.run(loginUrl(p), { login }));
      const { completeSsoLogin } = await b.ok(COMPLETE_SSO_LOGIN, { ticket });
      expect(completeSsoLogin).toMatchObject({ __typename: 'TwoFactorChallenge' });
      expect(completeSsoLogin.methods).toContain('TOTP');
      const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: completeSsoLogin.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
      expect(verifyCode.user.id).toBe(a.id);
    });

    it('a password change voids a pending SSO login ticket', async () => {
      const p = await google({ requireTwoFactor: false });
      const a = await createAgent(t);
      const login = `pw-change-${rand()}`;
      await link(a.token, p, login);
      const b = browser();
      const { ticket } = query(await b.run(loginUrl(p), { login }));
      await a.client.ok(CHANGE_PASSWORD, { currentPassword: a.password, newPassword: 'A-brand-new-Password-2026!' });
      expect(codeOf(await b.fail(COMPLETE_SSO_LOGIN, { ticket }))).toBe('CODE_EXPIRED');
      expect((await ticketRow(ticket)).consumed_at).not.toBeNull();
    });

    it('a password change also voids a bind waiting for its second factor: the identity is not linked', async () => {
      const p = await google();
      const a = await createAgent(t);
      const secret = await withTotp(a.client);
      const login = `bind-pending-${rand()}`;
      const b = browser();
      const { ticket } = query(await b.run(loginUrl(p), { login }));
      const { bindSsoAccount } = await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password });
      expect(bindSsoAccount.__typename).toBe('TwoFactorChallenge');
      await a.client.ok(CHANGE_PASSWORD, { currentPassword: a.password, newPassword: 'Another-new-Password-2026!' });
      const late = await t.gql.fail(VERIFY_CODE, { challengeToken: bindSsoAccount.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
      expect(codeOf(late)).toBe('CODE_EXPIRED');
      expect(await identitiesOf(a.id)).toEqual([]);
    });
  });

  describe('ssoTicket and emailVerified', () => {
    it('names the provider, the email and whether it is verified, in the browser that ran the flow only', async () => {
      const p = await google();
      const a = await createAgent(t);
      const verified = `vera-${rand()}`;
      const b = browser();
      const { ticket } = query(await b.run(loginUrl(p), { login: verified }));
      expect((await b.ok(SSO_TICKET, { ticket })).ssoTicket).toEqual({
        provider: { id: p.id, kind: 'GOOGLE', displayName: p.displayName },
        email: `${verified}@gmail.test`,
        emailVerified: true,
      });
      // Read-only: asking twice changes nothing, and the ticket still binds.
      await b.ok(SSO_TICKET, { ticket });
      expect(await ticketRow(ticket)).toMatchObject({ attempts: 0, consumed_at: null });
      expect(codeOf(await browser().fail(SSO_TICKET, { ticket }))).toBe('CODE_EXPIRED');
      expect((await b.ok(BIND_SSO_ACCOUNT, { ticket, email: a.email, password: a.password })).bindSsoAccount.__typename).toBe('AuthSession');
      expect(codeOf(await b.fail(SSO_TICKET, { ticket }))).toBe('CODE_EXPIRED'); // used up by the bind

      const unverified = `una-${rand()}`;
      await idp.account(idp.google, { id: unverified, email: `una-${rand()}@example.com`, emailVerified: false });
      const b2 = browser();
      const second = query(await b2.run(loginUrl(p), { login: unverified })).ticket;
      expect((await b2.ok(SSO_TICKET, { ticket: second })).ssoTicket.emailVerified).toBe(false);
      const other = await createAgent(t);
      await b2.ok(BIND_SSO_ACCOUNT, { ticket: second, email: other.email, password: other.password });

      const mine = async (client: GqlClient) => (await client.ok(MY_SSO_CONNECTIONS_VERIFIED)).me.security.ssoConnections;
      expect(await mine(a.client)).toEqual([{ provider: { id: p.id }, email: `${verified}@gmail.test`, emailVerified: true }]);
      expect(await mine(other.client)).toEqual([{ provider: { id: p.id }, email: expect.stringMatching(/^una-/), emailVerified: false }]);
      // The link mail says the address is not verified.
      const mail = await t.smtp.waitFor(other.email, (m) => /linked/i.test(m.subject));
      expect(mail.text).toMatch(/not verified/);
    });

    it('Office 365: a UPN from the tenant is verified; a free-form email claim is not', async () => {
      const clientId = `o365-${rand()}`;
      const clientSecret = `secret-${rand()}`;
      const input = { kind: 'OFFICE365', displayName: `O365 ${rand()}`, tenant: 'common', issuer: `${idp.o365}/common/v2.0`, clientId, clientSecret };
      const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, { input });
      await idp.registerClient(idp.o365, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });
      const b = browser();
      const upn = `olaf-${rand()}`;
      const first = query(await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login: upn })).ticket;
      expect((await b.ok(SSO_TICKET, { ticket: first })).ssoTicket).toMatchObject({ email: `${upn}@contoso.test`, emailVerified: true });
      const claimed = `oscar-${rand()}`;
      await idp.account(idp.o365, { id: claimed, email: 'someone@victim.test' });
      const b2 = browser();
      const second = query(await b2.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login: claimed })).ticket;
      expect((await b2.ok(SSO_TICKET, { ticket: second })).ssoTicket).toMatchObject({ email: 'someone@victim.test', emailVerified: false });
    });
  });
});
