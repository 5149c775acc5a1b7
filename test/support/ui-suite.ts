import type { Browser } from 'playwright-core';
import { startTestApp, TestApp } from './create-app';
import { ensureWebBuild, launchBrowser, UiHarness } from './browser';

export interface UiSuite {
  /** The app under test (real database, SMTP sink). */
  t: TestApp;
  /** Pages in Debian's chromium against `t`. */
  ui: UiHarness;
}

/**
 * The frame every page suite shares: the web build, an app and a browser for the `describe` it is
 * called in, closed after it, and after each test no script error and nothing loaded from
 * anywhere but the service (no CDN).
 */
export function uiSuite(env: Record<string, string> = {}): UiSuite {
  const suite = {} as UiSuite;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuild();
    let t: TestApp;
    [t, browser] = await Promise.all([startTestApp(env), launchBrowser()]);
    suite.t = t;
    suite.ui = new UiHarness(browser, t.url);
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
