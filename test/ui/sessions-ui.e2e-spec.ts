import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';
import { screenshot, signIn, signInByApi } from '../support/browser';

/** Browser sessions in Chromium: the cookie across tabs, "Where you're signed in", the admin's "Sign out everywhere". */
describe('sessions in the pages (Chromium)', () => {
  const s = uiSuite();

  /** Everything a page script could read: web storage and document.cookie. */
  const readable = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as any;
      const dump = (s: any) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
      return `${dump(g.localStorage)}\n${dump(g.sessionStorage)}\n${g.document.cookie}`;
    });

  it('a second tab stays signed in; no token is readable by the page; signing out ends both', async () => {
    const a = await createAgent(s.t, { displayName: 'Tab Tester' });
    const first = await s.ui.newPage();
    await signIn(first, a.email, a.password);
    await first.waitForURL('**/settings');
    await first.getByRole('heading', { name: 'User settings' }).waitFor();
    const cookies = await first.context().cookies();
    const session = cookies.find((c) => c.name === 'session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await readable(first)).not.toContain(session.value);

    const second = await first.context().newPage();
    await second.goto('/settings');
    await second.getByRole('heading', { name: 'User settings' }).waitFor();
    expect(second.url()).toMatch(/\/settings$/);
    await second.goto('/');
    await second.waitForURL('**/settings');

    await first.getByRole('button', { name: 'Sign out', exact: true }).first().click();
    await first.waitForURL('**/login');
    expect((await first.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();
    await second.goto('/settings');
    await second.waitForURL('**/login?next=*');
  });

  it('"End all other sessions" (sign out all other sessions) ends a session open in another browser context', async () => {
    const a = await createAgent(s.t, { displayName: 'Two Browsers' });
    const office = await s.ui.newPage();
    await signIn(office, a.email, a.password);
    await office.waitForURL('**/settings');
    const home = await s.ui.newPage({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' });
    await signIn(home, a.email, a.password);
    await home.waitForURL('**/settings');

    await office.reload();
    const section = office.locator('#sessions');
    await section.getByText('This device', { exact: true }).waitFor();
    await section.getByText('Firefox 128 on Linux').waitFor();
    expect(await section.locator('li[data-session="current"]').count()).toBe(1);
    await screenshot(office, 'sessions-list');
    await section.getByRole('button', { name: 'End all other sessions' }).click();
    // createAgent's own sign-in (the API's) and the other browser.
    await section.getByText('2 other sessions are ended: they are signed out.').waitFor();
    await section.getByText('Firefox 128 on Linux').waitFor({ state: 'detached' });

    // The other browser's next request finds its session ended.
    await home.reload();
    await home.waitForURL('**/login?next=*');
    await office.reload();
    await office.getByRole('heading', { name: 'User settings' }).waitFor();
  });

  it('an admin signs a user out everywhere from the user page', async () => {
    const a = await createAgent(s.t, { displayName: 'Far Away' });
    const agentPage = await s.ui.newPage();
    await signIn(agentPage, a.email, a.password);
    await agentPage.waitForURL('**/settings');

    const admin = await s.ui.newPage();
    await signInByApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.goto(`/admin/users/${a.id}`);
    const section = admin.locator('section', { has: admin.getByRole('heading', { name: 'Sessions', exact: true }) });
    await section.getByRole('button', { name: 'Sign out everywhere' }).click();
    await admin.getByText(`${a.email} is signed out everywhere`).waitFor();
    await section.getByText('Not signed in anywhere.').waitFor();

    await agentPage.reload();
    await agentPage.waitForURL('**/login?next=*');
  });
});
