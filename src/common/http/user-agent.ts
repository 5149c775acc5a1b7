import Bowser from 'bowser';

export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
}

const clip = (s: string | null) => (s ? s.slice(0, 64) : null);

/**
 * Browser and OS for the sessions and trusted-browser lists and the new-device mail (bowser,
 * MIT; ua-parser-js 2.x is AGPL). Names with the major version only: "Chrome 130", "Windows 10", "macOS" — enough to tell
 * one's devices apart, without storing a fingerprint. Never throws: an odd header gives nulls.
 */
export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  if (!userAgent) return { browser: null, os: null };
  try {
    const p = Bowser.parse(userAgent);
    const major = (v?: string) => v?.split('.')[0];
    const browser = [p.browser.name, major(p.browser.version)].filter(Boolean).join(' ');
    // macOS user agents are frozen at 10.15.7 and Windows 11 says "NT 10.0": no version rather than a wrong one for macOS.
    const osVersion = p.os.name === 'Windows' ? p.os.versionName : p.os.name === 'macOS' ? undefined : major(p.os.version);
    const os = [p.os.name, osVersion].filter(Boolean).join(' ');
    return { browser: clip(browser || null), os: clip(os || null) };
  } catch {
    return { browser: null, os: null };
  }
}
