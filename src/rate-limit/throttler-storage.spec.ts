import { ThrottlerStorageService } from '@nestjs/throttler';
import { MemoryThrottlerStorage } from './throttler-storage';

/**
 * MemoryThrottlerStorage must answer exactly as @nestjs/throttler's own in-memory storage (the
 * guard turns its answers into refusals and `Retry-After`): both are driven through the same
 * sequences under a fake clock and compared answer by answer.
 */
describe('MemoryThrottlerStorage', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const both = () => {
    const ours = new MemoryThrottlerStorage();
    const stock = new ThrottlerStorageService();
    return {
      async hit(key: string, ttl: number, limit: number, block: number, name = 'default') {
        const a = await ours.increment(key, ttl, limit, block, name);
        const b = await stock.increment(key, ttl, limit, block, name);
        expect(a).toEqual(b);
        return a;
      },
      close() {
        ours.onApplicationShutdown();
        stock.onApplicationShutdown();
      },
    };
  };

  it('counts, blocks past the limit, and lets through again when the block and the window are over', async () => {
    const s = both();
    const answers = [];
    // 5 per 10 s, blocked for 10 s; requests every 700 ms for a minute.
    for (let i = 0; i < 90; i++) {
      answers.push(await s.hit('ip', 10_000, 5, 10_000));
      jest.advanceTimersByTime(700);
    }
    expect(answers.some((a) => a.isBlocked)).toBe(true);
    expect(answers.filter((a) => !a.isBlocked).length).toBeGreaterThan(5);
    s.close();
  });

  it('without a block duration: a sliding count of the hits inside the window', async () => {
    const s = both();
    for (let i = 0; i < 60; i++) {
      await s.hit('ip', 5_000, 4, 0);
      jest.advanceTimersByTime(i % 7 === 0 ? 2_500 : 300);
    }
    s.close();
  });

  it('keeps keys and throttler names apart', async () => {
    const s = both();
    for (let i = 0; i < 12; i++) {
      await s.hit('a', 60_000, 3, 60_000);
      await s.hit('b', 60_000, 10, 60_000);
      await s.hit('a', 60_000, 5, 60_000, 'burst');
      jest.advanceTimersByTime(1_000);
    }
    s.close();
  });

  it('counts a hundred thousand hits in one window (a raised limit), and forgets them after it', async () => {
    const ours = new MemoryThrottlerStorage();
    for (let i = 0; i < 100_000; i++) await ours.increment('ip', 60_000, 100_000_000, 60_000, 'default');
    expect((await ours.increment('ip', 60_000, 100_000_000, 60_000, 'default')).totalHits).toBe(100_001);
    jest.advanceTimersByTime(60_000);
    expect((await ours.increment('ip', 60_000, 100_000_000, 60_000, 'default')).totalHits).toBe(1);
    ours.onApplicationShutdown();
  });
});
