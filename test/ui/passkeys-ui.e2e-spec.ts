import type { Page } from 'playwright-core';
import { createAgent, dbTime } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';
import { addVirtualAuthenticator, focusedOn, screenshot, signIn } from '../support/browser';

/**
 * Passkeys and security keys in Chromium, with its virtual authenticator (CDP) standing in for a
 * laptop's fingerprint reader: the real browser ceremonies against the real service. The pages
 * are served from http://localhost:<port>, the app's WEB_APP_URL (WebAuthn refuses IP origins;
 * the service takes its relying party and origin from WEB_APP_URL).
 *
 * One agent, in order: adds a passkey in User settings, signs in with it alone, uses it as the
 * second step after the password, renames it and removes it (confirming with the passkey itself).
 */
describe('passkeys and security keys (Chromium virtual authenticator)', () => {
  const s = uiSuite({}, { localhost: true });

  const SECURITY = `query { me { security {
    twoFactorEnabled webauthn { enabled } webauthnCredentials { id name passkey lastUsedAt } backupCodes { total remaining }
  } } }`;
  /** Nothing of a ceremony (options, responses, login tokens) may stay in script-readable storage. */
  const storage = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as any;
      const dump = (st: any) => Object.fromEntries(Object.keys(st).map((k) => [k, st.getItem(k)]));
      return { local: dump(g.localStorage), session: dump(g.sessionStorage) };
    });
  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/login');
  };

  let agent: Awaited<ReturnType<typeof createAgent>>;
  let page: Page;
  let authenticator: Awaited<ReturnType<typeof addVirtualAuthenticator>>;
  let backupCodes: string[];

  it('an agent adds a passkey in User settings: a name, the browser prompt, the backup codes, then the list shows it', async () => {
    agent = await createAgent(s.t, { displayName: 'Petra Passkey' });
    page = await s.ui.newPage();
    authenticator = await addVirtualAuthenticator(page);
    await signIn(page, agent.email, agent.password);
    await page.waitForURL('**/settings');

    const section = page.locator('#two-factor');
    await section.getByRole('heading', { name: /Passkeys and security keys/ }).waitFor();
    await section.getByRole('button', { name: 'Add a passkey or security key' }).click();
    await focusedOn(page, 'Add a passkey or security key');

    // No name: the error is on the field, tied to it, and no ceremony ran.
    await section.getByRole('button', { name: 'Continue' }).click();
    const name = section.getByLabel('Name', { exact: true });
    await page.getByText('Enter a name, for example “Work laptop”.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[describedBy.length - 1]}"]`).textContent()).toBe('Enter a name, for example “Work laptop”.');
    expect(await authenticator.credentials()).toEqual([]);
    await screenshot(page, 'passkey-add-name');

    await name.fill('Work laptop');
    await section.getByRole('button', { name: 'Continue' }).click();
    await focusedOn(page, 'Save your backup codes');
    await section.getByText('“Work laptop” is added: you can use it to sign in.', { exact: false }).waitFor();
    backupCodes = (await section.locator('ul.codes li').allTextContents()).map((c) => c.trim());
    expect(backupCodes).toHaveLength(10);
    await screenshot(page, 'passkey-added-backup-codes');

    // The authenticator holds a discoverable credential for the RP `localhost`…
    const held = await authenticator.credentials();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    // …and the service stored it as a passkey, turned the method on and made the codes.
    const { me } = await agent.client.ok(SECURITY);
    expect(me.security).toMatchObject({
      twoFactorEnabled: true,
      webauthn: { enabled: true },
      webauthnCredentials: [{ name: 'Work laptop', passkey: true, lastUsedAt: null }],
      backupCodes: { total: 10, remaining: 10 },
    });

    await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /Download/ }).click()]);
    await section.getByRole('button', { name: 'I saved my codes' }).click();
    await focusedOn(page, 'Two-factor authentication');
    const row = section.locator('li.credential-row');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.credential-name').textContent()).toBe('Work laptop');
    expect(await row.locator('.badge').textContent()).toBe('Passkey');
    await row.getByText('last used never', { exact: false }).waitFor();
    expect(await section.getByRole('heading', { name: /Passkeys and security keys/ }).textContent()).toContain('On');
    expect(await storage(page)).toEqual({ local: {}, session: {} });
    await screenshot(page, 'passkey-settings-list');
  });

  it('signs out, then "Sign in with a passkey" signs in without email or password', async () => {
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.getByText('Signed in as Petra Passkey', { exact: false }).waitFor();
    // This session was opened by the passkey alone, and the passkey's use is recorded.
    await page.locator('#sessions [data-session="current"]').getByText('with passkey', { exact: false }).waitFor();
    await page.locator('#two-factor li.credential-row').getByText(/last used (?!never)/).waitFor();
    const { me } = await agent.client.ok(SECURITY);
    expect(me.security.webauthnCredentials[0].lastUsedAt).not.toBeNull();
    expect(await storage(page)).toEqual({ local: {}, session: {} });

    // A browser without a passkey of the account: a calm note, no error, still on the login page.
    const other = await s.ui.newPage();
    const empty = await addVirtualAuthenticator(other);
    await other.goto('/login');
    await other.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const note = other.getByRole('status').filter({ hasText: 'No passkey was used' });
    await note.waitFor();
    expect(await other.getByRole('alert').count()).toBe(0);
    expect(await note.textContent()).not.toMatch(/NotAllowedError|WebAuthn|DOMException/);
    expect(other.url()).toMatch(/\/login$/);
    expect(await empty.credentials()).toEqual([]);
    await screenshot(other, 'passkey-login-cancelled');
  });

  it('password, then "Use a passkey or security key" on the two-factor step signs in', async () => {
    await signOut(page);
    await signIn(page, agent.email, agent.password);
    await focusedOn(page, 'Two-factor authentication');
    // The passkey is offered first; backup codes stay a way out.
    expect(await page.getByLabel('Passkey or security key').isChecked()).toBe(true);
    await page.getByLabel('Backup code').waitFor();
    await screenshot(page, 'passkey-2fa-step');
    const before = (await authenticator.credentials())[0].signCount;
    await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
    await page.waitForURL('**/settings');
    await focusedOn(page, 'User settings');
    await page.locator('#sessions [data-session="current"]').getByText('with password and second factor', { exact: false }).waitFor();
    // The authenticator signed once more (the service checks the counter moves forward).
    expect((await authenticator.credentials())[0].signCount).toBeGreaterThan(before);
    const { me } = await agent.client.ok(SECURITY);
    expect(me.security.backupCodes.remaining).toBe(10); // no backup code spent
  });

  it('renames the passkey, then removes it after confirming with it: 2FA is off, the backup codes void, the passkey signs in no more', async () => {
    const section = page.locator('#two-factor');
    await section.getByRole('button', { name: 'Rename Work laptop' }).click();
    const field = section.getByLabel('New name for “Work laptop”');
    expect(await field.inputValue()).toBe('Work laptop');
    await field.fill('   ');
    await section.getByRole('button', { name: 'Save name' }).click();
    await section.getByText('Enter a name, for example “Work laptop”.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('Office fingerprint');
    await section.getByRole('button', { name: 'Save name' }).click();
    await focusedOn(page, '“Work laptop” is renamed to “Office fingerprint”.');
    expect(await section.locator('li.credential-row .credential-name').allTextContents()).toEqual(['Office fingerprint']);
    expect((await agent.client.ok(SECURITY)).me.security.webauthnCredentials.map((c: { name: string }) => c.name)).toEqual(['Office fingerprint']);

    // Ten minutes later: removing needs a fresh confirmation, which the passkey itself gives.
    await s.t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), agent.id]);
    await section.getByRole('button', { name: 'Remove Office fingerprint' }).click();
    await focusedOn(page, 'Remove “Office fingerprint”?');
    await section.getByText('This is your last method', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Remove Office fingerprint' }).click();
    const dialog = page.getByRole('dialog', { name: /Confirm it.s you/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Use a passkey or a verification code instead' }).click();
    expect(await dialog.getByLabel('Passkey or security key').isChecked()).toBe(true);
    await screenshot(page, 'passkey-reauth');
    await dialog.getByRole('button', { name: 'Use a passkey or security key' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByText('“Office fingerprint” is removed. Two-factor authentication is off and your backup codes no longer work.').waitFor();
    expect(await section.locator('li.credential-row').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'View backup codes' }).count()).toBe(0);
    await screenshot(page, 'passkey-removed');

    const { me } = await agent.client.ok(SECURITY);
    expect(me.security).toMatchObject({ twoFactorEnabled: false, webauthn: { enabled: false }, webauthnCredentials: [], backupCodes: { remaining: 0 } });
    const events = await agent.client.ok(`{ mySecurityEvents(first: 20) { edges { node { type } } } }`);
    const types = events.mySecurityEvents.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types).toEqual(expect.arrayContaining(['WEBAUTHN_ADDED', 'PASSKEY_LOGIN', 'WEBAUTHN_REMOVED']));

    // The browser still holds the passkey, but the account no longer accepts it.
    expect(await authenticator.credentials()).toHaveLength(1);
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('alert').filter({ hasText: 'That passkey or security key was not accepted' }).waitFor();
    expect(page.url()).toMatch(/\/login$/);
    // With 2FA off, the password alone signs in: no challenge would take the old backup codes.
    await signIn(page, agent.email, agent.password);
    await page.waitForURL('**/settings');
  });

  it('a browser without WebAuthn: no passkey button on the login page, and User settings says why instead of offering one', async () => {
    const a = await createAgent(s.t, { displayName: 'Olga Oldbrowser' });
    const old = await s.ui.newPage();
    await old.addInitScript(() => {
      delete (globalThis as any).PublicKeyCredential;
    });
    await old.goto('/login');
    await focusedOn(old, 'Sign in');
    expect(await old.getByRole('button', { name: 'Sign in with a passkey' }).count()).toBe(0);
    await signIn(old, a.email, a.password);
    await old.waitForURL('**/settings');
    const section = old.locator('#two-factor');
    await section.getByText('This browser cannot use passkeys or security keys.', { exact: false }).waitFor();
    expect(await section.getByRole('button', { name: 'Add a passkey or security key' }).count()).toBe(0);
    await section.getByRole('button', { name: 'Set up authenticator app' }).waitFor(); // the other methods stay
  });
});
