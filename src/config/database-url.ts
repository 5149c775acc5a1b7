/** What mysql2 needs from a `mysql://` or `mariadb://` DATABASE_URL. */
export interface MysqlUrlParts {
  host: string;
  port: number;
  /** As written in the URL (may be empty). */
  user: string;
  password: string;
  /** Empty when the URL names no database (a server URL). */
  database: string;
}

/**
 * Parses a `mysql://user:pass@host:port/db` or `mariadb://…` URL (mysql2 and the WHATWG URL
 * parser know only the former spelling). The one place that does it: the app's data source, the
 * tests' database helpers, the seed and the bench all go through here.
 */
export function mysqlUrlParts(url: string): MysqlUrlParts {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  if (parsed.protocol !== 'mysql:') throw new Error(`not a mysql:// or mariadb:// URL: ${parsed.protocol}`);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}
