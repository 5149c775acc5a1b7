import { registerAs } from '@nestjs/config';

/** The general per-IP request limit (the failed-login limit lives in auth.config.ts). */
export const rateLimitConfig = registerAs('rateLimit', () => ({
  /** GraphQL operations and HTTP requests per client IP per minute; 0 turns the limit off. */
  requestsPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 600),
  windowSeconds: 60,
}));
export type RateLimitConfig = ReturnType<typeof rateLimitConfig>;
