import { QueryFailedError } from 'typeorm';

/** A unique index refused the row (MySQL/MariaDB or SQLite): a race lost to a concurrent insert. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as QueryFailedError & { driverError?: { code?: string } })?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
