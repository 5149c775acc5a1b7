/** A one-off message carried to the next page (e.g. "connected" after the SSO bind). */
const KEY = 'cloudcx.flash';
export const flash = {
  set(text: string): void {
    sessionStorage.setItem(KEY, text);
  },
  take(): string | null {
    const v = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return v;
  },
};
