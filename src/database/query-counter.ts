/** Counts SQL statements while enabled (DB_LOG=1); e2e tests use it to bound N+1 queries. */
export class QueryCounter {
  private static count = 0;
  static record(_sql: string): void {
    QueryCounter.count++;
  }
  static reset(): void {
    QueryCounter.count = 0;
  }
  static get value(): number {
    return QueryCounter.count;
  }
}
