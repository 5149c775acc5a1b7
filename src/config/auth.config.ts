import { registerAs } from '@nestjs/config';

export const authConfig = registerAs('auth', () => ({
  sessionTtlSeconds: Number(process.env.SESSION_TTL_SECONDS ?? 12 * 3600),
  /** API.md: a session is "recent" for 10 minutes after login or reauthenticate. */
  recentAuthSeconds: 600,
  /** API.md: at least 30 failed logins per IP per 5 minutes must be allowed. */
  loginFailuresPerIp: Number(process.env.LOGIN_FAILURES_PER_IP ?? 30),
  loginFailureWindowSeconds: 300,
}));
export type AuthConfig = ReturnType<typeof authConfig>;
