import { registerAs } from '@nestjs/config';

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/**
 * DB_QUERY_TIMEOUT_MS (MySQL/MariaDB): a statement that gets no answer within this fails, and the
 * request answers SERVICE_UNAVAILABLE instead of waiting for a frozen database forever. 0: no limit.
 */
export const queryTimeoutConfig = registerAs('queryTimeout', () => {
  const raw = process.env.DB_QUERY_TIMEOUT_MS;
  return { ms: raw === undefined || raw === '' ? DEFAULT_QUERY_TIMEOUT_MS : Number(raw) };
});
export type QueryTimeoutConfig = ReturnType<typeof queryTimeoutConfig>;
