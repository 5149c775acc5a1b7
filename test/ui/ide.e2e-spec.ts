import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent } from '../support/create-app';
import { screenshot, signIn, signInByApi } from '../support/browser';
import { uiSuite } from '../support/ui-suite';

/**
 * The offline GraphQL IDE (/graphql in a browser), issue 15: a development tool for admins only
 * (the nav offers it to admins, the page opens for admins; with NODE_ENV=production the server
 * does not serve it: src/web/web.module.spec.ts). It must not keep what was typed into Variables
 * (passwords, codes), Headers (bearer tokens) or inline in the query in localStorage or
 * sessionStorage, and it shows no session token in clear.
 */
describe('GraphQL IDE (Chromium)', () => {
  const s = uiSuite();

  /** Everything both storages hold for the page's origin, as one string. */
  const storage = (page: Page) =>
    page.evaluate(() => {
      const dump = (s: any) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]));
      const g = globalThis as any;
      return JSON.stringify({ local: dump(g.localStorage), session: dump(g.sessionStorage) });
    });

  async function adminIde(): Promise<Page> {
    const page = await s.ui.newPage();
    await signInByApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/graphql');
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
    return page;
  }

  const QUERY = 'mutation Confirm($password: String!) { reauthenticate(password: $password) }';

  it('only admins have it in the nav and can open it; agents and visitors are told it is for administrators', async () => {
    const agent = await createAgent(s.t);
    const page = await s.ui.newPage();
    await page.goto('/graphql');
    await page.getByRole('heading', { name: 'The GraphQL IDE is for administrators' }).waitFor();
    await page.getByText('Sign in with an administrator account first.').waitFor();
    expect(await page.getByLabel('Query').count()).toBe(0);

    await signIn(page, agent.email, agent.password);
    await page.waitForURL('**/settings');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).waitFor();
    expect(await page.getByRole('link', { name: 'GraphQL IDE' }).count()).toBe(0); // was in every agent's nav
    await page.goto('/graphql');
    await page.getByRole('heading', { name: 'The GraphQL IDE is for administrators' }).waitFor();
    await page.getByText('your account is not one').waitFor();
    expect(await page.getByLabel('Query').count()).toBe(0);

    const admin = await adminIde();
    await admin.goto('/settings');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'GraphQL IDE' }).waitFor();
  });

  it('typed variables, headers and inline values are used for the request but never stored; the query text is kept', async () => {
    const headerSecret = `hdr-${randomBytes(8).toString('hex')}`;
    const page = await adminIde();

    await page.getByLabel('Query').fill(QUERY);
    await page.getByLabel('Variables (JSON)').fill(JSON.stringify({ password: ADMIN_PASSWORD }));
    await page.getByLabel('Headers (JSON)').fill(JSON.stringify({ 'X-Probe': headerSecret }));
    // Seen by the server: the header went out with the request.
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && r.headers()['x-probe'] === headerSecret);
    await page.getByRole('button', { name: 'Run' }).click();
    await sent;
    await page.getByText('"reauthenticate": true').waitFor();

    const stored = await storage(page);
    expect(stored).not.toContain(ADMIN_PASSWORD);
    expect(stored).not.toContain(headerSecret);
    expect(stored).toContain('Confirm'); // the query text is remembered

    // A new visit: the query is back, variables and headers start empty again.
    await page.reload();
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
    expect(await page.getByLabel('Query').inputValue()).toBe(QUERY);
    expect(await page.getByLabel('Variables (JSON)').inputValue()).toBe('{}');
    expect(await page.getByLabel('Headers (JSON)').inputValue()).not.toContain(headerSecret);

    // A password typed inline in the query is sent, but remembered blanked.
    await page.getByLabel('Query').fill(`mutation Inline { reauthenticate(password: "${ADMIN_PASSWORD}") }`);
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText('"reauthenticate": true').waitFor();
    const after = await storage(page);
    expect(after).not.toContain(ADMIN_PASSWORD);
    expect(after).not.toContain(headerSecret);
    expect(after).toContain('reauthenticate(password: \\"\\")');
  });

  it('a session token in a result is masked: the cookie session needs none', async () => {
    const agent = await createAgent(s.t);
    const page = await adminIde();
    await page.getByLabel('Query').fill('mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthSession { token expiresAt } } }');
    await page.getByLabel('Variables (JSON)').fill(JSON.stringify({ email: agent.email, password: agent.password }));
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('SignIn'));
    await page.getByRole('button', { name: 'Run' }).click();
    const token = (await (await answered).json()).data.login.token as string;
    expect(token.length).toBeGreaterThan(10);
    await page.getByText('"token": "•••••••• (hidden: this browser’s session cookie is used)"').waitFor();
    expect(await page.locator('#result').textContent()).not.toContain(token);
    await screenshot(page, 'ide-desktop');
  });

  it('what an earlier version stored (variables, headers) is removed on the next visit', async () => {
    const page = await adminIde();
    await page.evaluate(() => {
      const g = globalThis as any;
      g.localStorage.setItem('cloudcx.ide.variables', '{"password":"left-behind-Passw0rd"}');
      g.sessionStorage.setItem('cloudcx.ide.headers', '{"Authorization":"Bearer left-behind-token"}');
    });
    await page.reload();
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
    const stored = await storage(page);
    expect(stored).not.toContain('left-behind');
    expect(await page.getByLabel('Variables (JSON)').inputValue()).toBe('{}');
  });
});
