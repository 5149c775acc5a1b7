import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createAgent } from '../support/create-app';
import { uiSuite } from '../support/ui-suite';

/**
 * The offline GraphQL IDE (/graphql in a browser) must not keep what was typed into Variables
 * (passwords, codes) or Headers (bearer tokens) in localStorage or sessionStorage: a shared or
 * stolen browser profile would hand them out. Only the query text is remembered.
 */
describe('GraphQL IDE storage (Chromium)', () => {
  const s = uiSuite();

  /** Everything both storages hold for the page's origin, as one string. */
  const storage = (page: Page) =>
    page.evaluate(() => {
      const dump = (s: any) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]));
      const g = globalThis as any;
      return JSON.stringify({ local: dump(g.localStorage), session: dump(g.sessionStorage) });
    });

  const QUERY = 'mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }';

  it('typed variables and headers are used for the request but never stored; the query text is kept', async () => {
    const agent = await createAgent(s.t);
    const headerSecret = `hdr-${randomBytes(8).toString('hex')}`;
    const page = await s.ui.newPage();
    await page.goto('/graphql');
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();

    await page.getByLabel('Query').fill(QUERY);
    await page.getByLabel('Variables (JSON)').fill(JSON.stringify({ email: agent.email, password: agent.password }));
    await page.getByLabel('Headers (JSON)').fill(JSON.stringify({ 'X-Probe': headerSecret }));
    // Seen by the server: the header went out with the request.
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && r.headers()['x-probe'] === headerSecret);
    await page.getByRole('button', { name: 'Run' }).click();
    await sent;
    await page.getByText('"__typename": "AuthSession"').waitFor();

    const stored = await storage(page);
    expect(stored).not.toContain(agent.password);
    expect(stored).not.toContain(headerSecret);
    expect(stored).toContain('SignIn'); // the query text is remembered

    // A new visit: the query is back, variables and headers start empty again.
    await page.reload();
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
    expect(await page.getByLabel('Query').inputValue()).toBe(QUERY);
    expect(await page.getByLabel('Variables (JSON)').inputValue()).toBe('{}');
    expect(await page.getByLabel('Headers (JSON)').inputValue()).not.toContain(headerSecret);
    const after = await storage(page);
    expect(after).not.toContain(agent.password);
    expect(after).not.toContain(headerSecret);
  });

  it('what an earlier version stored (variables, headers) is removed on the next visit', async () => {
    const page = await s.ui.newPage();
    await page.goto('/graphql');
    await page.getByRole('heading', { name: 'GraphQL IDE' }).waitFor();
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
