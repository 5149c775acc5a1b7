import type { Browser as Chromium, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, localhostEnv, startTestApp, TestApp } from '../support/create-app';
import { ensureWebBuild, focusedOn, launchBrowser, screenshot, signInByApi, UiHarness, VIEWPORTS } from '../support/browser';
import { Browser, startIdp, TestIdp } from '../support/oidc';
import { LINK_PROVIDER, SSO_PROVIDERS } from '../support/sso-operations';

/**
 * Issue 15, SSO provider setup in the admin console, in Chromium against the loopback OpenID
 * provider: the redirect URI shown (and copied) before saving, the discovery check on save (an
 * unreachable issuer is saved disabled with the reason, never enabled), "Test sign-in" as a real
 * round trip in a new tab, and Remove as a dialog in view that says how many accounts are linked,
 * reachable on a phone (stacked cards). Served from http://localhost (a secure origin: the
 * clipboard API works there).
 */
describe('SSO provider setup (Chromium, loopback OpenID provider)', () => {
  let t: TestApp;
  let idp: TestIdp;
  let chromium: Chromium;
  let ui: UiHarness;
  let origin: string;

  beforeAll(async () => {
    await ensureWebBuild();
    const env = await localhostEnv();
    origin = env.WEB_APP_URL;
    [t, idp, chromium] = await Promise.all([startTestApp(env), startIdp(), launchBrowser()]);
    ui = new UiHarness(chromium, origin, [idp.google]);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await chromium?.close();
    await idp?.stop();
    await t?.close();
  });
  afterEach(() => expect(ui.takeProblems()).toEqual({ pageErrors: [], offsite: [] }));

  async function adminPage(size: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
    const page = await ui.newPage({ ...VIEWPORTS[size], permissions: ['clipboard-read', 'clipboard-write'] });
    page.setDefaultTimeout(15_000);
    await signInByApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/sso');
    await focusedOn(page, 'SSO providers');
    return page;
  }

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
    await page.waitForURL((u) => u.origin === origin && !u.pathname.startsWith('/auth/'));
  }

  const activeText = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.textContent ?? '').trim());
  /**
   * The focused element's text once it matches `want`, or whatever it is after 5 s. A page may show
   * its message before it moves focus (e.g. after reloading the list), so focus is waited for.
   */
  const focusedText = async (page: Page, want: string): Promise<string> => {
    await page
      .waitForFunction((w) => ((globalThis as any).document.activeElement?.textContent ?? '').trim().includes(w), want, { timeout: 5000 })
      .catch(() => undefined);
    return activeText(page);
  };

  /** Fills the open form as a Google provider at the loopback IdP. */
  async function fillGoogle(page: Page, name: string, clientId: string) {
    await page.getByLabel('Kind').selectOption('GOOGLE');
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Client ID').fill(clientId);
    await page.getByLabel('Client secret').fill(`${clientId}-secret-0123456789`);
    await page.getByLabel('Issuer URL').fill(idp.google);
  }

  let google: { id: string; name: string };

  it('the redirect URI is shown before saving, with Copy, and is the one the saved provider uses; busy while saving', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await focusedOn(page, 'Add a provider');
    const uriField = page.getByLabel('Redirect URI', { exact: true });
    const shown = await uriField.inputValue();
    expect(shown).toMatch(new RegExp(`^${origin}/auth/sso/[0-9a-f-]{36}/callback$`)); // was: "shown after saving"
    await page.getByRole('button', { name: 'Copy the redirect URI' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(shown);

    // Registered at the provider before the provider is saved here, as an admin would.
    await idp.registerClient(idp.google, { client_id: 'setup-ui', client_secret: 'setup-ui-secret-0123456789', redirect_uris: [shown] });
    await fillGoogle(page, 'Google', 'setup-ui');
    await screenshot(page, 'admin-sso-form-desktop');

    // Busy: the save (with its discovery check) is held; the button says so and the form is disabled.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('ConfigureSsoProvider')) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Save provider' }).click();
    const saving = page.getByRole('button', { name: 'Saving…' });
    await saving.waitFor();
    expect(await saving.isDisabled()).toBe(true);
    expect(await page.locator('form[aria-busy="true"]').count()).toBe(1);
    expect(await saving.evaluate((b) => (globalThis as any).getComputedStyle(b, '::after').content)).not.toBe('none');
    release();

    await page.getByText('Google is saved and enabled: its sign-in button is on the login page.').waitFor();
    expect(await focusedText(page, 'Google is saved and enabled: its sign-in button is on the login page.')).toBe('Google is saved and enabled: its sign-in button is on the login page.');
    await page.getByRole('cell', { name: shown }).waitFor();
    google = { id: /\/auth\/sso\/([^/]+)\/callback$/.exec(shown)![1], name: 'Google' };
    const { ssoProviders } = await t.gql.ok(SSO_PROVIDERS);
    expect(ssoProviders.map((p: { id: string }) => p.id)).toContain(google.id);
  });

  it('an issuer that cannot be reached is saved disabled, with the reason on the issuer field; never enabled', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await page.getByLabel('Kind').selectOption('OIDC');
    expect(await page.getByLabel('Tenant (Office 365)').isVisible()).toBe(false); // `hidden` lost to `.field { display: flex }`
    await page.getByLabel('Display name').fill('Keycloak down');
    await page.getByLabel('Client ID').fill('down');
    await page.getByLabel('Client secret').fill('down-secret');
    await page.getByLabel('Issuer URL').fill('http://127.0.0.1:1/realms/x');
    await page.getByRole('button', { name: 'Save provider' }).click();
    const reason = 'http://127.0.0.1:1/realms/x/.well-known/openid-configuration could not be reached: the connection was refused.';
    const alert = page.getByRole('alert').filter({ hasText: 'is saved but not enabled' });
    await alert.waitFor();
    expect((await alert.textContent())!.trim()).toBe(`Keycloak down is saved but not enabled: its issuer did not pass the check. ${reason} Correct the issuer URL and save again, or try Test sign-in.`);
    expect(await focusedText(page, 'is saved but not enabled')).toContain('is saved but not enabled');
    // The form now edits the saved provider; the reason is tied to the issuer field.
    await page.getByRole('heading', { name: 'Edit Keycloak down' }).waitFor();
    const issuer = page.getByLabel('Issuer URL');
    expect(await issuer.getAttribute('aria-invalid')).toBe('true');
    const described = await issuer.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id: string) => (globalThis as any).document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain(`Not enabled: ${reason}`);
    // The list says it too, and the login page does not offer it.
    const row = page.getByRole('row').filter({ hasText: 'Keycloak down' });
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByText(`Not enabled: ${reason}`).waitFor();
    await screenshot(page, 'admin-sso-discovery-problem-desktop');
    const { ssoProviders } = await t.gql.ok(SSO_PROVIDERS);
    expect(ssoProviders.map((p: { displayName: string }) => p.displayName)).not.toContain('Keycloak down');
  });

  it('Test sign-in runs a real round trip in a new tab and shows what the provider sent; nothing is linked', async () => {
    await idp.account(idp.google, { id: 'tess', email: 'tess@gmail.test' });
    const page = await adminPage();
    await page.getByRole('button', { name: `Test sign-in with ${google.name}` }).click();
    const go = page.getByRole('link', { name: `Continue to ${google.name} in a new tab` });
    await go.waitFor();
    expect(await focusedText(page, `Continue to ${google.name} in a new tab`)).toBe(`Continue to ${google.name} in a new tab`);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), go.click()]);
    await tab.waitForURL((u) => u.href.startsWith(idp.google));
    await atProvider(tab, 'tess');
    expect(new URL(tab.url()).pathname).toBe('/admin/sso/test');
    await tab.getByRole('heading', { name: `Test sign-in with ${google.name} worked` }).waitFor();
    await tab.getByText('tess@gmail.test').waitFor();
    await tab.getByText('Nobody was signed in here and nothing was linked.', { exact: false }).waitFor();
    await screenshot(tab, 'admin-sso-test-result-desktop');
    expect(await t.db.query('SELECT id FROM sso_identities WHERE provider_id = ?', [google.id])).toEqual([]);
  });

  it('on a phone: stacked cards keep Edit and Remove in reach; Remove asks in a dialog in view, with the linked count; danger stays red', async () => {
    // One agent links Google (a real round trip), so the dialog has a count to say.
    const a = await createAgent(t);
    await idp.account(idp.google, { id: 'linda', email: 'linda@gmail.test' });
    // App and pages share the origin: the round trip ends when the browser is sent to /settings.
    const b = new Browser({ webAppUrl: `${origin}/settings`, app: origin });
    const { linkProvider } = await b.ok(LINK_PROVIDER, { providerId: google.id }, a.token);
    expect(await b.run(linkProvider.authorizationUrl, { login: 'linda' })).toBe(`${origin}/settings/sso?linked=${google.id}`);

    const page = await adminPage('phone');
    const edit = page.getByRole('button', { name: `Edit ${google.name}` });
    const remove = page.getByRole('button', { name: `Remove ${google.name}` });
    await remove.waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const button of [edit, remove]) {
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390); // was off-screen, behind a sideways scroll
    }
    const row = page.getByRole('row').filter({ hasText: google.name });
    expect((await row.getByRole('cell').nth(3).textContent())!.replace(/\s+/g, ' ')).toContain('1');
    await screenshot(page, 'admin-sso-phone');

    // Danger buttons stay red on hover (they turned the accent blue).
    await remove.hover();
    expect(await remove.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor)).toBe('rgb(140, 29, 22)');

    await remove.click();
    const dialog = page.getByRole('dialog', { name: `Remove ${google.name}?` });
    await dialog.waitFor();
    await dialog.getByText(`1 account is linked to ${google.name}.`).waitFor();
    expect(await focusedText(page, 'Cancel')).toBe('Cancel');
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844); // in view, not below the table
    await screenshot(page, 'admin-sso-remove-dialog-phone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('aria-label'))).toBe(`Remove ${google.name}`);

    await remove.click();
    await dialog.getByRole('button', { name: `Remove ${google.name}` }).click();
    await page.getByText(`${google.name} is removed; 1 account unlinked and emailed.`).waitFor();
    expect(await focusedText(page, `${google.name} is removed; 1 account unlinked and emailed.`)).toBe(`${google.name} is removed; 1 account unlinked and emailed.`);
    expect(await t.db.query('SELECT id FROM sso_providers WHERE id = ?', [google.id])).toEqual([]);
  });
});
