/**
 * Why the session ended, when the API said so (`extensions.sessionEnded`: an administrator reset
 * the account's two-factor authentication or signed it out everywhere, the session timed out…):
 * kept for the sign-in page that the person lands on next, so they are not just bounced there.
 */
const KEY = 'cloudcx.sessionEnded';
/** An older notice is about some other visit: not shown. */
const FRESH_MS = 10 * 60_000;

export const sessionNotice = {
  set(text: string): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ text, at: Date.now() }));
    } catch {
      // storage unavailable: the sign-in page simply says nothing
    }
  },
  /** The notice, once: the next sign-in page does not repeat it. */
  take(): string | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
      const v = raw ? (JSON.parse(raw) as { text?: unknown; at?: unknown }) : null;
      return v && typeof v.text === 'string' && typeof v.at === 'number' && Date.now() - v.at < FRESH_MS ? v.text : null;
    } catch {
      return null;
    }
  },
};
