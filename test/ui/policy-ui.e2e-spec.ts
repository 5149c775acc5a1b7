import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';
import { focusedOn, screenshot, signIn, signInByApi } from '../support/browser';
import { MY_ENROLLMENT, POLICY, UPDATE_POLICY } from '../support/policy-operations';
import { totpFor } from '../support/totp';

/** The security policy page, the grace banner and forced enrolment, in Chromium. */
describe('security policy pages (Chromium)', () => {
  const s = uiSuite();

  it('the admin sets the policy and sees, before saving, how many agents it affects and until when', async () => {
    await Promise.all([createAgent(s.t), createAgent(s.t), createAgent(s.t)]);
    const page = await s.ui.newPage();
    await signInByApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Security policy' }).click();
    await focusedOn(page, 'Security policy');
    const consequence = page.getByRole('region', { name: 'What saving changes' });
    await expect(consequence.textContent()).resolves.toContain('stays optional');

    await page.getByRole('group', { name: 'Who must use two-factor authentication' }).getByLabel('Agents').check();
    await page.getByLabel('Grace period (days)').fill('14');
    const until = new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
    await consequence.getByText(`3 agents have no allowed two-factor method; they will have until ${until} to set it up.`).waitFor();
    await screenshot(page, 'policy-page');

    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('status').filter({ hasText: 'The security policy is saved.' }).waitFor();
    const admin = await s.t.admin();
    expect((await admin.ok(POLICY)).securityPolicy).toMatchObject({ requireTwoFactor: ['AGENT'], gracePeriodDays: 14 });

    // The overview counts them, and the count opens the filtered list.
    await page.goto('/admin');
    await page.getByRole('link', { name: '3 Not compliant with the 2FA policy: show them' }).click();
    await page.locator('#users-status').getByText('3 users match.', { exact: true }).waitFor();
    expect(await page.getByLabel('2FA policy', { exact: true }).inputValue()).toBe('false');
  });

  it('an agent in the grace period sees the deadline on every page', async () => {
    const a = await createAgent(s.t);
    const page = await s.ui.newPage();
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    const banner = page.getByRole('region', { name: 'Security notice' });
    await expect(banner.textContent()).resolves.toMatch(/requires two-factor authentication.*Set it up by/);
    const { me } = await a.client.ok(MY_ENROLLMENT);
    expect(me.security.enrollmentDeadline).toBeTruthy();
    await screenshot(page, 'policy-banner');
  });

  it('past the deadline an agent is taken to enrolment, can do nothing else, and enrolling frees the account', async () => {
    const admin = await s.t.admin();
    await admin.ok(UPDATE_POLICY, { input: { requireTwoFactor: ['AGENT'], gracePeriodDays: 0 } });
    const a = await createAgent(s.t);
    const page = await s.ui.newPage();
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/enroll');
    await focusedOn(page, 'Set up two-factor authentication');
    await page.getByText('the time to set it up is over').waitFor();
    // Every other page leads back here; the menu offers only signing out.
    for (const path of ['/settings', '/admin', '/settings/sso']) {
      await page.goto(path);
      await page.waitForURL('**/enroll');
      await focusedOn(page, 'Set up two-factor authentication');
    }
    expect(await page.locator('#nav a').count()).toBe(0);
    await page.locator('#nav').getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, 'enroll-forced');

    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await focusedOn(page, 'Set up an authenticator app');
    const secret = (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
    await page.getByLabel('6-digit code from the app').fill(totpFor(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Save your backup codes');
    await page.getByRole('status').filter({ hasText: 'you can use your account again' }).waitFor();
    // The way on appears once the new backup codes are saved (issue 15), and gets the focus.
    expect(await page.getByRole('link', { name: 'Continue to your settings' }).isVisible()).toBe(false);
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download/ }).click()]);
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await focusedOn(page, 'Two-factor authentication is on: you can use your account again.');
    await page.getByRole('link', { name: 'Continue to your settings' }).click();
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
    await admin.ok(UPDATE_POLICY, { input: { requireTwoFactor: [], gracePeriodDays: 14 } });
  });
});
