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

describe('MemoryRateLimitStore.reserve', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('grants at most `limit` reservations at once, and a released one can be taken again', async () => {
    const store = new MemoryRateLimitStore();
    const all = await Promise.all(Array.from({ length: 50 }, () => store.reserve('k', MINUTE, 5)));
    const granted = all.filter((r): r is { id: string } => 'id' in r);
    expect(granted).toHaveLength(5);
    const refused = all.find((r) => 'retryAtMs' in r) as { retryAtMs: number };
    expect(refused.retryAtMs).toBe(Date.now() + MINUTE);
    await store.release('k', granted[0].id);
    expect('id' in (await store.reserve('k', MINUTE, 5))).toBe(true);
    expect('id' in (await store.reserve('k', MINUTE, 5))).toBe(false);
    jest.advanceTimersByTime(MINUTE);
    expect('id' in (await store.reserve('k', MINUTE, 5))).toBe(true);
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
    reserve = jest.fn(async (): Promise<{ id: string }> => {
      throw new Error('Stream isn\'t writeable');
    });
    release = jest.fn(async () => {
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
