import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from '../support/create-app';
import { ensureWebBuild, focusedOn, launchBrowser, screenshot, signIn, signInByApi, UiHarness } from '../support/browser';
import { CONFIRM_TOTP, ENABLE_TOTP, LOGIN, ME } from '../support/operations';
import { RESET_USER_STATUS } from '../support/reset-operations';
import { totpFor } from '../support/totp';

/** The reset-password page, the login page's "Forgot password?" and the admin's "Add user", in Chromium. */
describe('password reset and invitation pages (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let ui: UiHarness;

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
    expect(ui.takeProblems()).toEqual({ pageErrors: [], offsite: [] });
  });

  /**
   * The link of the newest set-password mail to `email`: it points at WEB_APP_URL (not this test
   * server's random port), so the page opens its path and query on the app under test.
   */
  async function openMailedLink(page: Page, email: string, since: number): Promise<URL> {
    const mail = await t.smtp.waitFor(email, (m) => m.text.includes('/reset-password?'), since);
    const url = new URL(/(https?:\/\/\S+\/reset-password\?\S+)/.exec(mail.text)![1]);
    await page.goto(`${url.pathname}${url.search}`);
    return url;
  }

  it('forgot password: the login page link, the mail, a new password, signed in; the token leaves the address bar', async () => {
    const a = await createAgent(t, { displayName: 'Frida Forgot' });
    const page = await ui.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await focusedOn(page, 'Reset your password');
    await page.getByLabel('Email', { exact: true }).fill(a.email);
    const before = t.smtp.to(a.email).length;
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await focusedOn(page, 'Check your email');
    await screenshot(page, 'reset-requested');

    const url = await openMailedLink(page, a.email, before);
    expect(url.searchParams.get('invite')).toBeNull();
    await focusedOn(page, 'Choose a new password');
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('New password', { exact: true }).fill('a fresh new secret 2026');
    await page.getByLabel('Type it again').fill('not the same at all');
    await page.getByRole('button', { name: 'Change password and sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not the same');
    await page.getByLabel('New password', { exact: true }).fill('password123');
    await page.getByLabel('Type it again').fill('password123');
    await page.getByRole('button', { name: 'Change password and sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('too common');
    await screenshot(page, 'reset-new-password');
    // the refused password did not use the link up
    await page.getByLabel('New password', { exact: true }).fill('a fresh new secret 2026');
    await page.getByLabel('Type it again').fill('a fresh new secret 2026');
    await page.getByRole('button', { name: 'Change password and sign in' }).click();
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.getByText('Your password was changed.').waitFor();
    expect((await t.gql.ok(LOGIN, { email: a.email, password: 'a fresh new secret 2026' })).login.__typename).toBe('AuthSession');
    expect((await a.client.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // the same link again: a sentence and the way to a new one
    await openMailedLink(page, a.email, before);
    await page.getByLabel('New password', { exact: true }).fill('another new secret 2026');
    await page.getByLabel('Type it again').fill('another new secret 2026');
    await page.getByRole('button', { name: 'Change password and sign in' }).click();
    await focusedOn(page, 'This link no longer works');
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  });

  it('forgot password with an authenticator app: the two-factor step, without email codes', async () => {
    const a = await createAgent(t, { displayName: 'Theo Totp' });
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    const page = await ui.newPage();
    await page.goto('/reset-password');
    await page.getByLabel('Email', { exact: true }).fill(a.email);
    const before = t.smtp.to(a.email).length;
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await focusedOn(page, 'Check your email');
    await openMailedLink(page, a.email, before);
    await page.getByLabel('New password', { exact: true }).fill('a fresh new secret 2026');
    await page.getByLabel('Type it again').fill('a fresh new secret 2026');
    await page.getByRole('button', { name: 'Change password and sign in' }).click();
    await focusedOn(page, 'Two-factor authentication');
    await expect(page.getByText('Email me a code').count()).resolves.toBe(0);
    await screenshot(page, 'reset-two-factor');
    await page.getByLabel('Code from your authenticator app').fill(totpFor(enableTotp.secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');
    await page.getByText('Your password was changed.').waitFor();
  });

  it('admin invites a user from "Add user"; the user sets a password from the mailed link and is ACTIVE', async () => {
    const adminPage = await ui.newPage();
    await signInByApi(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
    await adminPage.goto('/admin');
    await adminPage.getByRole('link', { name: 'Add user' }).click();
    await adminPage.waitForURL('**/admin/users/new');
    await focusedOn(adminPage, 'Add user');
    const email = `invitee-${Date.now()}@example.com`;
    await adminPage.getByLabel('Email', { exact: true }).fill(email);
    await adminPage.getByLabel('Display name').fill('Ines Invitee');
    // an invitation by default: no password to type
    await expect(adminPage.getByLabel('Password', { exact: true }).isVisible()).resolves.toBe(false);
    await screenshot(adminPage, 'add-user');
    await adminPage.getByRole('button', { name: 'Send invitation' }).click();
    await focusedOn(adminPage, 'Invitation sent');
    await adminPage.getByText(`We emailed ${email} an invitation.`, { exact: false }).waitFor();

    const invitee = await ui.newPage();
    const url = await openMailedLink(invitee, email, 0);
    expect(url.searchParams.get('invite')).toBe('1');
    await focusedOn(invitee, 'Set your password');
    await screenshot(invitee, 'invite-set-password');
    await invitee.getByLabel('Password', { exact: true }).fill('my very own secret 2026');
    await invitee.getByLabel('Type it again').fill('my very own secret 2026');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.waitForURL('**/settings');
    await invitee.getByText('Your password is set.', { exact: false }).waitFor();

    const admin = await t.admin();
    const { me } = await t.gql.withToken((await t.gql.ok(LOGIN, { email, password: 'my very own secret 2026' })).login.token).ok(ME);
    expect((await admin.ok(RESET_USER_STATUS, { id: me.id })).user!.status).toBe('ACTIVE');

    // "Set a password now" still creates an active account directly
    await adminPage.getByRole('link', { name: 'Add another user' }).click();
    await focusedOn(adminPage, 'Add user');
    const direct = `direct-${Date.now()}@example.com`;
    await adminPage.getByLabel('Email', { exact: true }).fill(direct);
    await adminPage.getByLabel('Display name').fill('Dora Direct');
    await adminPage.getByLabel('Set a password now').check();
    await adminPage.getByLabel('Password', { exact: true }).fill('a password set by the admin');
    await adminPage.getByRole('button', { name: 'Create user' }).click();
    await focusedOn(adminPage, 'User created');
    expect((await t.gql.ok(LOGIN, { email: direct, password: 'a password set by the admin' })).login.__typename).toBe('AuthSession');
  });
});
