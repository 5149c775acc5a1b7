import { createAgent } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';
import { focusedOn, screenshot, signIn } from '../support/browser';
import { CONFIRM_TOTP, ENABLE_TOTP } from '../support/operations';
import { totpFor } from '../support/totp';

/** "Remember this browser" on the 2FA step and User settings › Trusted browsers, in Chromium. */
describe('trusted browsers (Chromium)', () => {
  const s = uiSuite();

  it('remember this browser skips 2FA on the next sign-in; forgetting it brings the step back', async () => {
    const a = await createAgent(s.t, { displayName: 'Rita Remember' });
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });

    const page = await s.ui.newPage();
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
    const remember = page.getByLabel('Remember this browser');
    expect(await remember.isChecked()).toBe(false);
    await remember.check();
    await screenshot(page, 'login-2fa-remember');
    // The next step's code: the setup's code was used once and may not be replayed.
    await page.getByLabel('Code from your authenticator app').fill(totpFor(enableTotp.secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/settings');

    const section = page.locator('#trusted-browsers');
    await section.getByText('This browser', { exact: true }).waitFor();
    expect(await section.locator('li').count()).toBe(1);
    await screenshot(page, 'settings-trusted-browsers');

    // Next sign-in in this browser: the password alone.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/login');
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    const [row] = (await s.t.db.query('SELECT last_used_at FROM trusted_devices WHERE user_id = ?', [a.id])) as Array<{ last_used_at: unknown }>;
    expect(row.last_used_at).not.toBeNull();

    // Another browser still gets the second step.
    const other = await s.ui.newPage();
    await signIn(other, a.email, a.password);
    await focusedOn(other, 'Two-factor authentication');

    // Forget it: this browser asks again.
    await section.getByRole('button', { name: /Forget .*\(this browser\)/ }).click();
    await section.getByText('No browser is remembered.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/login');
    await signIn(page, a.email, a.password);
    await focusedOn(page, 'Two-factor authentication');
  });
});
