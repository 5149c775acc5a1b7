import { AttemptBudgets } from '../../rate-limit/attempt-budgets';
import { MemoryRateLimitStore } from '../../rate-limit/rate-limit.store';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const config = { loginFailuresPerIp: 3, loginFailureWindowSeconds: 300 } as ConstructorParameters<typeof LoginThrottle>[0];
  const throttle = () => new LoginThrottle(config, new AttemptBudgets({} as never, new MemoryRateLimitStore(), {} as never));

  it('reserves `limit` checks per address per window, then names the wait until the oldest leaves it', async () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      await t.reserve('10.0.0.1');
      jest.advanceTimersByTime(10_000);
    }
    // Reserved at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 300 s.
    await expect(t.reserve('10.0.0.1')).rejects.toMatchObject({ extensions: { retryAfterSeconds: 270 } });
    await t.reserve('10.0.0.2');
    jest.advanceTimersByTime(270_000);
    await t.reserve('10.0.0.1');
  });

  it('counts concurrent checks before any of them finishes, and gives back the slot of a right password', async () => {
    const t = throttle();
    const all = await Promise.allSettled(Array.from({ length: 20 }, () => t.reserve('10.0.0.9')));
    expect(all.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    await (all[0] as PromiseFulfilledResult<() => Promise<void>>).value();
    await t.reserve('10.0.0.9');
  });

  it('puts the addresses of one IPv6 /64 in one bucket', async () => {
    const t = throttle();
    for (let i = 1; i <= 3; i++) await t.reserve(`2001:db8:1:2::${i}`);
    await expect(t.reserve('2001:db8:1:2:ffff::1')).rejects.toMatchObject({ extensions: { retryAfterSeconds: 300 } });
    await t.reserve('2001:db8:1:3::1');
  });

  describe('reserveLogin: per (address, account), then per address; a trusted browser has its own budget', () => {
    const cfg = { loginFailuresPerIp: 30, loginFailureWindowSeconds: 300 } as ConstructorParameters<typeof LoginThrottle>[0];
    const big = () => new LoginThrottle(cfg, new AttemptBudgets({} as never, new MemoryRateLimitStore(), {} as never));

    it('stops one account at 10 from an address, leaving the address budget to the others', async () => {
      const t = big();
      for (let i = 0; i < 10; i++) await t.reserveLogin('10.0.0.1', 'Typo@Example.com', null);
      await expect(t.reserveLogin('10.0.0.1', ' typo@example.com', null)).rejects.toMatchObject({ extensions: { retryAfterSeconds: 300 } });
      for (let i = 0; i < 10; i++) await t.reserveLogin('10.0.0.1', 'b@example.com', null);
      for (let i = 0; i < 10; i++) await t.reserveLogin('10.0.0.1', 'c@example.com', null);
      // 30 for the address: a fourth account is refused too, and the refusal gave its account slot back.
      await expect(t.reserveLogin('10.0.0.1', 'd@example.com', null)).rejects.toMatchObject({ message: /from this address/ });
      await t.reserveLogin('10.0.0.2', 'd@example.com', null);
    });

    it('lets a trusted browser through a full address budget, within its own 10', async () => {
      const t = big();
      for (const acct of ['a', 'b', 'c']) for (let i = 0; i < 10; i++) await t.reserveLogin('10.0.0.3', `${acct}@example.com`, null);
      await expect(t.reserveLogin('10.0.0.3', 'e@example.com', null)).rejects.toBeDefined();
      const burst = await Promise.allSettled(Array.from({ length: 15 }, () => t.reserveLogin('10.0.0.3', 'e@example.com', 'device-1')));
      expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    });

    it('gives both slots back for a right password', async () => {
      const t = big();
      const releases = await Promise.all(Array.from({ length: 10 }, () => t.reserveLogin('10.0.0.4', 'a@example.com', null)));
      for (const r of releases) await r();
      for (let i = 0; i < 10; i++) await t.reserveLogin('10.0.0.4', 'a@example.com', null);
    });
  });
});
