/** What a stretch of work cost the database, as counted by `QueryCounter` (statements as sent). */
export interface QueryTally {
  /** Every statement, transaction control included. */
  statements: number;
  /** Transactions opened (`START TRANSACTION` / `BEGIN`; savepoints are not transactions). */
  transactions: number;
  /** Explicit `COMMIT`s. */
  commits: number;
  /** INSERT / UPDATE / DELETE sent outside any transaction: each commits on its own (autocommit). */
  autocommitWrites: number;
}

const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const COMMIT = /^\s*COMMIT\b/i;
const ROLLBACK = /^\s*ROLLBACK\s*$/i; // not `ROLLBACK TO SAVEPOINT`
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * Counts SQL statements while enabled (DB_LOG=1): e2e tests use it to bound N+1 queries, and
 * `npm run bench` to report what one operation costs (statements, and the commits that reach the
 * disk: explicit COMMITs plus writes outside a transaction). The transaction bookkeeping assumes
 * the counted work runs alone (one operation at a time), as it does where it is read.
 */
export class QueryCounter {
  private static tally: QueryTally = empty();
  private static depth = 0;

  static record(sql: string): void {
    const t = QueryCounter.tally;
    t.statements++;
    if (BEGIN.test(sql)) {
      t.transactions++;
      QueryCounter.depth++;
    } else if (COMMIT.test(sql) || ROLLBACK.test(sql)) {
      if (COMMIT.test(sql)) t.commits++;
      QueryCounter.depth = Math.max(0, QueryCounter.depth - 1);
    } else if (QueryCounter.depth === 0 && WRITE.test(sql)) {
      t.autocommitWrites++;
    }
  }

  static reset(): void {
    QueryCounter.tally = empty();
  }

  /** Statements since the last reset. */
  static get value(): number {
    return QueryCounter.tally.statements;
  }

  /** Statements, transactions and commits since the last reset. */
  static get counts(): QueryTally {
    return { ...QueryCounter.tally };
  }
}

function empty(): QueryTally {
  return { statements: 0, transactions: 0, commits: 0, autocommitWrites: 0 };
}
