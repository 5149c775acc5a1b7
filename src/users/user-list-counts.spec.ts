import { UserListCounts } from './user-list-counts';

/** A COUNT that answers when told to, and says how many were made. */
function counter(values: number[]) {
  const pending: Array<(n: number) => void> = [];
  let made = 0;
  return {
    count: () => {
      made++;
      return new Promise<number>((resolve) => pending.push(resolve));
    },
    answer: () => pending.shift()!(values.shift()!),
    get made() {
      return made;
    },
  };
}

describe('UserListCounts', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('counts a filter once, then answers from memory until the time is up', async () => {
    const counts = new UserListCounts(10_000, 10, clock);
    const c = counter([100_000, 100_001]);
    const first = counts.get('all', c.count);
    c.answer();
    expect(await first).toBe(100_000);
    now += 9_999;
    expect(await counts.get('all', c.count)).toBe(100_000);
    expect(c.made).toBe(1);
    now += 1;
    const again = counts.get('all', c.count);
    c.answer();
    expect(await again).toBe(100_001);
    expect(c.made).toBe(2);
  });

  it('keeps one total per filter', async () => {
    const counts = new UserListCounts(10_000, 10, clock);
    const a = counter([7]);
    const b = counter([3]);
    const pa = counts.get('["a"]', a.count);
    const pb = counts.get('["b"]', b.count);
    a.answer();
    b.answer();
    expect([await pa, await pb]).toEqual([7, 3]);
    expect([await counts.get('["a"]', a.count), await counts.get('["b"]', b.count)]).toEqual([7, 3]);
  });

  it('requests that arrive while a total is being counted share that one COUNT', async () => {
    const counts = new UserListCounts(10_000, 10, clock);
    const c = counter([42]);
    const all = [counts.get('all', c.count), counts.get('all', c.count), counts.get('all', c.count)];
    c.answer();
    expect(await Promise.all(all)).toEqual([42, 42, 42]);
    expect(c.made).toBe(1);
  });

  it('invalidate: the next request counts again, and a COUNT running meanwhile answers but is not kept', async () => {
    const counts = new UserListCounts(10_000, 10, clock);
    const c = counter([10, 11]);
    // A count starts, a user is created meanwhile (invalidate), then the count answers the old total.
    const racing = counts.get('all', c.count);
    counts.invalidate();
    const after = counts.get('all', c.count);
    c.answer();
    expect(await racing).toBe(10);
    c.answer();
    expect(await after).toBe(11);
    expect(await counts.get('all', c.count)).toBe(11);
    expect(c.made).toBe(2);
    // A held total is dropped at once.
    counts.invalidate();
    const fresh = counts.get('all', () => Promise.resolve(12));
    expect(await fresh).toBe(12);
  });

  it('a failed COUNT is not kept: the next request tries again', async () => {
    const counts = new UserListCounts(10_000, 10, clock);
    await expect(counts.get('all', () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(await counts.get('all', () => Promise.resolve(5))).toBe(5);
  });

  it('remembers at most maxEntries filters, dropping the oldest', async () => {
    const counts = new UserListCounts(10_000, 2, clock);
    let made = 0;
    const count = (n: number) => () => {
      made++;
      return Promise.resolve(n);
    };
    await counts.get('a', count(1));
    await counts.get('b', count(2));
    await counts.get('c', count(3));
    expect(made).toBe(3);
    await counts.get('c', count(3));
    await counts.get('b', count(2));
    expect(made).toBe(3);
    expect(await counts.get('a', count(4))).toBe(4);
    expect(made).toBe(4);
  });
});
