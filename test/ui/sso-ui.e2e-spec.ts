import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from '../support/create-app';
import { ensureWebBuild, focusedOn, launchBrowser, screenshot, signIn, UiHarness } from '../support/browser';
import { startIdp, TestIdp } from '../support/oidc';
import { CONFIRM_TOTP, ENABLE_TOTP, SECURITY_EVENTS } from '../support/operations';
import { MY_SSO_CONNECTIONS } from '../support/sso-operations';
import { totpFor } from '../support/totp';

/**
 * The SSO pages in Chromium against the loopback OpenID provider: an admin configures the
 * provider in the console, an agent links it from the settings page, another agent's first SSO
 * login binds it to the account (password, then the account's own second factor).
 *
 * The app's PUBLIC_URL (= WEB_APP_URL) is a virtual origin, http://cloudcx.test, that Chromium
 * resolves to the test server's random port (--host-resolver-rules): the redirect URI registered
 * at the provider carries it, as behind a real load balancer.
 */
const PUBLIC = 'http://cloudcx.test';

describe('SSO pages (Chromium, loopback OpenID provider)', () => {
  let t: TestApp;
  let idp: TestIdp;
  let browser: Browser;
  let ui: UiHarness;
  let providerId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    [t, idp] = await Promise.all([startTestApp({ PUBLIC_URL: PUBLIC, WEB_APP_URL: PUBLIC }), startIdp()]);
    browser = await launchBrowser([`--host-resolver-rules=MAP cloudcx.test:80 ${new URL(t.url).host}`]);
    ui = new UiHarness(browser, PUBLIC, [idp.google]);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await idp?.stop();
    await t?.close();
  });
  afterEach(() => expect(ui.takeProblems()).toEqual({ pageErrors: [], offsite: [] }));

  /** Signs in at the provider's (development) login and consent pages until the browser is back on the app. */
  async function atProvider(page: Page, login: string) {
    for (let i = 0; i < 6 && page.url().startsWith(idp.google); i++) {
      const name = page.locator('input[name="login"]');
      if (await name.count()) {
        await name.fill(login);
        await page.locator('input[name="password"]').fill('any-password');
      }
      const at = page.url();
      await page.locator('button[type="submit"]').first().click();
      await page.waitForURL((u) => u.href !== at);
    }
    await page.waitForURL((u) => u.origin === PUBLIC && !u.pathname.startsWith('/auth/'));
  }

  it('an admin configures the provider in the console and sees the redirect URI to register', async () => {
    const page = await ui.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/settings');
    await page.goto('/admin/sso');
    await focusedOn(page, 'SSO providers');
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await focusedOn(page, 'Add a provider');
    await page.getByLabel('Kind').selectOption('GOOGLE');
    await page.getByLabel('Display name').fill('Google');
    await page.getByLabel('Client ID').fill('cloudcx-ui');
    await page.getByLabel('Client secret').fill('ui-client-secret-0123456789');
    await page.getByLabel('Issuer URL').fill(idp.google);
    // Issue 15: the redirect URI to register is in the form before saving (test/ui/sso-setup-ui.e2e-spec.ts).
    const redirectUri = await page.getByLabel('Redirect URI', { exact: true }).inputValue();
    expect(redirectUri).toMatch(new RegExp(`^${PUBLIC}/auth/sso/[^/]+/callback$`));
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page.getByText('Google is saved and enabled: its sign-in button is on the login page.').waitFor();
    providerId = /\/auth\/sso\/([^/]+)\/callback$/.exec(redirectUri)![1];
    await page.getByRole('cell', { name: redirectUri }).waitFor();
    await screenshot(page, 'admin-sso-configured');
    await idp.registerClient(idp.google, { client_id: 'cloudcx-ui', client_secret: 'ui-client-secret-0123456789', redirect_uris: [redirectUri] });

    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with Google' }).waitFor();
    await screenshot(page, 'login-sso-buttons');
  });

  it('an agent links the provider from Settings > Single sign-on, then disconnects it', async () => {
    const a = await createAgent(t, { displayName: 'Lina Link' });
    await idp.account(idp.google, { id: 'lina', email: 'lina@gmail.test' });
    const page = await ui.newPage();
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await page.getByRole('button', { name: 'Connect Google' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.google));
    await atProvider(page, 'lina');
    expect(new URL(page.url()).pathname).toBe('/settings/sso');
    await page.getByText('Your Google account is connected.').waitFor();
    await focusedOn(page, 'Single sign-on');
    await page.getByText(/^lina@gmail\.test · connected /).waitFor();
    expect(new URL(page.url()).search).toBe(''); // the one-off ?linked= is dropped from the address bar
    await screenshot(page, 'settings-sso-linked');

    const { me } = await t.gql.withToken(a.token).ok(MY_SSO_CONNECTIONS);
    expect(me.security.ssoConnections).toEqual([expect.objectContaining({ provider: expect.objectContaining({ id: providerId }), email: 'lina@gmail.test' })]);

    await page.getByRole('button', { name: 'Disconnect Google' }).click();
    await page.getByText('Google is disconnected.').waitFor();
    await page.getByRole('button', { name: 'Connect Google' }).waitFor();
    const after = await t.gql.withToken(a.token).ok(MY_SSO_CONNECTIONS);
    expect(after.me.security.ssoConnections).toEqual([]);
  });

  it('a first SSO login binds the identity: password, then the account’s own second factor; the next SSO login signs in', async () => {
    const b = await createAgent(t, { displayName: 'Bo Bind' });
    const { enableTotp } = await b.client.ok(ENABLE_TOTP);
    const { confirmTotp } = await b.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    await idp.account(idp.google, { id: 'bo', email: 'bo.personal@gmail.test' });

    const page = await ui.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.google));
    await atProvider(page, 'bo');
    expect(new URL(page.url()).pathname).toBe('/sso/bind');
    expect(new URL(page.url()).search).toBe(''); // the ticket is kept out of history
    await focusedOn(page, 'Connect your account');
    // The page names the identity (provider and email) and asks to confirm it before any password.
    await page.getByText('You are about to connect the Google account bo.personal@gmail.test to a CloudCX account.').waitFor();
    expect(await page.getByText('(unverified)').count()).toBe(0);
    expect(await page.getByLabel('Password').isVisible()).toBe(false);
    await screenshot(page, 'sso-bind');
    await page.getByRole('button', { name: 'Yes, this Google account is mine' }).click();

    await page.getByLabel('Email').fill(b.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Connect and sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid email or password');
    await page.getByLabel('Password').fill(b.password);
    await page.getByRole('button', { name: 'Connect and sign in' }).click();
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Code from your authenticator app').fill(totpFor(enableTotp.secret, Date.now() + 30_000));
    await screenshot(page, 'sso-bind-2fa');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings/sso');
    await page.getByText('Single sign-on is connected.', { exact: false }).waitFor();
    await page.getByText(/^bo\.personal@gmail\.test · connected /).waitFor();

    const admin = await t.admin();
    const { securityEvents } = await admin.ok(SECURITY_EVENTS, { userId: b.id, first: 10 });
    expect(securityEvents.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual(expect.arrayContaining(['SSO_LINKED', 'SSO_LOGIN']));

    // signed out, the provider's button now signs in through /sso/complete; the provider was saved
    // with the console's default "also ask for 2FA" (API.md Part 2), so the account's factor follows
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await atProvider(page, 'bo');
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Backup code', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Backup code' }).fill(confirmTotp.backupCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.getByText(/Signed in as .*Bo Bind/).waitFor();
    await screenshot(page, 'sso-complete-signed-in');

    // a used ticket is refused with a sentence, not a stack trace
    await page.goto('/sso/complete?ticket=used-or-made-up');
    await focusedOn(page, 'Single sign-on did not complete');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/expired or was already used/);
  });

  it('the bind page flags an unverified email; the same link in another browser is a dead end with a way back to sign in', async () => {
    await idp.account(idp.google, { id: 'uma', email: 'uma.claims@example.com', emailVerified: false });
    const page = await ui.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.google));
    // Keep the bind link as an attacker would have it, before the page drops it from the address bar.
    let bindUrl = '';
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url().includes('/sso/bind?ticket=')) bindUrl = f.url();
    });
    await atProvider(page, 'uma');
    await focusedOn(page, 'Connect your account');
    await page.getByText(/the Google account uma\.claims@example\.com \(unverified\) to a CloudCX account/).waitFor();
    await page.getByText('Google has not verified that this email address belongs to whoever holds this Google account.').waitFor();
    expect(await page.getByLabel('Password').isVisible()).toBe(false);
    await screenshot(page, 'sso-bind-unverified');
    expect(bindUrl).toMatch(/\/sso\/bind\?ticket=/);

    // Another browser (a victim the link was sent to) holds no flow cookie: nothing to connect.
    const victim = await ui.newPage();
    await victim.goto(bindUrl);
    await focusedOn(victim, 'Single sign-on did not complete');
    await expect(victim.getByRole('alert').textContent()).resolves.toMatch(/started in another browser/);
    expect(await victim.getByLabel('Password').count()).toBe(0);
    await victim.getByRole('link', { name: 'Back to sign in' }).click();
    await victim.waitForURL('**/login');
  });
});
