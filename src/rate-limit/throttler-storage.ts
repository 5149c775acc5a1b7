import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** Expiry times of the hits still inside the window, oldest first: an array read from `head`. */
class HitQueue {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  push(expiresAt: number): void {
    this.times.push(expiresAt);
  }

  /** Drops the hits that expired by `now`; the array is compacted once half of it is dead. */
  prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head] <= now) this.head++;
    if (this.head === this.times.length) {
      this.times = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.times = [];
    this.head = 0;
  }

  /** The soonest expiry, or undefined. */
  first(): number | undefined {
    return this.size ? this.times[this.head] : undefined;
  }

  /** The latest expiry, or undefined. */
  last(): number | undefined {
    return this.size ? this.times[this.times.length - 1] : undefined;
  }
}

interface KeyRecord {
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
  hits: Map<string, HitQueue>;
}

const SWEEP_MS = 60_000;

/**
 * @nestjs/throttler's in-memory storage, with the same answers (the same window, block and
 * `Retry-After` arithmetic as its `ThrottlerStorageService`), at O(1) per request. The stock one
 * keeps every hit's expiry in an array and, on every request, copies that array through
 * `filter`: O(hits in the window) CPU and a fresh array per request, which under a high limit
 * (RATE_LIMIT_PER_MINUTE raised for a gateway, or `npm run bench`'s single client) means arrays of
 * tens of thousands of numbers copied per request, most of the `me` request and garbage enough to
 * grow the heap. Here the expiries are a queue: pushed in time order (one `ttl` per throttler),
 * dropped from the front as they pass. If the clock steps back, a later-pushed expiry can sit
 * behind an earlier one and be dropped a little late: it errs on the side of limiting.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweeper?: NodeJS.Timeout;

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    this.sweeper ??= setInterval(() => this.sweep(Date.now()), SWEEP_MS).unref();
    let record = this.records.get(key);
    if (!record) {
      record = { expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false, hits: new Map() };
      this.records.set(key, record);
    }
    let hits = record.hits.get(throttlerName);
    if (!hits) {
      hits = new HitQueue();
      record.hits.set(throttlerName, hits);
    }
    hits.prune(now);
    let timeToExpire = Math.ceil((record.expiresAt - now) / 1000);
    if (timeToExpire <= 0) {
      record.expiresAt = now + ttl;
      timeToExpire = Math.ceil((record.expiresAt - now) / 1000);
    }
    if (blockDuration <= 0) {
      const isBlocked = hits.size >= limit;
      if (!isBlocked) hits.push(now + ttl);
      const first = hits.first();
      return {
        totalHits: hits.size + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? (first !== undefined ? Math.ceil((first - now) / 1000) : timeToExpire) : 0,
      };
    }
    if (!record.isBlocked) hits.push(now + ttl);
    if (hits.size > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = Math.ceil((record.blockExpiresAt - now) / 1000);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      hits.clear();
      hits.push(now + ttl);
    }
    return { totalHits: hits.size, timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire };
  }

  /** Forgets keys with nothing left to remember: no live hit, window over, no block running. */
  private sweep(now: number): void {
    for (const [key, record] of this.records) {
      if ((record.isBlocked && record.blockExpiresAt > now) || record.expiresAt > now) continue;
      let live = false;
      for (const hits of record.hits.values()) live ||= (hits.last() ?? 0) > now;
      if (!live) this.records.delete(key);
    }
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.records.clear();
  }
}

/**
 * @nestjs/throttler storage: Redis (shared by the instances) while it answers, the instance's
 * memory while it does not, so a Redis outage neither fails nor un-limits every request.
 */
export class FallbackThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly memory = new MemoryThrottlerStorage();

  constructor(
    private readonly primary: ThrottlerStorage,
    private readonly onError: (e: unknown) => void,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.primary.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (e) {
      this.onError(e);
      return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.memory.onApplicationShutdown();
  }
}
