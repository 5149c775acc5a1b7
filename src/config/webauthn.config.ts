import { registerAs } from '@nestjs/config';

/**
 * The WebAuthn relying party (API.md Part 2): the origin is WEB_APP_URL's (the pages run the
 * ceremonies there); the RP id is WEBAUTHN_RP_ID or that origin's host. Checked at boot
 * (env.validation): the RP id must be the host or a parent domain of it, as browsers require.
 */
export const webauthnConfig = registerAs('webauthn', () => {
  const port = Number(process.env.PORT ?? 3000);
  const webAppUrl = process.env.WEB_APP_URL || process.env.PUBLIC_URL || `http://localhost:${port}`;
  const url = new URL(webAppUrl);
  return {
    origin: url.origin,
    rpId: (process.env.WEBAUTHN_RP_ID || url.hostname).toLowerCase(),
    rpName: process.env.TOTP_ISSUER || 'CloudCX',
    /** Every ceremony's challenge: single use, 5 minutes. */
    challengeTtlSeconds: 300,
    /** Credentials one account may hold (GitHub and Okta allow a handful to a few dozen). */
    maxCredentials: 20,
  };
});
export type WebAuthnConfig = ReturnType<typeof webauthnConfig>;

/** Whether `rpId` may serve pages at `host`: the host itself or a parent domain of it (never an IP's suffix). */
export function rpIdFits(rpId: string, host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  const r = rpId.toLowerCase();
  if (h === r) return true;
  if (/^[\d.]+$/.test(h) || h.includes(':')) return false;
  return r.includes('.') && h.endsWith(`.${r}`);
}
