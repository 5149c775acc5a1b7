import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';
import { screenshot, signIn, signInByApi } from '../support/browser';
import { codeOf } from '../support/gql';
import { LOGIN, ME } from '../support/operations';

/** Change password in User Setting, and an admin deactivating and reactivating an account in the console (Chromium). */
describe('account lifecycle pages (Chromium)', () => {
  const s = uiSuite();

  it('change password from User Setting: a mismatch and a wrong current password are sentences; then the new one works and other sessions end', async () => {
    const a = await createAgent(s.t, { displayName: 'Pat Password' });
    const page = await s.ui.newPage();
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    const section = page.getByRole('region', { name: 'Password' });
    await section.getByLabel('Current password').fill(a.password);
    await section.getByLabel('New password', { exact: true }).fill('A-New-Password-For-Pat-2026');
    await section.getByLabel('New password again').fill('A-Different-One-2026');
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('The two new passwords are not the same.').waitFor();

    await section.getByLabel('Current password').fill('not-my-password');
    await section.getByLabel('New password again').fill('A-New-Password-For-Pat-2026');
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('Your current password is not right.').waitFor();

    await section.getByLabel('Current password').fill(a.password);
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('Your password is changed. Every other device was signed out.').waitFor();
    await screenshot(page, 'settings-password-changed');

    // The session opened by createAgent (another device) is over; the new password signs in.
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await s.t.gql.fail(LOGIN, { email: a.email, password: a.password }))).toBe('UNAUTHENTICATED');
    expect((await s.t.gql.ok(LOGIN, { email: a.email, password: 'A-New-Password-For-Pat-2026' })).login.__typename).toBe('AuthSession');
  });

  it('an admin deactivates an account with a reason (the person is signed out), then reactivates it', async () => {
    const a = await createAgent(s.t, { displayName: 'Lee Leaver' });
    const page = await s.ui.newPage();
    await signInByApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`/admin/users/${a.id}`);
    const account = page.getByRole('region', { name: 'Account' });
    await account.getByText('Status: Active').waitFor();
    await account.getByLabel('Reason for deactivating').fill('Left the team');
    await account.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText(/is deactivated: signed out everywhere/).waitFor();
    await account.getByText(/This account is deactivated/).waitFor();
    await screenshot(page, 'admin-user-deactivated');
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await s.t.gql.fail(LOGIN, { email: a.email, password: a.password }))).toBe('UNAUTHENTICATED');

    await account.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText(/can sign in again/).waitFor();
    await account.getByText('Status: Active').waitFor();
    expect((await s.t.gql.ok(LOGIN, { email: a.email, password: a.password })).login.__typename).toBe('AuthSession');
  });
});
