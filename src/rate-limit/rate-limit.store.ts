import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/**
 * Sliding-window event logs for rate limits (failed logins per IP, …): "record one event under
 * this key" and "when did the events still inside the window happen". Implemented in Redis when
 * the service runs as several instances (REDIS_URL), in memory otherwise.
 *
 * Times are the instance's clock (Date.now()); instances are expected to run NTP, and a skew of
 * a few seconds is immaterial for windows of minutes.
 */
export abstract class RateLimitStore {
  /** Records an event now; only the newest `keep` events inside the window are kept. */
  abstract add(key: string, windowMs: number, keep: number): Promise<void>;
  /** Times (ms since the epoch) of the events under `key` inside the window, oldest first. */
  abstract recent(key: string, windowMs: number): Promise<number[]>;
}

/** One instance: a Map of timestamp lists, swept when it grows large. */
export class MemoryRateLimitStore extends RateLimitStore {
  static readonly MAX_KEYS = 100_000;
  private readonly events = new Map<string, { windowMs: number; times: number[] }>();

  async add(key: string, windowMs: number, keep: number): Promise<void> {
    const now = Date.now();
    const times = this.prune(key, windowMs, now);
    times.push(now);
    if (times.length > keep) times.splice(0, times.length - keep);
    this.events.set(key, { windowMs, times });
    if (this.events.size > MemoryRateLimitStore.MAX_KEYS) this.sweep(now);
  }

  async recent(key: string, windowMs: number): Promise<number[]> {
    return [...this.prune(key, windowMs, Date.now())];
  }

  private prune(key: string, windowMs: number, now: number): number[] {
    const times = (this.events.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    if (times.length) this.events.set(key, { windowMs, times });
    else this.events.delete(key);
    return times;
  }

  private sweep(now: number): void {
    for (const [key, { windowMs }] of [...this.events]) this.prune(key, windowMs, now);
  }
}

/**
 * Shared by every instance: one sorted set per key (score = time), trimmed and given a TTL on
 * each write, so Redis never holds more than `keep` entries per key nor keys past their window.
 */
export class RedisRateLimitStore extends RateLimitStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  async add(key: string, windowMs: number, keep: number): Promise<void> {
    const now = Date.now();
    const results = await this.redis
      .multi()
      .zremrangebyscore(key, '-inf', now - windowMs)
      .zadd(key, now, `${now}:${randomBytes(6).toString('hex')}`)
      .zremrangebyrank(key, 0, -(keep + 1))
      .pexpire(key, windowMs)
      .exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (!results || failed) throw failed ?? new Error('Redis transaction discarded');
  }

  async recent(key: string, windowMs: number): Promise<number[]> {
    const flat = await this.redis.zrangebyscore(key, `(${Date.now() - windowMs}`, '+inf', 'WITHSCORES');
    const times: number[] = [];
    for (let i = 1; i < flat.length; i += 2) times.push(Number(flat[i]));
    return times;
  }
}

/**
 * Redis first; while Redis cannot answer, the instance's own memory. A Redis outage thus
 * weakens the limits to per-instance ones instead of failing every login or letting all through.
 */
export class FallbackRateLimitStore extends RateLimitStore {
  constructor(
    private readonly primary: RateLimitStore,
    private readonly fallback: RateLimitStore,
    private readonly onError: (e: unknown) => void,
  ) {
    super();
  }

  async add(key: string, windowMs: number, keep: number): Promise<void> {
    try {
      await this.primary.add(key, windowMs, keep);
    } catch (e) {
      this.onError(e);
      await this.fallback.add(key, windowMs, keep);
    }
  }

  async recent(key: string, windowMs: number): Promise<number[]> {
    try {
      return await this.primary.recent(key, windowMs);
    } catch (e) {
      this.onError(e);
      return this.fallback.recent(key, windowMs);
    }
  }
}

/** "Redis unavailable" once per interval, not once per request. */
export function throttledWarning(logger: Logger, what: string, intervalMs = 30_000): (e: unknown) => void {
  let last = 0;
  return (e: unknown) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    logger.warn(`${what}: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`);
  };
}
