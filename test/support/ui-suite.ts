import type { Browser } from 'playwright-core';
import { localhostEnv, startTestApp, TestApp } from './create-app';
import { ensureWebBuild, launchBrowser, UiHarness } from './browser';

export interface UiSuite {
  /** The app under test (real database, SMTP sink). */
  t: TestApp;
  /** Pages in Debian's chromium against `t`. */
  ui: UiHarness;
  /** Where the browser opens the pages: `t.url`, or http://localhost:<port> with `localhost`. */
  origin: string;
}

/**
 * The frame every page suite shares: the web build, an app and a browser for the `describe` it is
 * called in, closed after it, and after each test no script error and nothing loaded from
 * anywhere but the service (no CDN).
 *
 * `localhost: true` serves the pages from http://localhost:<a free port> and boots the app with
 * that origin as WEB_APP_URL and PUBLIC_URL: WebAuthn needs a secure origin with a domain (not
 * http://127.0.0.1), and the app derives the relying party from WEB_APP_URL.
 */
export function uiSuite(env: Record<string, string> = {}, opts: { localhost?: boolean } = {}): UiSuite {
  const suite = {} as UiSuite;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuild();
    let t: TestApp;
    [t, browser] = await Promise.all([opts.localhost ? startOnLocalhost(env) : startTestApp(env), launchBrowser()]);
    suite.t = t;
    suite.origin = opts.localhost ? t.env.WEB_APP_URL : t.url;
    suite.ui = new UiHarness(browser, suite.origin);
  }, 120_000);
  afterAll(async () => {
    await suite.ui?.close();
    await browser?.close();
    await suite.t?.close();
  });
  afterEach(() => {
    expect(suite.ui.takeProblems()).toEqual({ pageErrors: [], offsite: [] });
  });
  return suite;
}

/** startTestApp on a port chosen beforehand; another port if someone took it in between. */
async function startOnLocalhost(env: Record<string, string>): Promise<TestApp> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTestApp({ ...env, ...(await localhostEnv()) });
    } catch (e) {
      if (attempt >= 3 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
}
