import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, dbTime } from '../support/create-app';
import { audit, auditContext, describeFindings, signIn, signInByApi, type AxeFinding, type ViewportName } from '../support/browser';
import { GqlClient } from '../support/gql';
import { CONFIRM_TOTP, CREATE_USER, DISABLE_TOTP, ENABLE_TOTP, LOGIN, ME, RESET_2FA, USER } from '../support/operations';
import { UPDATE_POLICY } from '../support/policy-operations';
import { REVOKE_USER_SESSIONS } from '../support/session-operations';
import { totpFor } from '../support/totp';
import { uiSuite } from '../support/ui-suite';

type Agent = Awaited<ReturnType<typeof createAgent>>;

/** Waits until focus is on the element whose text is `text` (a busy machine loads a page slowly: a generous wait). */
const focusedOn = (page: Page, text: string) =>
  page.waitForFunction((t) => ((globalThis as any).document.activeElement?.textContent ?? '').trim() === t, text, { timeout: 30_000 });

/** The text of the focused element (trimmed), or its tag when it has none. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return { tag: el?.tagName as string, text: ((el?.textContent ?? '') as string).trim(), id: el?.id as string };
  });

/**
 * Issue 15, the admin console: triage (counts that open the filtered list, badges in colour and
 * words, sortable columns, the list's state in the address, a table that fits its card, cards on a
 * phone) and recovery (row actions, a confirmation that names the person and lists what goes, no
 * reset offered where there is nothing to reset or on your own page, the server's sentence when it
 * refuses, and the agent told why they were signed out). Every view at 1366×768 and 390×844 with axe.
 */
describe('admin console: triage and recovery (Chromium)', () => {
  const s = uiSuite();
  let admin: GqlClient;
  let tom: Agent;
  let lara: Agent;
  let codi: Agent;
  let nina: Agent;
  const findings: AxeFinding[] = [];

  async function withTotp(a: Agent): Promise<string> {
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    return enableTotp.secret;
  }

  beforeAll(async () => {
    admin = await s.t.admin();
    // Enough accounts for two pages (20 a page), created first (so the named agents are the newest), never signed in.
    for (let i = 0; i < 24; i++) {
      await admin.ok(CREATE_USER, { input: { email: `filler${String(i).padStart(2, '0')}@example.com`, displayName: `Filler ${String(i).padStart(2, '0')}`, password: 'A-long-enough-secret-1' } });
    }
    tom = await createAgent(s.t, { displayName: 'Tom Totp' });
    lara = await createAgent(s.t, { displayName: 'Lara Locked' });
    codi = await createAgent(s.t, { displayName: 'Codi Codes' });
    nina = await createAgent(s.t, { displayName: 'Nina None' });
    await Promise.all([withTotp(tom), withTotp(lara), withTotp(codi)]);
    await s.t.db.query('UPDATE two_factor_settings SET locked_until = ? WHERE user_id = ?', [dbTime(new Date(Date.now() + 15 * 60_000)), lara.id]);
    // Eight codes used (the counts beside the set are kept by the service, so both here).
    await s.t.db.query('UPDATE backup_codes SET used_at = ? WHERE user_id = ? AND position < 8', [dbTime(new Date()), codi.id]);
    await s.t.db.query('UPDATE backup_code_sets SET remaining = 2 WHERE user_id = ?', [codi.id]);
    // Agents must use 2FA, with a grace period: Nina and the fillers are non-compliant, not yet overdue.
    await admin.ok(UPDATE_POLICY, { input: { requireTwoFactor: ['AGENT'], gracePeriodDays: 14 } });
  }, 180_000);

  afterAll(() => {
    // Every view audited above: no serious or critical axe finding.
    expect(describeFindings(findings)).toEqual([]);
  });

  /** A page signed in as the admin (each test then opens the admin page it is about). */
  async function adminPage(size: ViewportName = 'desktop'): Promise<Page> {
    const page = await s.ui.newPage(auditContext(size));
    page.setDefaultTimeout(20_000);
    await signInByApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    return page;
  }
  /** The settings page has finished loading (its last list, the activity, is there): nothing in flight when the admin acts. */
  const settled = async (page: Page) => {
    await page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('[aria-busy="true"]') && !/Loading…/.test((globalThis as any).document.querySelector('main').textContent));
  };
  const check = async (page: Page, view: string, size: ViewportName) => findings.push(...(await audit(page, `triage-${view}`, size)));
  const status = (page: Page) => page.locator('#users-status');
  const row = (page: Page, name: string) => page.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });

  it('the overview counts open the filtered list; badges say it in colour and words; the table fits its card at 1366 px', async () => {
    const page = await adminPage();
    await page.goto('/admin');
    await status(page).getByText(/users match/).waitFor();
    await row(page, 'Tom Totp').waitFor();
    // Newest first: the agent created last opens the list.
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Nina None');
    await check(page, 'admin-overview', 'desktop');

    // The table fits its card: "Last sign-in" is not behind a scrollbar.
    const fit = await page.evaluate(() => {
      const d = (globalThis as any).document;
      const wrap = d.querySelector('#users .table-wrap');
      const card = d.querySelector('#users').getBoundingClientRect();
      const last = [...d.querySelectorAll('#users th')].find((th: any) => th.textContent.includes('Last sign-in')).getBoundingClientRect();
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, lastRight: last.right, cardRight: card.right };
    });
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.lastRight).toBeLessThanOrEqual(fit.cardRight);

    // Badges: words and a colour that is not the plain one.
    const plain = await page.evaluate(() => {
      const b = (globalThis as any).document.createElement('span');
      b.className = 'badge';
      (globalThis as any).document.body.append(b);
      const c = (globalThis as any).getComputedStyle(b).backgroundColor;
      b.remove();
      return c;
    });
    const badge = async (name: string, text: string | RegExp) => {
      const el = row(page, name).locator('.badge', { hasText: text });
      await el.waitFor();
      return el.evaluate((b) => (globalThis as any).getComputedStyle(b).backgroundColor);
    };
    expect(await badge('Lara Locked', /^Locked until \d{1,2}:\d{2}/)).not.toBe(plain);
    expect(await badge('Codi Codes', '2 codes left')).not.toBe(plain);
    expect(await badge('Nina None', '2FA off')).not.toBe(plain);
    expect(await badge('Nina None', /^Non-compliant, due /)).not.toBe(plain);
    expect(await badge('Tom Totp', 'App')).not.toBe(plain);

    // Every count is a link to the list it counts; the list says "1 user", not "1 users".
    await page.getByRole('link', { name: '1 Locked now: show them' }).click();
    await page.waitForURL(/\/admin\?locked=true/);
    await status(page).getByText('1 user matches.', { exact: true }).waitFor();
    expect(await page.getByLabel('Locked', { exact: true }).inputValue()).toBe('true');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await row(page, 'Lara Locked').waitFor();
    expect((await focused(page)).text).toBe('Users');
    await check(page, 'admin-users-locked', 'desktop');

    await page.goto('/admin');
    await page.getByRole('link', { name: /^\d+ 2 or fewer backup codes: show them$/ }).click();
    await page.waitForURL(/backupCodesRemainingAtMost=2/);
    await row(page, 'Codi Codes').waitFor();
    expect(await page.getByLabel('Backup codes at most').inputValue()).toBe('2');
    await page.goto('/admin');
    await page.getByRole('link', { name: /^\d+ Two-factor on: show them$/ }).click();
    await status(page).getByText('3 users match.', { exact: true }).waitFor();
    await check(page, 'admin-users-filtered', 'desktop');
  }, 300_000);

  it('filters apply as you type; columns sort; filters, search, sort and page live in the address, so Back from a user returns to the same page', async () => {
    const page = await adminPage();
    await page.goto('/admin');
    await status(page).getByText(/users match/).waitFor();
    // Only the short sentence is live, never the table.
    expect(await page.locator('#users [aria-live], #users [role="status"]').evaluateAll((els) => els.map((e: any) => e.id))).toEqual(['users-status']);

    // Typing applies the search once typing pauses: no button, no Enter.
    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('filler', { delay: 30 });
    await status(page).getByText('24 users match. Showing 1–20.', { exact: true }).waitFor();
    await page.waitForURL(/search=filler/);

    // Sort by name: the header says how it is sorted, and keeps the focus.
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.waitForURL(/sort=name&dir=asc/);
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Filler 00');
    expect((await focused(page)).text).toMatch(/^Name/);
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.waitForURL(/sort=name&dir=desc/);
    // The address changes before the list is fetched again; the header is drawn with the new rows.
    await page.locator('th[aria-sort="descending"]', { hasText: 'Name' }).waitFor();
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Filler 23');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('name:desc');

    // Next page: focus on the count, not on <body>.
    await page.getByRole('button', { name: 'Next page' }).click();
    await status(page).getByText('24 users match. Showing 21–24.', { exact: true }).waitFor();
    await page.waitForURL(/page=2/);
    expect((await focused(page)).id).toBe('users-status');
    await check(page, 'admin-users-page-2', 'desktop');
    const listAddress = page.url();

    // Open a user on page 2, come back with Back: the same filtered, sorted page, focus on that user.
    await page.getByRole('link', { name: 'Filler 01', exact: true }).click();
    await focusedOn(page, 'Filler 01');
    await page.goBack();
    await status(page).getByText('24 users match. Showing 21–24.', { exact: true }).waitFor();
    expect(page.url()).toBe(listAddress);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('filler');
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.textContent === 'Filler 01');
    // The page's own "All users" link does the same.
    await page.getByRole('link', { name: 'Filler 02', exact: true }).click();
    await focusedOn(page, 'Filler 02');
    await page.getByRole('link', { name: '← All users' }).click();
    await status(page).getByText('24 users match. Showing 21–24.', { exact: true }).waitFor();
    expect(page.url()).toBe(listAddress);

    await page.getByRole('button', { name: 'Previous page' }).click();
    await status(page).getByText('24 users match. Showing 1–20.', { exact: true }).waitFor();
    expect((await focused(page)).id).toBe('users-status');
    // A reload keeps it all.
    await page.reload();
    await status(page).getByText('24 users match. Showing 1–20.', { exact: true }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('filler');
    await page.locator('th[aria-sort="descending"]', { hasText: 'Name' }).waitFor();

    // Selects apply at once; no match says so.
    await page.getByLabel('Method').selectOption('TOTP');
    await status(page).getByText('No users match these filters.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await status(page).getByText(/^\d+ users match\. Showing 1–20\.$/).waitFor();
    expect(page.url()).not.toMatch(/search=|method=/);
  }, 300_000);

  it('row actions: Unlock, and Reset 2FA with a confirmation that names the person and lists what goes', async () => {
    const page = await adminPage();
    await page.goto('/admin?search=a');
    await row(page, 'Lara Locked').waitFor();
    // Nothing to reset, or your own account: no reset offered.
    expect(await row(page, 'Nina None').getByRole('button', { name: /Reset/ }).count()).toBe(0);
    expect(await row(page, 'Administrator').getByRole('button', { name: /Reset/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Unlock Lara Locked' }).click();
    await page.getByText('Lara Locked can enter codes again: code checks are unlocked.').waitFor();
    expect((await focused(page)).text).toBe('Lara Locked can enter codes again: code checks are unlocked.');
    expect((await admin.ok(USER, { id: lara.id })).user!.security.lockedUntil).toBeNull();
    expect(await row(page, 'Lara Locked').locator('.badge', { hasText: 'Locked until' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Reset two-factor for Tom Totp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset two-factor for Tom Totp?' });
    await dialog.getByText('will sign in with their password').waitFor();
    const items = await dialog.locator('ul.removes li:visible').allTextContents();
    expect(items[0]).toMatch(/^The authenticator app \(on since /);
    expect(items.slice(1)).toEqual(['10 unused backup codes', '1 open session: signed out everywhere', 'Every trusted browser that skips the two-factor step']);
    await dialog.getByText('Tom Totp is emailed that an administrator reset their two-factor authentication; the email quotes your reason.').waitFor();
    expect((await focused(page)).text).toBe('Reset two-factor for Tom Totp?');
    await check(page, 'admin-reset-dialog', 'desktop');

    // The reason is required, and its error is tied to the field.
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    const reason = dialog.getByLabel('Reason');
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby'))!.split(' ');
    const error = dialog.locator('.field-error');
    expect(describedBy).toContain(await error.getAttribute('id'));
    await expect(error.textContent()).resolves.toMatch(/at least 3 characters/);
    expect((await focused(page)).tag).toBe('TEXTAREA');

    const mails = s.t.smtp.to(tom.email).length;
    await reason.fill('Lost phone; identity checked on a video call');
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    await dialog.waitFor({ state: 'detached' });
    const done = 'Two-factor authentication of Tom Totp is reset: every method is off, backup codes are void, sessions are ended and Tom Totp was emailed your reason.';
    await page.getByText(done).waitFor();
    expect((await focused(page)).text).toBe(done);
    expect(await row(page, 'Tom Totp').getByRole('button', { name: /Reset/ }).count()).toBe(0);
    await expect(row(page, 'Tom Totp').textContent()).resolves.toContain('2FA off');
    const mail = await s.t.smtp.waitFor(tom.email, (m) => /reset/i.test(m.subject), mails);
    expect(mail.text).toContain('Reason given: "Lost phone; identity checked on a video call"');
  }, 300_000);

  it('the user page: no reset on your own page nor where there is nothing to reset; a refusal is the server’s sentence; Unlock and Show more keep focus', async () => {
    const page = await adminPage();
    const me = (await admin.ok(ME)).me;
    await page.goto(`/admin/users/${me.id}`);
    await focusedOn(page, 'Administrator');
    const reset = page.getByRole('region', { name: 'Reset two-factor' });
    await reset.getByText('This is your own account: you cannot reset your own two-factor authentication here. If you lose your factors, ask another admin.').waitFor();
    expect(await page.getByRole('button', { name: /^Reset two-factor/ }).count()).toBe(0);
    await check(page, 'admin-user-own', 'desktop');

    await page.goto(`/admin/users/${nina.id}`);
    await focusedOn(page, 'Nina None');
    await reset.getByText('Nothing to reset: Nina None has no two-factor method on and no backup codes left.').waitFor();
    expect(await page.getByRole('button', { name: /^Reset two-factor/ }).count()).toBe(0);

    // The dialog was opened, then the agent turned their last method off: the server refuses, in its own words.
    const gone = await createAgent(s.t, { displayName: 'Gil Gone' });
    await withTotp(gone);
    await page.goto(`/admin/users/${gone.id}`);
    await focusedOn(page, 'Gil Gone');
    await page.getByRole('button', { name: 'Reset two-factor…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset two-factor for Gil Gone?' });
    await dialog.getByLabel('Reason').fill('Asked by phone');
    await gone.client.ok(DISABLE_TOTP);
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    await dialog.getByRole('alert').getByText('Gil Gone has no two-factor authentication to reset: no method is on and no backup codes are left.').waitFor();
    expect(await dialog.getByText('You do not have permission').count()).toBe(0);
    await check(page, 'admin-reset-refused', 'desktop');
    // Nothing is left to reset: the dialog offers only a way out, and the page shows the account as it is now.
    expect(await dialog.getByRole('button', { name: 'Reset two-factor' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await focusedOn(page, 'Nothing to reset: Gil Gone has no two-factor method on and no backup codes left.');

    // Unlock on the user page: focus on the outcome.
    await s.t.db.query('UPDATE two_factor_settings SET locked_until = ? WHERE user_id = ?', [dbTime(new Date(Date.now() + 10 * 60_000)), codi.id]);
    await page.goto(`/admin/users/${codi.id}`);
    await focusedOn(page, 'Codi Codes');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('Codi Codes can enter codes again: code checks are unlocked.').waitFor();
    expect((await focused(page)).text).toBe('Codi Codes can enter codes again: code checks are unlocked.');
    await check(page, 'admin-user', 'desktop');

    // Show more: focus on the first event it added.
    for (let i = 0; i < 22; i++) await s.t.gql.ok(LOGIN, { email: nina.email, password: nina.password });
    await page.goto(`/admin/users/${nina.id}`);
    await focusedOn(page, 'Nina None');
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(() => {
      const el = (globalThis as any).document.activeElement;
      return el?.tagName === 'TR' && [...el.parentElement.children].indexOf(el) === 20;
    });
  }, 300_000);

  it('an agent signed out by an admin is told why on the sign-in page', async () => {
    const b = await createAgent(s.t, { displayName: 'Bea Bounced' });
    const agent = await s.ui.newPage(auditContext('desktop'));
    await signIn(agent, b.email, b.password);
    await agent.waitForURL('**/settings');
    await settled(agent);
    await admin.ok(REVOKE_USER_SESSIONS, { userId: b.id });
    // The page was open: its next request finds the session ended, and the sign-in page says why.
    await agent.getByRole('link', { name: 'Settings' }).click();
    await agent.waitForURL('**/login?next=*');
    await agent.getByRole('status').getByText('An administrator signed you out everywhere. Sign in again to continue.').waitFor();
    await check(agent, 'login-signed-out-by-admin', 'desktop');

    // A reload after an admin reset: the reset's sentence.
    const c = await createAgent(s.t, { displayName: 'Cy Cleared' });
    const secret = await withTotp(c);
    const phone = await s.ui.newPage(auditContext('phone'));
    await signIn(phone, c.email, c.password);
    await focusedOn(phone, 'Two-factor authentication');
    await phone.getByLabel('Code from your authenticator app').fill(totpFor(secret, Date.now() + 30_000));
    await phone.getByRole('button', { name: 'Verify' }).click();
    await phone.waitForURL('**/settings');
    await settled(phone);
    await (await s.t.admin()).ok(RESET_2FA, { userId: c.id, reason: 'Lost phone' });
    await phone.reload();
    await phone.waitForURL('**/login?next=*');
    await phone.getByRole('status').getByText('An administrator reset your two-factor authentication and signed you out everywhere. Sign in with your password, then set up two-factor authentication again.').waitFor();
    await check(phone, 'login-signed-out-by-admin', 'phone');
  }, 300_000);

  it('on a phone the users table is a list of cards, nothing scrolls sideways, and the dialog fits', async () => {
    const page = await adminPage('phone');
    await page.goto('/admin?search=codi');
    await row(page, 'Codi Codes').waitFor();
    const layout = await page.evaluate(() => {
      const d = (globalThis as any).document;
      const tr = d.querySelector('#users tbody tr');
      const td = [...tr.querySelectorAll('td')].find((c: any) => c.dataset.label === 'Last sign-in');
      return {
        pageScroll: d.documentElement.scrollWidth,
        width: (globalThis as any).innerWidth,
        rowDisplay: (globalThis as any).getComputedStyle(tr).display,
        label: (globalThis as any).getComputedStyle(td, '::before').content,
        headVisible: d.querySelector('#users thead').getBoundingClientRect().height > 1,
      };
    });
    expect(layout.pageScroll).toBeLessThanOrEqual(layout.width);
    expect(layout.rowDisplay).toBe('block');
    expect(layout.label).toBe('"Last sign-in"');
    expect(layout.headVisible).toBe(false);
    // Sorting stays possible without the header: the "Sort by" field.
    await page.getByLabel('Sort by').selectOption('lastSignIn:desc');
    await page.waitForURL(/sort=lastSignIn&dir=desc/);
    await check(page, 'admin-overview', 'phone');

    await page.getByRole('button', { name: 'Reset two-factor for Codi Codes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset two-factor for Codi Codes?' });
    await dialog.getByText('2 unused backup codes').waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await check(page, 'admin-reset-dialog', 'phone');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('link', { name: 'Codi Codes', exact: true }).click();
    await focusedOn(page, 'Codi Codes');
    await check(page, 'admin-user', 'phone');
    const me = (await admin.ok(ME)).me;
    await page.goto(`/admin/users/${me.id}`);
    await focusedOn(page, 'Administrator');
    await check(page, 'admin-user-own', 'phone');

    // The other states at phone size: a count's filtered list, a second page, a refused reset.
    await page.goto('/admin');
    await page.getByRole('link', { name: /^\d+ Two-factor on: show them$/ }).click();
    await page.waitForURL(/twoFactorEnabled=true/);
    await status(page).getByText(/users? match/).waitFor();
    await check(page, 'admin-users-filtered', 'phone');
    await page.goto('/admin?search=filler&sort=name&dir=desc');
    await page.getByRole('button', { name: 'Next page' }).click();
    await status(page).getByText('24 users match. Showing 21–24.', { exact: true }).waitFor();
    expect((await focused(page)).id).toBe('users-status');
    await check(page, 'admin-users-page-2', 'phone');
    const gone = await createAgent(s.t, { displayName: 'Pia Phone' });
    await withTotp(gone);
    await page.goto(`/admin/users/${gone.id}`);
    await focusedOn(page, 'Pia Phone');
    await page.getByRole('button', { name: 'Reset two-factor…' }).click();
    const refused = page.getByRole('dialog', { name: 'Reset two-factor for Pia Phone?' });
    await refused.getByLabel('Reason').fill('Asked by phone');
    await gone.client.ok(DISABLE_TOTP);
    await refused.getByRole('button', { name: 'Reset two-factor' }).click();
    await refused.getByRole('alert').getByText('Pia Phone has no two-factor authentication to reset: no method is on and no backup codes are left.').waitFor();
    await check(page, 'admin-reset-refused', 'phone');
  }, 300_000);
  it('Add user and Security policy: a refusal about a field is shown at that field, which gets the focus', async () => {
    for (const size of ['desktop', 'phone'] as ViewportName[]) {
      const page = await adminPage(size);
      await page.goto('/admin/users/new');
      await focusedOn(page, 'Add user');
      await page.getByLabel('Email', { exact: true }).fill(tom.email.toUpperCase());
      await page.getByLabel('Display name').fill('Tom Again');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      const email = page.getByLabel('Email', { exact: true });
      await page.getByText('A user with this email already exists.').waitFor();
      await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
      const errorId = await page.locator('.field-error').getAttribute('id');
      expect((await email.getAttribute('aria-describedby'))!.split(' ')).toContain(errorId);
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.name === 'email');
      await check(page, 'add-user-email-taken', size);

      await page.goto('/admin/policy');
      await focusedOn(page, 'Security policy');
      const grace = page.getByLabel('Grace period (days)');
      await grace.fill('200');
      for (const box of await page.getByRole('group', { name: 'Allowed methods' }).getByRole('checkbox').all()) await box.uncheck();
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('Enter a whole number from 0 to 90.').waitFor();
      await expect(grace.getAttribute('aria-invalid')).resolves.toBe('true');
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.name === 'gracePeriodDays');
      const group = page.getByRole('group', { name: 'Allowed methods' });
      await group.getByText('Allow at least one method: email codes, the authenticator app, or passkeys and security keys.').waitFor();
      await page.getByRole('region', { name: 'What saving changes' }).getByText('Enter a whole number from 0 to 90 in “Grace period (days)” to see what saving changes.').waitFor();
      await check(page, 'policy-field-errors', size);
      // Nothing was saved.
      await page.reload();
      await expect(page.getByLabel('Grace period (days)').inputValue()).resolves.toBe('14');
    }
  }, 300_000);
});
