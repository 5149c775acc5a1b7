import { randomBytes, randomUUID } from 'node:crypto';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { DEVICE_LOGIN, MY_TRUSTED_DEVICES, VERIFY_REMEMBER } from './support/device-operations';
import { Browser, startIdp, TestIdp } from './support/oidc';
import { CONFIRM_TOTP, ENABLE_TOTP, LOGIN, MY_EVENTS } from './support/operations';
import { MY_SESSIONS } from './support/session-operations';
import { CONFIGURE_SSO_PROVIDER, LINK_PROVIDER, UNLINK_PROVIDER } from './support/sso-operations';
import { totpFor } from './support/totp';

/**
 * Issue 15, User Setting: what the activity, sessions and trusted-browser lists say. A client
 * address reported as IPv4-mapped IPv6 (`::ffff:203.0.113.5`, a dual-stack socket or a proxy) is
 * stored and shown as the IPv4 address; rows written before that are shown plain too. Events
 * about SSO name the provider, never its id, new and old ones alike.
 */
const PUBLIC_URL = 'http://settings-ux.test';
const WEB = 'http://web-settings-ux.test';
const MAPPED = '::ffff:203.0.113.5';
const PLAIN = '203.0.113.5';
const from = { 'x-forwarded-for': MAPPED }; // the test client is on loopback, a trusted proxy by default

describe('User Setting lists: plain IPv4 addresses, providers by name', () => {
  let t: TestApp;
  let idp: TestIdp;
  const env = { PUBLIC_URL, WEB_APP_URL: WEB };

  beforeAll(async () => {
    [t, idp] = await Promise.all([startTestApp(env), startIdp()]);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
    for (const k of Object.keys(env)) delete process.env[k];
  });

  const rows = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)) as Array<Record<string, unknown>>;

  it('a sign-in from ::ffff:203.0.113.5 stores and shows 203.0.113.5 (session, event, trusted browser)', async () => {
    const a = await createAgent(t);
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });

    const login = await t.gql.request(DEVICE_LOGIN, { email: a.email, password: a.password }, from);
    expect(login.errors).toBeUndefined();
    const verify = await t.gql.request(
      VERIFY_REMEMBER,
      { challengeToken: login.data!.login.challengeToken, method: 'TOTP', code: totpFor(enableTotp.secret, Date.now() + 30_000), rememberDevice: true },
      from,
    );
    expect(verify.errors).toBeUndefined();
    const me = t.gql.withToken(verify.data!.verifyCode.token);

    const { mySessions } = await me.ok(MY_SESSIONS);
    expect(mySessions.find((s) => s.current)?.ip).toBe(PLAIN);
    const { myTrustedDevices } = await me.ok(MY_TRUSTED_DEVICES);
    expect(myTrustedDevices.map((d) => d.ip)).toEqual([PLAIN]);
    const { mySecurityEvents } = await me.ok(MY_EVENTS, { first: 50 });
    const login2fa = mySecurityEvents.edges.map((e) => e.node).filter((n) => n.ip && n.ip !== '127.0.0.1'); // not the setup's, nor the admin's USER_CREATED
    expect(login2fa.length).toBeGreaterThan(0);
    for (const n of login2fa) expect(n.ip).toBe(PLAIN);

    // Stored plain, not only shown plain.
    expect(await rows('SELECT DISTINCT ip FROM sessions WHERE user_id = ? AND ip <> ?', [a.id, '127.0.0.1'])).toEqual([{ ip: PLAIN }]);
    expect(await rows('SELECT DISTINCT ip FROM trusted_devices WHERE user_id = ?', [a.id])).toEqual([{ ip: PLAIN }]);
    expect(await rows('SELECT DISTINCT ip FROM security_events WHERE user_id = ? AND ip <> ?', [a.id, '127.0.0.1'])).toEqual([{ ip: PLAIN }]);
  });

  it('rows written as ::ffff:… before are shown plain, and the same browser is not "new" because of the spelling', async () => {
    const a = await createAgent(t);
    await t.db.query('UPDATE sessions SET ip = ? WHERE user_id = ?', ['::ffff:198.51.100.8', a.id]);
    await t.db.query('INSERT INTO security_events (id, user_id, type, actor_id, ip, user_agent, detail, created_at) VALUES (?, ?, ?, NULL, ?, ?, NULL, ?)', [
      randomUUID(), a.id, 'LOGIN', MAPPED, 'Old Browser/1.0', dbTime(new Date(Date.now() - 60_000)),
    ]);
    const { mySessions } = await a.client.ok(MY_SESSIONS);
    expect(mySessions.map((s) => s.ip)).toEqual(['198.51.100.8']);
    const { mySecurityEvents } = await a.client.ok(MY_EVENTS, { first: 50 });
    expect(mySecurityEvents.edges.map((e) => e.node.ip)).not.toContain(MAPPED);
    expect(mySecurityEvents.edges.map((e) => e.node.ip)).toContain(PLAIN);

    // A sign-in from that address and browser (the old row spelled it ::ffff:) is a known one.
    const r = await t.gql.request(LOGIN, { email: a.email, password: a.password }, { ...from, 'user-agent': 'Old Browser/1.0' });
    expect(r.errors).toBeUndefined();
    expect(await rows("SELECT id FROM security_events WHERE user_id = ? AND type = 'NEW_DEVICE_LOGIN' AND ip = ?", [a.id, PLAIN])).toEqual([]);
    expect(await rows("SELECT id FROM security_events WHERE user_id = ? AND type = 'LOGIN' AND ip = ?", [a.id, PLAIN])).toHaveLength(1);
  });

  it('SSO events name the provider, not its id: a link and an unlink now, and an event stored with the id before', async () => {
    const admin = await t.admin();
    const clientId = `client-${randomBytes(4).toString('hex')}`;
    const clientSecret = `secret-${randomBytes(8).toString('hex')}`;
    const displayName = `Google ${randomBytes(3).toString('hex')}`;
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, {
      input: { kind: 'GOOGLE', displayName, issuer: idp.google, clientId, clientSecret, requireTwoFactor: false },
    });
    await idp.registerClient(idp.google, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });

    const a = await createAgent(t);
    const b = new Browser({ webAppUrl: WEB, app: PUBLIC_URL, hosts: { [PUBLIC_URL]: t.url } });
    const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: p.id }, a.token);
    expect(await b.run(linkProvider.authorizationUrl, { login: `ux-${randomBytes(3).toString('hex')}` })).toBe(`${WEB}/settings/sso?linked=${p.id}`);
    await a.client.ok(UNLINK_PROVIDER, { providerId: p.id });
    // An event of before this change, as the trail held it.
    await t.db.query('INSERT INTO security_events (id, user_id, type, actor_id, ip, user_agent, detail, created_at) VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?)', [
      randomUUID(), a.id, 'SSO_LOGIN', `${displayName} (${p.id})`, dbTime(new Date(Date.now() - 60_000)),
    ]);

    const { mySecurityEvents } = await a.client.ok(MY_EVENTS, { first: 50 });
    const sso = mySecurityEvents.edges.map((e) => e.node).filter((n) => n.type.startsWith('SSO_'));
    expect(sso.map((n) => [n.type, n.detail])).toEqual([
      ['SSO_UNLINKED', displayName],
      ['SSO_LINKED', displayName],
      ['SSO_LOGIN', displayName],
    ]);
    // The admin console reads them the same way.
    const { securityEvents } = await admin.ok(`query($userId: ID) { securityEvents(userId: $userId, first: 50) { edges { node { type detail } } } }`, { userId: a.id });
    for (const { node } of securityEvents.edges as Array<{ node: { detail: string | null } }>) expect(node.detail ?? '').not.toContain(p.id);
  });
});
