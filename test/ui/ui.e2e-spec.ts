import { readFileSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, dbTime, startTestApp, TestApp } from '../support/create-app';
import { ensureWebBuild, focusedOn, launchBrowser, screenshot, signIn, UiHarness } from '../support/browser';
import { MY_SECURITY, SECURITY_EVENTS, USER } from '../support/operations';
import { totpFor } from '../support/totp';

/** The agent and admin pages in Chromium, against the running app (real DB, real SMTP). */
describe('web pages (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let ui: UiHarness;
  const newPage = (opts?: BrowserContextOptions) => ui.newPage(opts);

  beforeAll(async () => {
    await ensureWebBuild();
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    ui = new UiHarness(browser, t.url);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    // no script error on any page; nothing loaded from anywhere but the service (no CDN)
    expect(ui.takeProblems()).toEqual({ pageErrors: [], offsite: [] });
  });

  const allowResend = (userId: string) =>
    t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), userId]);
  const codesOnPage = async (page: Page) => (await page.locator('ul.codes li').allTextContents()).map((s) => s.replace(' (used)', '').trim());

  // shared between the tests below, in order
  let emailAgent: Awaited<ReturnType<typeof createAgent>>;
  let emailAgentCodes: string[];
  let totpAgent: Awaited<ReturnType<typeof createAgent>>;
  let totpSecret: string;

  it('login page: every ?error= as a sentence, readable on a phone, sign in and out', async () => {
    const page = await newPage();
    const codes = ['provider_not_configured', 'invalid_state', 'access_denied', 'provider_error', 'provider_unavailable', 'invalid_token', 'already_linked'];
    const sentences = new Set<string>();
    for (const code of codes) {
      await page.goto(`/login?error=${code}`);
      const text = (await page.getByRole('alert').textContent())!;
      expect(text).not.toContain(code);
      expect(text).toMatch(/^[A-Z].+\.$/);
      sentences.add(text);
    }
    expect(sentences.size).toBe(codes.length);
    await screenshot(page, 'login-error');

    const phone = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto('/login');
    await focusedOn(phone, 'Sign in');
    expect(await phone.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'login-phone');

    const a = await createAgent(t, { displayName: 'Pat Plain' });
    await signIn(page, a.email, 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid email or password');
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
    await screenshot(page, 'settings');
    await signIn(phone, a.email, a.password);
    await focusedOn(phone, 'User settings');
    await phone.getByRole('cell', { name: 'Signed in' }).first().waitFor();
    expect(await phone.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'settings-phone');

    // a failed link round trip lands on /settings/sso?error=…: a sentence, focus on the SSO section
    await page.goto('/settings/sso?error=already_linked');
    await focusedOn(page, 'Single sign-on');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('That account is already connected to a different CloudCX user.');
    expect(new URL(page.url()).search).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/settings');
    await page.waitForURL(/\/login\?next=%2Fsettings$/);
  });

  it('email 2FA setup: the code from the mail turns it on and shows 10 backup codes', async () => {
    emailAgent = await createAgent(t, { displayName: 'Emma Email' });
    const page = await newPage();
    await signIn(page, emailAgent.email, emailAgent.password);
    await page.waitForURL('**/settings');
    const before = t.smtp.to(emailAgent.email).length;
    await page.getByRole('button', { name: 'Set up email codes' }).click();
    await focusedOn(page, 'Set up email codes');
    await expect(page.getByText(`We sent a 6-digit code to ${emailAgent.email[0]}***@example.com.`, { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Resend code' }).isDisabled()).resolves.toBe(true);
    await page.getByText(/^You can request a new code in \d+ s\.$/).waitFor();
    await screenshot(page, 'email-setup');

    const code = await t.smtp.code(emailAgent.email, before);
    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Save your backup codes');
    emailAgentCodes = await codesOnPage(page);
    expect(emailAgentCodes).toHaveLength(10);
    emailAgentCodes.forEach((c) => expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));
    await screenshot(page, 'email-setup-backup-codes');

    const { me } = await emailAgent.client.ok(MY_SECURITY);
    expect(me.security).toMatchObject({ twoFactorEnabled: true, email: { enabled: true }, backupCodes: { remaining: 10 } });
    // The hand-off (issue 15): "I saved my codes" once they are downloaded, printed or copied.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download/ }).click()]);
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await focusedOn(page, 'Two-factor authentication');
    await expect(page.getByRole('button', { name: 'Turn off email codes' }).count()).resolves.toBe(1);
  });

  it('TOTP setup from the secret shown on the page', async () => {
    totpAgent = await createAgent(t, { displayName: 'Tom Totp' });
    const page = await newPage();
    await signIn(page, totpAgent.email, totpAgent.password);
    await page.waitForURL('**/settings');
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await focusedOn(page, 'Set up an authenticator app');
    const qr = page.getByRole('img', { name: /QR code/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: any) => img.naturalWidth)).toBeGreaterThan(0);
    const shown = (await page.locator('code.secret').textContent())!;
    totpSecret = shown.replace(/\s+/g, '');
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'totp-setup');

    await page.getByLabel('6-digit code from the app').fill(totpFor(totpSecret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Save your backup codes');
    expect(await codesOnPage(page)).toHaveLength(10);
    const { me } = await totpAgent.client.ok(MY_SECURITY);
    expect(me.security).toMatchObject({ twoFactorEnabled: true, totp: { enabled: true }, email: { enabled: false } });
  });

  it('a stale session that adds a factor is asked to confirm it is them first', async () => {
    const agent = await createAgent(t, { displayName: 'Stella Stale' });
    const page = await newPage();
    await signIn(page, agent.email, agent.password);
    await page.waitForURL('**/settings');
    await t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), agent.id]);
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    const dialog = page.getByRole('dialog', { name: /Confirm it.s you/ });
    await dialog.waitFor();
    // Nothing was enrolled before the confirmation.
    const pending = (await t.db.query('SELECT totp_pending_secret FROM two_factor_settings WHERE user_id = ?', [agent.id])) as Array<{ totp_pending_secret: string | null }>;
    expect(pending[0]?.totp_pending_secret ?? null).toBeNull();
    await dialog.getByLabel('Password').fill(agent.password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Set up an authenticator app');
    expect(await page.locator('code.secret').textContent()).toMatch(/^[A-Z2-7 ]{39}$/);
  });

  it('sign in with each method: authenticator code, emailed code, backup code', async () => {
    // TOTP (the next step's code: the setup's code was used once and may not be replayed)
    const p1 = await newPage();
    await signIn(p1, totpAgent.email, totpAgent.password);
    await focusedOn(p1, 'Two-factor authentication');
    expect(await p1.getByLabel('Authenticator app code').isChecked()).toBe(true);
    await screenshot(p1, 'login-2fa-totp');
    await p1.getByLabel('Code from your authenticator app').fill(totpFor(totpSecret, Date.now() + 30_000));
    await p1.getByRole('button', { name: 'Verify' }).click();
    await p1.waitForURL('**/settings');
    await focusedOn(p1, 'User settings');

    // EMAIL: "email me a code", the resend countdown, the code from the mail
    await allowResend(emailAgent.id);
    const p2 = await newPage();
    await signIn(p2, emailAgent.email, emailAgent.password);
    await focusedOn(p2, 'Two-factor authentication');
    await p2.getByLabel('Email me a code').check();
    const before = t.smtp.to(emailAgent.email).length;
    await p2.getByRole('button', { name: 'Email me a code' }).click();
    await p2.getByText(`We sent a 6-digit code to ${emailAgent.email[0]}***@example.com.`, { exact: false }).waitFor();
    await expect(p2.getByRole('button', { name: 'Resend code' }).isDisabled()).resolves.toBe(true);
    await p2.getByText(/^You can request a new code in (30|29|28) s\.$/).waitFor();
    await screenshot(p2, 'login-2fa-email');
    await p2.getByLabel('Code from the email').fill('000000');
    await p2.getByRole('button', { name: 'Verify' }).click();
    await expect(p2.getByRole('alert').textContent()).resolves.toMatch(/not right/);
    await p2.getByLabel('Code from the email').fill(await t.smtp.code(emailAgent.email, before));
    await p2.getByRole('button', { name: 'Verify' }).click();
    await p2.waitForURL('**/settings');

    // BACKUP_CODE
    const p3 = await newPage();
    await signIn(p3, emailAgent.email, emailAgent.password);
    await focusedOn(p3, 'Two-factor authentication');
    await p3.getByLabel('Backup code', { exact: true }).check();
    await p3.getByRole('textbox', { name: 'Backup code' }).fill(emailAgentCodes[0].toUpperCase());
    await screenshot(p3, 'login-2fa-backup-code');
    await p3.getByRole('button', { name: 'Verify' }).click();
    await p3.waitForURL('**/settings');
    await p3.getByText('9 of 10 unused', { exact: false }).waitFor();
    await p3.close();
  });

  it('backup codes: re-authentication prompt, used code struck through, download, copy, new codes', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, emailAgent.email, emailAgent.password);
    await page.getByLabel('Backup code', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Backup code' }).fill(emailAgentCodes[1]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');

    // outside the 10-minute window: the API answers REAUTH_REQUIRED and the page asks for the password
    await t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), emailAgent.id]);
    await page.getByRole('button', { name: 'View backup codes' }).click();
    const dialog = page.getByRole('dialog', { name: /Confirm it.s you/ });
    await dialog.waitFor();
    await screenshot(page, 'reauth');
    await dialog.getByLabel('Password').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('That password is not right.');
    await dialog.getByLabel('Password').fill(emailAgent.password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Your backup codes');
    expect(await dialog.count()).toBe(0);

    const used = await page.locator('ul.codes li.used s').allTextContents();
    expect(used.sort()).toEqual([emailAgentCodes[0], emailAgentCodes[1]].sort());
    expect(await codesOnPage(page)).toEqual(emailAgentCodes);
    await screenshot(page, 'backup-codes');

    const unused = emailAgentCodes.slice(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    // The account and the date first (issue 15), then the unused codes, one a line.
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toContain(`Account: ${emailAgent.email}\n`);
    expect(file.endsWith(`\n\n${unused.join('\n')}\n`)).toBe(true);

    await page.getByRole('button', { name: 'Copy the backup codes' }).click();
    await page.getByText('The backup codes are copied.').waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(file);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Generate new codes' }).click();
    await focusedOn(page, 'Generate new backup codes?');
    await page.getByRole('button', { name: 'Generate new codes' }).click();
    await focusedOn(page, 'Your new backup codes');
    const fresh = await codesOnPage(page);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => emailAgentCodes.includes(c))).toEqual([]);
    expect(await page.locator('ul.codes li.used').count()).toBe(0);

    await page.getByRole('button', { name: 'Copy the backup codes' }).click();
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await page.getByRole('button', { name: 'Turn off email codes' }).click();
    await focusedOn(page, 'Turn off email codes?');
    await page.getByText('This is your last method', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Turn off', exact: true }).click();
    await page.getByText('Email codes are off.').waitFor();
    await focusedOn(page, 'Two-factor authentication');
    expect((await emailAgent.client.ok(MY_SECURITY)).me.security).toMatchObject({ twoFactorEnabled: false, email: { enabled: false } });
  });

  it('an admin resets an agent’s two-factor with a reason', async () => {
    const page = await newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/settings');
    await page.getByRole('link', { name: 'Admin console' }).click();
    await focusedOn(page, 'Admin console');
    await page.locator('.stat', { hasText: 'Users' }).first().waitFor();
    await page.getByRole('cell', { name: 'Tom Totp', exact: true }).waitFor();
    await screenshot(page, 'admin-overview');

    // Filters apply as they change (issue 15): no "Apply" button.
    await page.getByLabel('Two-factor', { exact: true }).selectOption('true');
    await page.getByLabel('Method').selectOption('TOTP');
    await page.locator('#users-status').getByText('1 user matches.', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('tom tot');
    await page.waitForURL(/search=tom\+tot/);
    await page.locator('#users-status').getByText('1 user matches.', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tom Totp' }).click();
    await focusedOn(page, 'Tom Totp');
    await page.getByText(/^On since/).first().waitFor();
    await screenshot(page, 'admin-user');

    // The confirmation names the person and lists what goes (issue 15).
    await page.getByRole('button', { name: 'Reset two-factor…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset two-factor for Tom Totp?' });
    await dialog.getByLabel('Reason', { exact: true }).fill('Lost phone; identity checked on a video call');
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    await page.getByText(/is reset: every method is off/).waitFor();
    await page.getByRole('cell', { name: 'Two-factor reset by an administrator' }).waitFor();
    await screenshot(page, 'admin-user-reset');

    const admin = await t.admin();
    const { user } = await admin.ok(USER, { id: totpAgent.id });
    expect(user.security).toMatchObject({ twoFactorEnabled: false, totp: { enabled: false }, backupCodes: { remaining: 0 } });
    const { securityEvents } = await admin.ok(SECURITY_EVENTS, { userId: totpAgent.id, first: 5 });
    expect(securityEvents.edges[0].node).toMatchObject({ type: 'ADMIN_2FA_RESET', detail: 'Lost phone; identity checked on a video call', actor: { email: ADMIN_EMAIL } });

    // Unlock: an account whose code checks are locked
    await t.db.query('UPDATE two_factor_settings SET locked_until = ? WHERE user_id = ?', [dbTime(new Date(Date.now() + 10 * 60_000)), emailAgent.id]);
    await page.goto(`/admin/users/${emailAgent.id}`);
    await focusedOn(page, 'Emma Email');
    await page.getByText(/^Until /).waitFor();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Emma Email can enter codes again: code checks are unlocked.').waitFor();
    expect((await admin.ok(USER, { id: emailAgent.id })).user.security.lockedUntil).toBeNull();

    await page.getByRole('link', { name: 'All users' }).click();
    await page.getByRole('link', { name: 'SSO providers' }).click();
    await focusedOn(page, 'SSO providers');
    await screenshot(page, 'admin-sso');
  });

  it('agents do not get the admin console', async () => {
    const a = await createAgent(t);
    const page = await newPage();
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    expect(await page.getByRole('link', { name: 'Admin console' }).count()).toBe(0);
    await page.goto('/admin');
    await focusedOn(page, 'Admins only');
  });

  it('the GraphQL IDE at /graphql works offline; Apollo still answers API requests', async () => {
    const page = await newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL('**/settings');
    await page.getByRole('link', { name: 'GraphQL IDE' }).click();
    await page.waitForURL('**/graphql');
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
    // no token in the page: the browser's session cookie signs the IDE's requests in
    expect(await page.getByLabel('Headers (JSON)').inputValue()).toBe('{}');
    await page.getByLabel('Query').fill('query Who { me { email role } }');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText(`"email": "${ADMIN_EMAIL}"`).waitFor();
    await page.getByLabel('Query').press('Control+Enter');
    await page.getByRole('button', { name: 'Docs' }).click();
    await focusedOn(page, 'Docs');
    await page.getByRole('button', { name: 'Mutation' }).click();
    await focusedOn(page, 'Mutation');
    await page.getByText('resetTwoFactor').first().waitFor();
    await screenshot(page, 'graphql-ide');

    const get = (path: string, headers: Record<string, string>) => fetch(`${t.url}${path}`, { headers, redirect: 'manual' });
    const api = await get('/graphql?query=%7B__typename%7D', { accept: 'application/json', 'apollo-require-preflight': 'true' });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const ide = await get('/graphql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(ide.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ide.text()).toContain('GraphQL IDE');
    const spa = await get('/settings/sso?linked=x', { accept: 'text/html' });
    expect(spa.status).toBe(200);
    expect(spa.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await spa.text()).toContain('<div id="announcer"');
    expect((await get('/no-such-page', { accept: 'application/json' })).status).toBe(404);
    const auth = await get('/auth/no/such/route', { accept: 'text/html' });
    expect(auth.status).toBe(404);
    expect(await auth.text()).not.toContain('id="main"');
  });
});
