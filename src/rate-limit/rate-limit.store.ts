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
  /**
   * Atomically: if fewer than `limit` events are inside the window, records one and returns its
   * id (to `release` it later); else returns the time (ms) the oldest counted event leaves the
   * window. Check and record are one step, so N concurrent callers never get more than `limit`.
   */
  abstract reserve(key: string, windowMs: number, limit: number): Promise<{ id: string } | { retryAtMs: number }>;
  /** Gives back a reservation (the attempt turned out not to count, e.g. a successful login). */
  abstract release(key: string, id: string): Promise<void>;
}

const eventId = (now: number) => `${now}:${randomBytes(6).toString('hex')}`;

/** One instance: a Map of timestamp lists, swept when it grows large. */
export class MemoryRateLimitStore extends RateLimitStore {
  static readonly MAX_KEYS = 100_000;
  private readonly events = new Map<string, { windowMs: number; times: number[] }>();
  /** Reservation ids → time, so a reservation can be given back. */
  private readonly ids = new Map<string, Map<string, number>>();

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

  // No await between the check and the push: one JavaScript turn, so it is atomic per process.
  async reserve(key: string, windowMs: number, limit: number): Promise<{ id: string } | { retryAtMs: number }> {
    const now = Date.now();
    const times = this.prune(key, windowMs, now);
    if (times.length >= limit) return { retryAtMs: times[times.length - limit] + windowMs };
    times.push(now);
    const ids = this.ids.get(key) ?? new Map<string, number>();
    const id = eventId(now);
    ids.set(id, now);
    this.ids.set(key, ids);
    this.events.set(key, { windowMs, times });
    if (this.events.size > MemoryRateLimitStore.MAX_KEYS) this.sweep(now);
    return { id };
  }

  async release(key: string, id: string): Promise<void> {
    const at = this.ids.get(key)?.get(id);
    if (at === undefined) return;
    this.ids.get(key)!.delete(id);
    const entry = this.events.get(key);
    const i = entry?.times.indexOf(at) ?? -1;
    if (entry && i >= 0) entry.times.splice(i, 1);
  }

  private prune(key: string, windowMs: number, now: number): number[] {
    const times = (this.events.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    if (times.length) this.events.set(key, { windowMs, times });
    else {
      this.events.delete(key);
      this.ids.delete(key);
    }
    const ids = this.ids.get(key);
    if (ids) for (const [id, at] of ids) if (at <= now - windowMs) ids.delete(id);
    return times;
  }

  private sweep(now: number): void {
    for (const [key, { windowMs }] of [...this.events]) this.prune(key, windowMs, now);
  }
}

/** KEYS[1] the window; ARGV now, windowMs, limit, id. Returns {1, id} or {0, time of the event that must leave first}. */
const RESERVE_LUA = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
local limit = tonumber(ARGV[3])
if n >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  return {0, oldest[2]}
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, ARGV[4]}
`;

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
      .zadd(key, now, eventId(now))
      .zremrangebyrank(key, 0, -(keep + 1))
      .pexpire(key, windowMs)
      .exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (!results || failed) throw failed ?? new Error('Redis transaction discarded');
  }

  async reserve(key: string, windowMs: number, limit: number): Promise<{ id: string } | { retryAtMs: number }> {
    const now = Date.now();
    const id = eventId(now);
    // One Lua script: Redis runs it atomically, so instances racing on one key can't overshoot.
    const r = (await this.redis.eval(RESERVE_LUA, 1, key, String(now), String(windowMs), String(limit), id)) as [number, string];
    return r[0] === 1 ? { id } : { retryAtMs: Number(r[1]) + windowMs };
  }

  async release(key: string, id: string): Promise<void> {
    await this.redis.zrem(key, id);
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

  async reserve(key: string, windowMs: number, limit: number): Promise<{ id: string } | { retryAtMs: number }> {
    try {
      return await this.primary.reserve(key, windowMs, limit);
    } catch (e) {
      this.onError(e);
      return this.fallback.reserve(key, windowMs, limit);
    }
  }

  async release(key: string, id: string): Promise<void> {
    try {
      await this.primary.release(key, id);
    } catch (e) {
      this.onError(e);
    }
    await this.fallback.release(key, id);
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
