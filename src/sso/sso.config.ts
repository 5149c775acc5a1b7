import { registerAs } from '@nestjs/config';

export const ssoConfig = registerAs('sso', () => ({
  /** Bound on every call to a provider (discovery, token, userinfo, JWKS): a dead provider fails fast. */
  httpTimeoutMs: Number(process.env.SSO_HTTP_TIMEOUT_MS ?? 5000),
  /** Discovery documents are fetched once per issuer and kept this long. */
  discoveryTtlSeconds: 3600,
  /** An authorization request (state row) lives this long. */
  flowTtlSeconds: 600,
  /** API.md: a ticket is single use and lives 5 minutes; 5 wrong passwords kill a bind ticket. */
  ticketTtlSeconds: 300,
  ticketMaxAttempts: 5,
  /** Allowed clock skew when checking ID token times. */
  clockToleranceSeconds: 60,
}));
export type SsoConfig = ReturnType<typeof ssoConfig>;
