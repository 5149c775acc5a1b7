import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { LOGIN } from './operations';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'web');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'ui');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function isFresh(): boolean {
  try {
    const built = statSync(join(WEB, 'dist', 'index.html')).mtimeMs;
    statSync(join(WEB, 'dist', 'graphql.html'));
    const sources = Math.max(...['src', 'index.html', 'graphql.html', 'vite.config.mts', 'tsconfig.json'].map((f) => newestMtime(join(WEB, f))));
    return built >= sources;
  } catch {
    return false;
  }
}

/**
 * Builds web/dist (npm run build:web) when it is missing or older than its sources, once across
 * parallel jest workers (a lock directory), so `npm test` works on a clean clone.
 */
export async function ensureWebBuild(): Promise<void> {
  if (isFresh()) return;
  mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
  const lock = join(ROOT, 'test', 'artifacts', '.web-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held for 2 minutes: remove it`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (isFresh()) return;
    const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Debian's chromium (installed by .ci/run when missing), headless, no background traffic. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** A full-page screenshot in test/artifacts/ui/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Browser contexts for one spec. Each page reports its script errors; a request from one of the
 * app's pages to anywhere but the allowed origins (the app, a test IdP) is refused and recorded:
 * the pages use no CDN. (Third-party pages, such as the IdP's own login page, are not judged.)
 */
export class UiHarness {
  readonly pageErrors: string[] = [];
  readonly offsite: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
    private readonly allow: string[] = [],
  ) {}

  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const ctx = await this.browser.newContext({ baseURL: this.baseURL, acceptDownloads: true, ...options });
    this.contexts.push(ctx);
    ctx.setDefaultTimeout(10_000);
    const allowed = [this.baseURL, ...this.allow];
    await ctx.route('**/*', (route) => {
      const req = route.request();
      const url = req.url();
      if (allowed.some((origin) => url.startsWith(`${origin}/`))) return route.continue();
      let from = '';
      try {
        from = req.frame().url();
      } catch {
        // a request without a frame (service worker): judged as the app's
      }
      if (req.isNavigationRequest() || from.startsWith(this.baseURL) || !from) this.offsite.push(url);
      return route.abort();
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => this.pageErrors.push(`${page.url()}: ${e}`));
    return page;
  }

  /** For afterEach: the errors and off-site requests since the last call. */
  takeProblems(): { pageErrors: string[]; offsite: string[] } {
    return { pageErrors: this.pageErrors.splice(0), offsite: this.offsite.splice(0) };
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
  }
}

// Functions, not strings, run in the page (the pages' CSP forbids eval); no DOM lib here, hence `any`.

/** Waits until keyboard focus is on the element whose text is `text` (a step heading). */
export function focusedOn(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction((t) => ((globalThis as any).document.activeElement?.textContent ?? '').trim() === t, text, { timeout: 5000 });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Signs the page's browser context in without the sign-in page, for a test about another page
 * (an admin page, the IDE): the `login` mutation through the context's own request client, whose
 * cookies are the browser's, so the session cookie is set just as the sign-in page gets it. It
 * saves loading /login and then /settings before going where the test goes. The sign-in page
 * itself is tested with `signIn` (ui, signin-limits-ui, a11y-ui). Only for an account without a
 * second step: anything but a session fails here.
 */
export async function signInByApi(page: Page, email: string, password: string): Promise<void> {
  const res = await page.request.post('/graphql', { data: { query: LOGIN, variables: { email, password } }, headers: { accept: 'application/json' } });
  const body = await res.json();
  if (body.data?.login?.__typename !== 'AuthSession') throw new Error(`sign-in of ${email} gave no session: ${JSON.stringify(body)}`);
}

/** A credential as Chromium's virtual authenticator holds it (CDP `WebAuthn.Credential`). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
}

/**
 * Gives `page` Chromium's virtual authenticator (CDP WebAuthn domain): a platform authenticator
 * ("internal", like a laptop's fingerprint reader) that keeps discoverable credentials, verifies the
 * user and answers every prompt at once. It belongs to the page's tab and survives navigations.
 * WebAuthn needs a secure origin with a domain: serve the pages from http://localhost (uiSuite's
 * `localhost` option).
 */
export async function addVirtualAuthenticator(page: Page): Promise<{ credentials(): Promise<VirtualCredential[]>; remove(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials as VirtualCredential[],
    remove: async () => {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    },
  };
}

// ---- Accessibility and screenshots at both sizes (issue 15) ---------------------------------

/** The two sizes every page is judged at: a laptop and a phone. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1366, height: 768 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * Context options for a page that `audit` will check: the viewport, and `bypassCSP` because axe
 * is injected as a script string, which the pages' CSP (no eval) would refuse. Only the axe
 * harness gets it; every other suite keeps the real CSP.
 */
export const auditContext = (size: ViewportName): BrowserContextOptions => ({ ...VIEWPORTS[size], bypassCSP: true });

/** One serious or critical axe finding, said precisely enough to fix it: rule, view, elements. */
export interface AxeFinding {
  view: string;
  rule: string;
  impact: string;
  help: string;
  elements: string[];
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA and best practices) over the whole page as it is now (an open
 * dialog included); only serious and critical findings are returned.
 *
 * Run the cheap way, with the same rules and the same violations (checked view by view against
 * the default run): `axe.run` in the page itself (legacy mode) instead of `runPartial` here plus
 * `finishRun` in a blank page opened for each call, and full results for violations only (axe
 * otherwise builds a unique selector for every node that passed). The pages have no iframes, so
 * legacy mode's limit (no cross-origin frames) changes nothing. Was ~2 s a view, now ~0.4 s.
 */
export async function axeFindings(page: Page, view: string): Promise<AxeFinding[]> {
  // Lazy: only the suites that audit load axe.
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page })
    // options() replaces every option: before withTags, or the tags are lost.
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view, rule: v.id, impact: v.impact!, help: v.help, elements: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Waits for the page to settle (the app rendered, no "Loading…" left in it), screenshots it as
 * `<view>-<size>` and runs axe. (A button may stay busy on purpose: the one whose action waits
 * for the re-authentication dialog.)
 */
export async function audit(page: Page, view: string, size: ViewportName): Promise<AxeFinding[]> {
  await page.waitForFunction(() => {
    const d = (globalThis as any).document;
    return !d.querySelector('main[aria-busy="true"]') && !/Loading…/.test(d.querySelector('main')?.textContent ?? '');
  }, null, { timeout: 15_000 });
  await screenshot(page, `${view}-${size}`);
  return axeFindings(page, `${view} (${size})`);
}

/** A findings list as lines for a failing expectation: `view · rule (impact): elements — help`. */
export const describeFindings = (findings: AxeFinding[]) => findings.map((f) => `${f.view} · ${f.rule} (${f.impact}): ${f.elements.join(' | ')} — ${f.help}`);
