import type { Browser, Page } from 'playwright-core';
import { createAgent, dbTime, startTestApp, TestApp } from '../support/create-app';
import { axeFindings, describeFindings, ensureWebBuild, focusedOn, launchBrowser, screenshot, signIn, UiHarness } from '../support/browser';
import { startIdp, TestIdp } from '../support/oidc';
import { CONFIRM_EMAIL, CONFIRM_TOTP, ENABLE_TOTP, SETUP_EMAIL } from '../support/operations';
import { CONFIGURE_SSO_PROVIDER } from '../support/sso-operations';
import { totpFor } from '../support/totp';
import { uiSuite } from '../support/ui-suite';

type Agent = Awaited<ReturnType<typeof createAgent>>;

/**
 * The state on screen at desktop 1366×768 and phone 390×844 (test/artifacts/ui/<name>-desktop.png,
 * <name>-phone.png), each with no serious or critical axe finding and, on the phone, no sideways
 * scrolling. (Pages are opened with `bypassCSP` so that axe can be injected: `newPage` below.)
 */
async function shots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-desktop`);
  const findings = await axeFindings(page, `${name} (desktop)`);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, `${name}-phone`);
  findings.push(...(await axeFindings(page, `${name} (phone)`)));
  expect(describeFindings(findings)).toEqual([]);
  if (before) await page.setViewportSize(before);
}

/** The text of the element that has keyboard focus. */
const focusedText = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.textContent ?? '').trim());

/** A 6-digit code that is none of the secret's codes around now. */
function wrongCode(secret: string, i = 0): string {
  const near = [-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpFor(secret, Date.now() + d));
  let c = String((i * 7919 + 424242) % 1_000_000).padStart(6, '0');
  while (near.includes(c)) c = String((Number(c) + 1) % 1_000_000).padStart(6, '0');
  return c;
}

/**
 * Issue 15, "Limits that mislead" and the sign-in polish, in Chromium: the sign-in step counts the
 * tries down and stops (not "expires") after the last one; a locked account is told at once with
 * the lock's end and who can help; a replayed code has its own sentence; "send a code" keeps the
 * mailed code usable and its countdown across method switches, Cancel → Set up again and the
 * re-authentication dialog; a backup-code sign-in says how many are left; /login does not show the
 * form to a signed-in person, says ?error= once; buttons say they are busy.
 */
describe('sign-in limits (Chromium)', () => {
  const s = uiSuite();

  const allowResend = (userId: string) =>
    s.t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 31_000)), userId]);

  async function withTotp(a: Agent) {
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    const setupCode = totpFor(enableTotp.secret);
    const { confirmTotp } = await a.client.ok(CONFIRM_TOTP, { code: setupCode });
    return { secret: enableTotp.secret, setupCode, backupCodes: confirmTotp.backupCodes as string[] };
  }
  async function withEmail(a: Agent) {
    const n = s.t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    const { confirmEmailTwoFactor } = await a.client.ok(CONFIRM_EMAIL, { code: await s.t.smtp.code(a.email, n) });
    await allowResend(a.id);
    return confirmEmailTwoFactor.backupCodes as string[] | null;
  }

  it('five wrong codes: the tries left after each, then the attempt is stopped, the form is off and "Sign in again" starts over', async () => {
    const a = await createAgent(s.t, { displayName: 'Theo Tries' });
    const { secret } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    const code = page.getByLabel('Code from your authenticator app');
    const verify = page.getByRole('button', { name: 'Verify' });
    const alert = page.getByRole('alert');
    for (let i = 0; i < 4; i++) {
      await code.fill(wrongCode(secret, i));
      await verify.click();
      await alert.getByText(`That code is not right. ${4 - i === 1 ? '1 try' : `${4 - i} tries`} left.`, { exact: true }).waitFor();
      expect(await verify.isDisabled()).toBe(false);
      // The field carries the error: aria-invalid, described by the message.
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      const alertId = await alert.getAttribute('id');
      expect((await code.getAttribute('aria-describedby'))!.split(' ')).toContain(alertId);
    }
    await shots(page, 'login-2fa-tries-left');
    await code.fill(wrongCode(secret, 9));
    await verify.click();
    await alert.getByText('That code is not right. This sign-in attempt was stopped after too many wrong codes. Sign in again.', { exact: true }).waitFor();
    // Not "expired"; nothing left to press but "Sign in again"; the focus on the sentence.
    expect(await alert.textContent()).not.toMatch(/expired/);
    expect(await verify.isDisabled()).toBe(true);
    expect(await code.isDisabled()).toBe(true);
    expect(await page.getByLabel('Backup code', { exact: true }).isDisabled()).toBe(true);
    expect(await focusedText(page)).toBe('That code is not right. This sign-in attempt was stopped after too many wrong codes. Sign in again.');
    await shots(page, 'login-2fa-stopped');
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await focusedOn(page, 'Sign in');
  });

  it('a challenge that was stopped elsewhere answers "stopped", not "expired", and turns the form off', async () => {
    const a = await createAgent(s.t);
    const { secret } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    // The same challenge's 5 tries used up behind the page's back (another tab, a script).
    await s.t.db.query('UPDATE login_challenges SET attempts = 5 WHERE user_id = ? AND consumed_at IS NULL', [a.id]);
    await page.getByLabel('Code from your authenticator app').fill(totpFor(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').getByText('This sign-in attempt was stopped after too many wrong codes. Sign in again.', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Verify' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Sign in again' }).waitFor();
  });

  it('a locked account is told on the challenge, before any code: until when, and that an administrator can unlock it', async () => {
    const a = await createAgent(s.t, { displayName: 'Lou Locked' });
    await withTotp(a);
    const until = new Date(Date.now() + 12 * 60_000);
    await s.t.db.query('UPDATE two_factor_settings SET failed_count = 10, locked_until = ? WHERE user_id = ?', [dbTime(until), a.id]);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    const alert = page.getByRole('alert');
    await alert.getByText(/^Too many wrong codes: code checks for your account are locked until .+\. Try again after that time, or ask your administrator to unlock your account\.$/).waitFor();
    const shown = await page.evaluate((iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), until.toISOString());
    expect(await alert.textContent()).toContain(`locked until ${shown}.`);
    expect(await page.getByRole('button', { name: 'Verify' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Code from your authenticator app').isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Sign in again' }).waitFor();
    await shots(page, 'login-2fa-locked');
  });

  it('an authenticator code used twice within its 30 s has its own sentence', async () => {
    const a = await createAgent(s.t);
    const { setupCode } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Code from your authenticator app').fill(setupCode);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').getByText('That code was already used; wait for the next one. 4 tries left.', { exact: true }).waitFor();
    await shots(page, 'login-2fa-code-reused');
  });

  it('"Email me a code": the countdown and the mailed code survive switching methods and back', async () => {
    const a = await createAgent(s.t, { displayName: 'Sam Switch' });
    await withTotp(a);
    await withEmail(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Email me a code').check();
    const n = s.t.smtp.to(a.email).length;
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByText(`We sent a 6-digit code to ${a.email[0]}***@example.com.`, { exact: false }).waitFor();
    const resend = page.getByRole('button', { name: 'Resend code' });
    expect(await resend.isDisabled()).toBe(true);
    await page.getByText(/^You can request a new code in (30|29|28|27) s\.$/).waitFor();
    // Focus goes to the code field (the pressed button is disabled by the wait).
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');

    await page.getByLabel('Authenticator app code').check();
    await page.getByLabel('Email me a code').check();
    // Back on email: the field for the mailed code, the countdown still running, no new send offered yet.
    await page.getByLabel('Code from the email').waitFor();
    expect(await resend.isDisabled()).toBe(true);
    const wait = (await page.getByText(/^You can request a new code in \d+ s\.$/).textContent())!;
    expect(Number(/(\d+) s/.exec(wait)![1])).toBeLessThanOrEqual(30);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shots(page, 'login-2fa-email-countdown');

    await page.getByLabel('Code from the email').fill(await s.t.smtp.code(a.email, n));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');
  });

  it('email set-up: Cancel, then Set up again within the wait, brings back the mailed code with the countdown (no "Too many attempts")', async () => {
    const a = await createAgent(s.t, { displayName: 'Cass Cancel' });
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    const n = s.t.smtp.to(a.email).length;
    await page.getByRole('button', { name: 'Set up email codes' }).click();
    await focusedOn(page, 'Set up email codes');
    await page.getByText(`We sent a 6-digit code to ${a.email[0]}***@example.com.`, { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Resend code' }).isDisabled()).toBe(true);
    await page.getByText(/^You can request a new code in \d+ s\.$/).waitFor();
    await screenshot(page, 'email-setup-countdown');
    const code = await s.t.smtp.code(a.email, n);

    await page.getByRole('button', { name: 'Cancel' }).click();
    // Still within the wait however slow this machine is: the code was mailed "just now".
    await s.t.db.query('UPDATE two_factor_settings SET last_code_sent_at = ? WHERE user_id = ?', [dbTime(new Date()), a.id]);
    await focusedOn(page, 'Two-factor authentication');
    await page.getByRole('button', { name: 'Set up email codes' }).click();
    await focusedOn(page, 'Set up email codes');
    await page.getByText(`We sent a 6-digit code to ${a.email[0]}***@example.com. Enter it below, or request a new one.`).waitFor();
    expect(await page.getByRole('button', { name: 'Resend code' }).isDisabled()).toBe(true);
    await page.getByText(/^You can request a new code in \d+ s\.$/).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(s.t.smtp.to(a.email).filter((m) => /verification code/i.test(m.subject))).toHaveLength(1); // no second code mailed
    await shots(page, 'email-setup-again');

    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Save your backup codes');
  });

  it('the re-authentication dialog sends a code with the same countdown', async () => {
    const a = await createAgent(s.t, { displayName: 'Rae Reauth' });
    await withEmail(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    let n = s.t.smtp.to(a.email).length;
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Code from the email').fill(await s.t.smtp.code(a.email, n));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');
    await allowResend(a.id);
    await s.t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), a.id]);

    await page.getByRole('button', { name: 'View backup codes' }).click();
    const dialog = page.getByRole('dialog', { name: /Confirm it.s you/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Use a verification code instead' }).click();
    n = s.t.smtp.to(a.email).length;
    await dialog.getByRole('button', { name: 'Email me a code' }).click();
    await dialog.getByText(`We sent a 6-digit code to ${a.email[0]}***@example.com.`, { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Resend code' }).isDisabled()).toBe(true);
    await dialog.getByText(/^You can request a new code in \d+ s\.$/).waitFor();
    await shots(page, 'reauth-email-countdown');
    await dialog.getByLabel('Code from the email').fill(await s.t.smtp.code(a.email, n));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Your backup codes');
  });

  it('after a backup-code sign-in the page says one was used and how many are left', async () => {
    const a = await createAgent(s.t, { displayName: 'Bea Backup' });
    const { backupCodes } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Backup code', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Backup code' }).fill(backupCodes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');
    await page.getByRole('status').getByText('You signed in with a backup code, so it no longer works. 9 backup codes are left.', { exact: true }).waitFor();
    await shots(page, 'settings-after-backup-code');
  });

  it('after a backup-code sign-in on the way to another page, a notice says it first', async () => {
    const a = await createAgent(s.t, { displayName: 'Bo Backup' });
    const { backupCodes } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    await page.goto('/login?next=%2Fadmin');
    await page.getByLabel('Email').fill(a.email);
    await page.getByLabel('Password').fill(a.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Backup code', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Backup code' }).fill(backupCodes[3]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await focusedOn(page, 'You used a backup code');
    await page.getByText('You signed in with a backup code, so it no longer works. 9 backup codes are left.', { exact: true }).waitFor();
    await shots(page, 'login-backup-code-notice');
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.pathname === '/admin');
  });

  it('/login: a signed-in person goes where they belong; ?error= is said once and leaves the address bar', async () => {
    const page = await s.ui.newPage({ bypassCSP: true });
    await page.goto('/login?error=invalid_state&next=%2Fsettings');
    await page.getByRole('alert').getByText('The single sign-on attempt expired or was started in another window. Please try again.').waitFor();
    await page.waitForURL((u) => u.search === '?next=%2Fsettings');
    await page.reload();
    await focusedOn(page, 'Sign in');
    expect(await page.getByRole('alert').count()).toBe(0);

    const a = await createAgent(s.t);
    await page.getByLabel('Email').fill(a.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Invalid email or password', { exact: false }).waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Password').fill(a.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/settings');
    await page.goto('/login');
    await page.waitForURL((u) => u.pathname === '/settings');
    await focusedOn(page, 'User settings');
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    await page.goto('/login?next=%2Fsettings%2Fsso');
    await page.waitForURL((u) => u.pathname === '/settings/sso');
  });

  it('buttons say they are busy: "Signing in…", "Verifying…"', async () => {
    const a = await createAgent(s.t);
    const { secret } = await withTotp(a);
    const page = await s.ui.newPage({ bypassCSP: true });
    let release: () => void = () => undefined;
    let held: Promise<void> = Promise.resolve();
    const hold = () => {
      held = new Promise((r) => (release = r));
    };
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (/mutation (Login|VerifySignInCode)\b/.test(body)) await held;
      await route.fallback();
    });
    await page.goto('/login');
    await page.getByLabel('Email').fill(a.email);
    await page.getByLabel('Password').fill(a.password);
    hold();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const signingIn = page.getByRole('button', { name: 'Signing in…' });
    await signingIn.waitFor();
    expect(await signingIn.isDisabled()).toBe(true);
    expect(await page.locator('form[aria-busy="true"]').count()).toBe(1);
    await shots(page, 'login-busy');
    release();
    await focusedOn(page, 'Two-factor authentication');
    await page.getByLabel('Code from your authenticator app').fill(totpFor(secret, Date.now() + 30_000));
    hold();
    await page.getByRole('button', { name: 'Verify' }).click();
    const verifying = page.getByRole('button', { name: 'Verifying…' });
    await verifying.waitFor();
    expect(await verifying.isDisabled()).toBe(true);
    release();
    await page.waitForURL('**/settings');
  });
});

/**
 * /sso/bind keeps a ticket that is still valid across a reload, without browser storage: the page
 * moves it from the query to the fragment (never sent to a server again); it is useless elsewhere,
 * the service answering it only with this browser's HttpOnly flow cookie.
 */
describe('SSO bind page survives a reload (Chromium, loopback OpenID provider)', () => {
  const PUBLIC = 'http://signin-limits.test';
  let t: TestApp;
  let idp: TestIdp;
  let browser: Browser;
  let ui: UiHarness;

  beforeAll(async () => {
    await ensureWebBuild();
    [t, idp] = await Promise.all([startTestApp({ PUBLIC_URL: PUBLIC, WEB_APP_URL: PUBLIC }), startIdp()]);
    browser = await launchBrowser([`--host-resolver-rules=MAP signin-limits.test:80 ${new URL(t.url).host}`]);
    ui = new UiHarness(browser, PUBLIC, [idp.google]);
    const admin = await t.admin();
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, {
      input: { kind: 'GOOGLE', displayName: 'Google', clientId: 'signin-limits-ui', clientSecret: 'signin-limits-secret-0123456789', issuer: idp.google },
    });
    await idp.registerClient(idp.google, { client_id: 'signin-limits-ui', client_secret: 'signin-limits-secret-0123456789', redirect_uris: [p.redirectUri] });
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

  it('reloading /sso/bind keeps the ticket (in the fragment, not the query); connecting then works and drops it', async () => {
    const a = await createAgent(t, { displayName: 'Reese Reload' });
    await idp.account(idp.google, { id: 'reese', email: 'reese@gmail.test' });
    const page = await ui.newPage({ bypassCSP: true });
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.google));
    await atProvider(page, 'reese');
    await focusedOn(page, 'Connect your account');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/sso/bind');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#ticket=.+/);
    const identity = page.getByText('You are about to connect the Google account reese@gmail.test to a CloudCX account.');
    await identity.waitFor();

    await page.reload();
    await focusedOn(page, 'Connect your account');
    await identity.waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await shots(page, 'sso-bind-reloaded');

    await page.getByRole('button', { name: 'Yes, this Google account is mine' }).click();
    await page.getByLabel('Email').fill(a.email);
    await page.getByLabel('Password').fill(a.password);
    await page.getByRole('button', { name: 'Connect and sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/settings/sso');
    await page.getByText('Single sign-on is connected.', { exact: false }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
  });
});
