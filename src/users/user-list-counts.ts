/** How long a counted total stands when nothing this instance did changed the users. */
export const LIST_COUNT_TTL_MS = 10_000;
/** Distinct filters remembered at once (a search is a filter): the oldest go first. */
export const LIST_COUNT_MAX_ENTRIES = 500;

interface Entry {
  n: number;
  at: number;
}

/**
 * The admin list's `totalCount`, per filter, kept by this instance for a short time. A COUNT(*)
 * reads every matching index entry (~100,000 at 100k users: tens of milliseconds, more than the
 * page itself), so it is made once per filter and shared by the pages after it rather than made
 * again for each page.
 *
 * Exact, not estimated: the number is a real COUNT at most `ttlMs` old, and `invalidate()` drops
 * every total at once when this instance changes who matches (a user created, invited, activated,
 * deactivated or given another role; an admin's reset, unlock or unlink). Changes this instance
 * does not see (another instance's writes, a user turning a method on, a lock running out) show
 * within `ttlMs`. The rows of a page are always read live; only the total can lag.
 *
 * Concurrent requests for a total nobody holds share one COUNT. A COUNT that was running when
 * `invalidate()` was called answers its own callers but is not kept: it may predate the change.
 */
export class UserListCounts {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<number>>();
  private generation = 0;

  constructor(
    private readonly ttlMs = LIST_COUNT_TTL_MS,
    private readonly maxEntries = LIST_COUNT_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  /** The total of `key`: the one kept if it is fresh, else `count()`'s (shared while it runs). */
  get(key: string, count: () => Promise<number>): Promise<number> {
    const kept = this.entries.get(key);
    if (kept && this.now() - kept.at < this.ttlMs) return Promise.resolve(kept.n);
    const running = this.running.get(key);
    if (running) return running;
    const generation = this.generation;
    const at = this.now();
    const p = count().then(
      (n) => {
        if (this.running.get(key) === p) this.running.delete(key);
        if (generation === this.generation) this.keep(key, { n, at });
        return n;
      },
      (e: unknown) => {
        if (this.running.get(key) === p) this.running.delete(key);
        throw e;
      },
    );
    this.running.set(key, p);
    return p;
  }

  /** Every total is counted again at its next use (and none running now is kept). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.running.clear();
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
