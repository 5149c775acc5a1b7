import { registerAs } from '@nestjs/config';

/**
 * Redis holds what the instances of a scaled deployment must share besides the database: the
 * rate-limit counters. Unset: everything is kept in memory (one instance).
 */
export const redisConfig = registerAs('redis', () => ({
  url: process.env.REDIS_URL || null,
  /** Prepended to every key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: process.env.REDIS_PREFIX ?? 'acctsec:',
}));
export type RedisConfig = ReturnType<typeof redisConfig>;
