import { ExecutionContext, Global, Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { rateLimitConfig } from '../config/rate-limit.config';
import { redisConfig } from '../config/redis.config';
import { FallbackRateLimitStore, MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore, throttledWarning } from './rate-limit.store';
import { AttemptBudgets } from './attempt-budgets';
import { RedisConnection } from './redis.connection';
import { RequestRateGuard } from './request-rate.guard';
import { FallbackThrottlerStorage, MemoryThrottlerStorage } from './throttler-storage';

/** Plain HTTP paths a load balancer polls: never rate limited. */
const UNLIMITED_PATHS = /^\/health(\/|$)/;

function throttlerOptions(config: ConfigType<typeof rateLimitConfig>, redis: RedisConnection): ThrottlerModuleOptions {
  const logger = new Logger('RateLimit');
  return {
    throttlers: [{ name: 'default', ttl: config.windowSeconds * 1000, limit: config.requestsPerMinute }],
    // One bucket per client IP for the whole API (the stock key is per handler).
    generateKey: (_ctx, tracker, name) => `rate:${name}:${tracker}`,
    skipIf: (ctx: ExecutionContext) =>
      config.requestsPerMinute === 0 ||
      (ctx.getType() === 'http' && UNLIMITED_PATHS.test(ctx.switchToHttp().getRequest<Request>().path ?? '')),
    storage: redis.client
      ? new FallbackThrottlerStorage(new ThrottlerStorageRedisService(redis.client), throttledWarning(logger, 'Redis unavailable, counting requests in memory'))
      : new MemoryThrottlerStorage(), // not @nestjs/throttler's own: see MemoryThrottlerStorage
  };
}

/**
 * Rate limits that hold across instances: with REDIS_URL every counter lives in Redis (one
 * ioredis client, `RedisConnection`), without it in the process's memory. Provides
 * `RateLimitStore` (sliding-window event logs, used by auth's failed-login limit) and the
 * global per-IP request limit (`RequestRateGuard`, RATE_LIMIT_PER_MINUTE). Global, like the
 * database: it is infrastructure that features use, not a feature.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(redisConfig),
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(rateLimitConfig)],
      inject: [rateLimitConfig.KEY, RedisConnection],
      useFactory: throttlerOptions,
    }),
  ],
  providers: [
    RedisConnection,
    {
      provide: RateLimitStore,
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection): RateLimitStore =>
        redis.client
          ? new FallbackRateLimitStore(
              new RedisRateLimitStore(redis.client),
              new MemoryRateLimitStore(),
              throttledWarning(new Logger('RateLimit'), 'Redis unavailable, counting in memory'),
            )
          : new MemoryRateLimitStore(),
    },
    AttemptBudgets,
    { provide: APP_GUARD, useClass: RequestRateGuard },
  ],
  exports: [RedisConnection, RateLimitStore, AttemptBudgets],
})
export class RateLimitModule {}
