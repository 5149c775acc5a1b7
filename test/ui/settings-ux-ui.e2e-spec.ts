import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createAgent, dbTime, freePort } from '../support/create-app';
import { axeFindings, describeFindings, focusedOn, screenshot, signIn } from '../support/browser';
import { startIdp, TestIdp } from '../support/oidc';
import { CONFIGURE_SSO_PROVIDER } from '../support/sso-operations';
import { totpFor } from '../support/totp';
import { uiSuite } from '../support/ui-suite';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * Issue 15, Profile > User Setting in Chromium: setting up the authenticator app on the phone
 * itself, the backup-code hand-off (Download / Print / Copy, then "I saved my codes"), the setup
 * key as text, busy buttons, field errors on their fields, the activity list following each
 * change, plain IPv4 addresses, SSO providers by name and the API's sentence for one that cannot
 * be reached. Every state is photographed at 1366×768 and 390×844.
 */
describe('User Setting: set-up, hand-off and activity (Chromium)', () => {
  const s = uiSuite();
  let idp: TestIdp;
  beforeAll(async () => {
    idp = await startIdp();
  }, 60_000);
  afterAll(async () => {
    await idp?.stop();
  });

  /**
   * The state at both sizes: `<name>.png` (desktop) and `<name>-phone.png`, each checked by axe
   * (no serious or critical finding). Pages checked by axe are opened with `bypassCSP` (axe is
   * injected as a script string, which the pages' CSP refuses).
   */
  async function shots(page: Page, name: string) {
    const was = page.viewportSize();
    const findings = [];
    for (const [size, suffix] of [[DESKTOP, ''], [PHONE, '-phone']] as const) {
      await page.setViewportSize(size);
      await screenshot(page, `${name}${suffix}`);
      findings.push(...(await axeFindings(page, `${name}${suffix}`)));
    }
    if (was) await page.setViewportSize(was);
    expect(describeFindings(findings)).toEqual([]);
  }
  const audited = { bypassCSP: true };
  /** A value in the activity list (by text: on a phone the table may be laid out as cards). */
  const activityCell = (page: Page, text: string) => page.getByRole('region', { name: 'Recent security activity' }).getByText(text, { exact: true });
  /** Focus on the element with this id (a field), not on the page. */
  const focusedId = (page: Page, id: string) =>
    page.waitForFunction((x) => (globalThis as any).document.activeElement?.id === x, id, { timeout: 5000 });
  /** The text of the elements an input's aria-describedby names. */
  const describedBy = (page: Page, label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((el: any) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? ''));

  it('authenticator app on a phone: "Open in authenticator app", the key as text, a busy Set up, the wrong code on its field; then the hand-off', async () => {
    const a = await createAgent(s.t, { displayName: 'Phoebe Phone' });
    const page = await s.ui.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, ...audited });
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await activityCell(page, 'Signed in').first().waitFor();

    // Set up waits for the server: busy, and a second press sends nothing more.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let enableRequests = 0;
    await page.route('**/graphql', async (route) => {
      if (/mutation EnableTotp\b/.test(route.request().postData() ?? '')) {
        enableRequests++;
        await held;
      }
      await route.fallback();
    });
    const setUp = page.getByRole('button', { name: 'Set up authenticator app' });
    await setUp.click();
    await page.locator('button[aria-label="Set up authenticator app"][aria-busy="true"][aria-disabled="true"]').waitFor();
    await setUp.click({ force: true });
    await shots(page, 'settings-ux-busy-set-up');
    release();
    await focusedOn(page, 'Set up an authenticator app');
    await page.unroute('**/graphql');
    expect(enableRequests).toBe(1);

    // On the phone itself: the otpauth:// link hands the account to the app.
    const secret = (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
    const open = page.getByRole('link', { name: 'Open in authenticator app' });
    const href = (await open.getAttribute('href'))!;
    expect(href).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(href).searchParams.get('secret')).toBe(secret);
    expect(await open.isVisible()).toBe(true);
    // The key is text, also spelled out (an aria-label on <code> is not read by screen readers).
    expect(await page.locator('code.secret').getAttribute('aria-label')).toBeNull();
    const spelled = secret.match(/.{1,4}/g)!.map((g) => g.split('').join(' ')).join(', ');
    expect((await page.locator('.setup-key').textContent())!).toContain(`letter by letter: ${spelled}`);
    await shots(page, 'settings-ux-totp-setup');

    // A wrong code is the field's error: aria-invalid, described by the message, focused.
    await page.getByLabel('6-digit code from the app').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    const code = page.getByLabel('6-digit code from the app');
    await page.locator('input[name="code"][aria-invalid="true"]').waitFor();
    expect(await describedBy(page, '6-digit code from the app')).toContain('That code is not right. Check it and try again.');
    await focusedId(page, (await code.getAttribute('id'))!);
    await shots(page, 'settings-ux-totp-wrong-code');

    await code.fill(totpFor(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await focusedOn(page, 'Save your backup codes');

    // The hand-off: whose codes and from when, on screen; "I saved my codes" only after saving them.
    const sheet = page.locator('.codes-sheet');
    expect(await sheet.locator('dd').first().textContent()).toBe(a.email);
    const time = sheet.locator('time');
    const when = (await time.textContent())!;
    expect(Math.abs(Date.parse((await time.getAttribute('datetime'))!) - Date.now())).toBeLessThan(5 * 60_000);
    const saved = page.getByRole('button', { name: 'I saved my codes' });
    expect(await saved.isDisabled()).toBe(true);
    expect((await saved.evaluate((el: any) => el.ownerDocument.getElementById(el.getAttribute('aria-describedby'))?.textContent))).toMatch(/^First download, print or copy them/);
    await shots(page, 'settings-ux-backup-handoff');

    // Leaving before that asks first (here: declined, so the codes stay on screen).
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.locator('#nav').getByRole('button', { name: 'Sign out' }).click();
    expect(asked).toMatch(/backup codes are not saved yet/);
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.getByRole('heading', { name: 'Save your backup codes' }).waitFor();

    // Print prints the sheet alone: the account, the date, the codes.
    await page.evaluate(() => {
      (globalThis as any).print = () => {
        (globalThis as any).printed = ((globalThis as any).printed ?? 0) + 1;
      };
    });
    await page.getByRole('button', { name: 'Print the backup codes' }).click();
    expect(await page.evaluate(() => (globalThis as any).printed)).toBe(1);
    expect(await saved.isEnabled()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'User settings' }).isVisible()).toBe(false);
    expect(await page.locator('#nav').isVisible()).toBe(false);
    expect(await saved.isVisible()).toBe(false);
    expect(await sheet.getByText('CloudCX backup codes').isVisible()).toBe(true);
    expect(await sheet.locator('ul.codes').isVisible()).toBe(true);
    await shots(page, 'settings-ux-backup-print');
    await page.emulateMedia({ media: 'screen' });

    // The file names the account and the date, then the codes.
    const codes = (await sheet.locator('ul.codes li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the backup codes as a text file' }).click()]);
    const file = readFileSync((await download.path())!, 'utf8').split('\n');
    expect(file.slice(0, 3)).toEqual(['CloudCX backup codes', `Account: ${a.email}`, `Generated: ${when}`]);
    expect(file.filter((l) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(l))).toEqual(codes);

    await saved.click();
    await focusedOn(page, 'Two-factor authentication');
    await page.getByRole('status').filter({ hasText: 'The authenticator app is on.' }).waitFor();
    // The activity list shows the change without a reload.
    await activityCell(page, 'Authenticator app turned on').waitFor();
    await shots(page, 'settings-ux-backup-saved');

    // New codes: the same hand-off; Copy counts as saving them, and carries the account too.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Generate new codes' }).click();
    await focusedOn(page, 'Generate new backup codes?');
    await page.getByRole('button', { name: 'Generate new codes' }).click();
    await focusedOn(page, 'Your new backup codes');
    expect(await saved.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Copy the backup codes' }).click();
    await page.getByText('The backup codes are copied.').waitFor();
    const copied = (await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())) as string;
    expect(copied.split('\n').slice(0, 2)).toEqual(['CloudCX backup codes', `Account: ${a.email}`]);
    await saved.click();
    await page.getByRole('status').filter({ hasText: 'You have new backup codes; the old ones no longer work.' }).waitFor();
    await activityCell(page, 'New backup codes generated').waitFor();

    // Turning the method off shows up in the activity at once too.
    await page.getByRole('button', { name: 'Turn off authenticator app' }).click();
    await page.getByRole('button', { name: 'Turn off', exact: true }).click();
    await page.getByText('The authenticator app is off.').waitFor();
    await activityCell(page, 'Authenticator app turned off').waitFor();
  }, 300_000);

  it('an address seen as ::ffff:203.0.113.5 is 203.0.113.5 in sessions and activity, old rows included; SSO events name the provider', async () => {
    const a = await createAgent(s.t, { displayName: 'Ivy Ipv4' });
    // An event and a session of before the change, as they were stored.
    const providerId = randomUUID();
    await s.t.db.query('INSERT INTO security_events (id, user_id, type, actor_id, ip, user_agent, detail, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)', [
      randomUUID(), a.id, 'SSO_LINKED', '::ffff:198.51.100.7', 'Old Browser/1.0', `Contoso Google (${providerId})`, dbTime(new Date(Date.now() - 60_000)),
    ]);
    await s.t.db.query('UPDATE sessions SET ip = ? WHERE user_id = ?', ['::ffff:198.51.100.8', a.id]);

    const page = await s.ui.newPage({ ...audited, viewport: DESKTOP, extraHTTPHeaders: { 'x-forwarded-for': '::ffff:203.0.113.5' } });
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    const sessions = page.locator('#sessions');
    await sessions.getByText(/^203\.0\.113\.5 · last active now/).waitFor();
    await sessions.getByText(/^198\.51\.100\.8 · last active/).waitFor();
    await activityCell(page, 'Signed in').first().waitFor();
    await activityCell(page, '203.0.113.5').first().waitFor();
    await activityCell(page, '198.51.100.7').waitFor();
    await activityCell(page, 'Contoso Google').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('::ffff:');
    expect(await page.locator('main').textContent()).not.toContain(providerId);
    await shots(page, 'settings-ux-plain-addresses');
  }, 180_000);

  it('SSO: Disconnect focuses its status and the activity names the provider; Connect to an unreachable provider gives the API’s sentence', async () => {
    const admin = await s.t.admin();
    const clientId = `client-${randomBytes(4).toString('hex')}`;
    const displayName = `Google ${randomBytes(2).toString('hex')}`;
    const { configureSsoProvider: p } = await admin.ok(CONFIGURE_SSO_PROVIDER, {
      input: { kind: 'GOOGLE', displayName, issuer: idp.google, clientId, clientSecret: `secret-${randomBytes(8).toString('hex')}`, requireTwoFactor: false },
    });
    const a = await createAgent(s.t, { displayName: 'Sam Sso' });
    // Linked as the callback would (the round trip itself is the SSO suite's).
    await s.t.db.query('INSERT INTO sso_identities (id, provider_id, user_id, subject, email, email_verified, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      randomUUID(), p.id, a.id, `sub-${randomBytes(4).toString('hex')}`, 'sam@gmail.test', 1, dbTime(new Date()),
    ]);

    const page = await s.ui.newPage({ viewport: DESKTOP, ...audited });
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await activityCell(page, 'Signed in').first().waitFor();
    await page.getByRole('button', { name: `Disconnect ${displayName}` }).click();
    await focusedOn(page, `${displayName} is disconnected.`);
    await activityCell(page, 'Single sign-on disconnected').waitFor();
    await activityCell(page, displayName).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(p.id);

    // The provider stops answering (its discovery is fetched afresh for the new address).
    await s.t.db.query('UPDATE sso_providers SET issuer = ? WHERE id = ?', [`http://127.0.0.1:${await freePort()}`, p.id]);
    await page.getByRole('button', { name: `Connect ${displayName}` }).click();
    const alert = page.locator('#sso').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The sign-in provider cannot be reached; try again shortly.');
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.locator('#sso').scrollIntoViewIfNeeded();
    await shots(page, 'settings-ux-sso-unreachable');
  }, 180_000);

  it('change password: each problem on its field (aria-invalid, aria-describedby, focus); done, the status has the focus and the activity shows it', async () => {
    const a = await createAgent(s.t, { displayName: 'Paula Fields' });
    const page = await s.ui.newPage({ viewport: DESKTOP, ...audited });
    await signIn(page, a.email, a.password);
    await page.waitForURL('**/settings');
    await activityCell(page, 'Signed in').first().waitFor();
    const section = page.getByRole('region', { name: 'Password' });
    await section.getByLabel('Current password').fill(a.password);
    await section.getByLabel('New password', { exact: true }).fill('A-New-Password-For-Paula-2026');
    await section.getByLabel('New password again').fill('Something-Else-2026');
    await section.getByRole('button', { name: 'Change password' }).click();
    const again = section.getByLabel('New password again');
    await section.locator('input[name="newPasswordAgain"][aria-invalid="true"]').waitFor();
    expect(await describedBy(page, 'New password again')).toEqual(['The two new passwords are not the same.']);
    await focusedId(page, (await again.getAttribute('id'))!);
    expect(await section.getByRole('alert').count()).toBe(0); // not a message at the top of the card
    await section.scrollIntoViewIfNeeded();
    await shots(page, 'settings-ux-password-mismatch');

    await section.getByLabel('Current password').fill('not-my-password');
    await again.fill('A-New-Password-For-Paula-2026');
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.locator('input[name="currentPassword"][aria-invalid="true"]').waitFor();
    expect(await describedBy(page, 'Current password')).toEqual(['Your current password is not right.']);
    expect(await again.getAttribute('aria-invalid')).toBeNull();
    await focusedId(page, (await section.getByLabel('Current password').getAttribute('id'))!);
    await shots(page, 'settings-ux-password-wrong-current');

    await section.getByLabel('Current password').fill(a.password);
    await section.getByRole('button', { name: 'Change password' }).click();
    await focusedOn(page, 'Your password is changed. Every other device was signed out.');
    expect(await section.locator('[aria-invalid]').count()).toBe(0);
    await activityCell(page, 'Password changed').waitFor();
  }, 180_000);
});
