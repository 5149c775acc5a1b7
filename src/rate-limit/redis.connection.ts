import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { once } from 'node:events';
import { redisConfig } from '../config/redis.config';
import { throttledWarning } from './rate-limit.store';

/**
 * The one ioredis client of the process (null without REDIS_URL), shared by the rate limits and
 * available to other modules (health checks, caches). Every command fails fast instead of
 * queueing while Redis is away, so a Redis outage never makes a request hang.
 */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;

  constructor(@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>) {
    this.client = config.url
      ? new Redis(config.url, {
          keyPrefix: config.keyPrefix,
          // Not connected: fail at once (callers fall back) rather than queue without bound.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 2_000,
          commandTimeout: 1_000,
          // Keep reconnecting for ever, at most every 2 s.
          retryStrategy: (times) => Math.min(times * 100, 2_000),
        })
      : null;
    const warn = throttledWarning(this.logger, 'Redis unavailable');
    this.client?.on('error', warn);
  }

  /** Waits (a little) for the first connection, so early requests already share counters. */
  async onModuleInit(): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'ready') return;
    const timer = new AbortController();
    const ready = await Promise.race([
      once(client, 'ready', { signal: timer.signal }).then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, 3_000, false).unref()),
    ]).catch(() => false);
    timer.abort();
    if (!ready) this.logger.warn('Redis not reachable yet: rate limits count per instance until it is');
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    try {
      if (this.client.status === 'ready') await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }
}
