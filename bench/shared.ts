import type { QueryTally } from '../src/database/query-counter';

/** What bench/statements.ts reports for one operation. */
export interface StatementRow extends QueryTally {
  operation: string;
  note: string;
}

/** The line bench/statements.ts prints its rows on (stdout also carries the app's own lines). */
export const STATEMENTS_MARK = 'BENCH_STATEMENTS ';

/** The admin list the bench measures and counts. */
export const USERS_PAGE =
  '{ users(first: 50) { totalCount edges { node { id email security { twoFactorEnabled email { enabled } totp { enabled } backupCodes { total remaining } lockedUntil lastTwoFactorAt } } } } }';
