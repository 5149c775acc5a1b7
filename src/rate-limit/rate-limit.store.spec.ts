import { LoginThrottle } from '../auth/login-throttle';
import { FallbackRateLimitStore, MemoryRateLimitStore, RateLimitStore } from './rate-limit.store';

const MINUTE = 60_000;

describe('MemoryRateLimitStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('keeps the events inside the window, oldest first, and forgets them after it', async () => {
    const store = new MemoryRateLimitStore();
    await store.add('k', MINUTE, 10);
    jest.advanceTimersByTime(20_000);
    await store.add('k', MINUTE, 10);
    const t0 = Date.now();
    expect(await store.recent('k', MINUTE)).toEqual([t0 - 20_000, t0]);
    jest.advanceTimersByTime(40_000); // the first one is now exactly a window old
    expect(await store.recent('k', MINUTE)).toEqual([t0]);
    jest.advanceTimersByTime(20_000);
    expect(await store.recent('k', MINUTE)).toEqual([]);
    expect(await store.recent('other', MINUTE)).toEqual([]);
  });

  it('keeps only the newest `keep` events of a key', async () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 8; i++) {
      await store.add('k', MINUTE, 3);
      jest.advanceTimersByTime(1_000);
    }
    const times = await store.recent('k', MINUTE);
    expect(times).toHaveLength(3);
    expect(times[2] - times[0]).toBe(2_000);
  });
});

describe('FallbackRateLimitStore', () => {
  class Broken extends RateLimitStore {
    add = jest.fn(async () => {
      throw new Error('Stream isn\'t writeable');
    });
    recent = jest.fn(async (): Promise<number[]> => {
      throw new Error('Stream isn\'t writeable');
    });
  }

  it('counts in memory while the primary store fails, and reports the failure', async () => {
    const primary = new Broken();
    const onError = jest.fn();
    const store = new FallbackRateLimitStore(primary, new MemoryRateLimitStore(), onError);
    await store.add('k', MINUTE, 5);
    await store.add('k', MINUTE, 5);
    expect(await store.recent('k', MINUTE)).toHaveLength(2);
    expect(primary.add).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(3);
  });
});

describe('LoginThrottle', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const config = { loginFailuresPerIp: 3, loginFailureWindowSeconds: 300 } as ConstructorParameters<typeof LoginThrottle>[0];

  it('allows `limit` failures per IP per window, then names the wait until the oldest leaves it', async () => {
    const throttle = new LoginThrottle(config, new MemoryRateLimitStore());
    for (let i = 0; i < 3; i++) {
      expect(await throttle.retryAfter('10.0.0.1')).toBe(0);
      await throttle.recordFailure('10.0.0.1');
      jest.advanceTimersByTime(10_000);
    }
    // Failures at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 300 s.
    expect(await throttle.retryAfter('10.0.0.1')).toBe(270);
    expect(await throttle.retryAfter('10.0.0.2')).toBe(0);
    expect(await throttle.retryAfter(null)).toBe(0);
    jest.advanceTimersByTime(270_000);
    expect(await throttle.retryAfter('10.0.0.1')).toBe(0);
  });
});
