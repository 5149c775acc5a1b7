import { registerAs } from '@nestjs/config';

/** `true`/`1` → true, `false`/`0` → false, unset → null (the caller's default). */
function flag(value: string | undefined): boolean | null {
  if (value === undefined || value === '') return null;
  return value === 'true' || value === '1';
}

export const ssoConfig = registerAs('sso', () => {
  const flowTtlSeconds = 600;
  const ticketTtlSeconds = 300;
  return {
    /** Bound on every call to a provider (discovery, token, userinfo, JWKS): a dead provider fails fast. */
    httpTimeoutMs: Number(process.env.SSO_HTTP_TIMEOUT_MS ?? 5000),
    /** Discovery documents are fetched once per issuer and kept this long. */
    discoveryTtlSeconds: 3600,
    /** An authorization request (state row) lives this long. */
    flowTtlSeconds,
    /** API.md: a ticket is single use and lives 5 minutes; 5 wrong passwords kill a bind ticket. */
    ticketTtlSeconds,
    ticketMaxAttempts: 5,
    /** Allowed clock skew when checking ID token times. */
    clockToleranceSeconds: 60,
    /**
     * API.md Part 2: issuers (and every URL their discovery names) may point at loopback or
     * private addresses only when this is true. Default: false in production, true elsewhere
     * (tests and development run their IdP on 127.0.0.1).
     */
    allowPrivateIssuers: flag(process.env.SSO_ALLOW_PRIVATE_ISSUERS) ?? process.env.NODE_ENV !== 'production',
    /**
     * The browser-binding cookie must outlive a whole round trip: the flow (10 min) and then
     * the ticket it yields (5 min). Each new flow from the browser refreshes it.
     */
    flowCookieMaxAgeSeconds: flowTtlSeconds + ticketTtlSeconds + 60,
  };
});
export type SsoConfig = ReturnType<typeof ssoConfig>;
