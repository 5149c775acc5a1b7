import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { mysqlUrlParts } from '../config/database-url';

/** Entities and migrations are found by glob so that ts (tests, CLI) and js (dist) both work. */
const root = join(__dirname, '..');
const ENTITIES = [join(root, '**', '*.entity.{ts,js}')];
const MIGRATIONS = [join(__dirname, 'migrations', '*.{ts,js}')];

export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mariadb://')) return 'mariadb';
  if (url.startsWith('mysql://')) return 'mysql';
  throw new Error('DATABASE_URL must be mysql://user:pass@host:port/db, mariadb://… or sqlite:<path>');
}

/**
 * The SQLite file holds hashes, sealed secrets and sessions: readable by the service's user only.
 * SQLite would create it 0644 (and its -wal/-shm files copy the database file's mode), so the
 * empty file is created 0600 first (an empty file is a valid new database); folders it needs, 0700.
 * An existing file or folder is left as it is.
 */
function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** TypeORM options for a DATABASE_URL; the app module and ormconfig.ts (CLI) share this. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const kind = databaseKind(url);
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
  } as const;
  if (kind === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file && file !== ':memory:') createPrivateFile(file);
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      // WAL lets readers proceed while a writer commits; busy timeout instead of SQLITE_BUSY errors.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
      ...extra,
    } as DataSourceOptions;
  }
  // The scheme picks TypeORM's dialect.
  const parsed = mysqlUrlParts(url);
  return {
    ...common,
    type: kind,
    host: parsed.host,
    port: parsed.port,
    username: parsed.user,
    password: parsed.password,
    database: parsed.database,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // mysql2 waits 10 s by default for a new connection's handshake; a database host that is
    // down or unreachable must answer SERVICE_UNAVAILABLE sooner (a handshake takes milliseconds).
    // A server that stops or crashes needs nothing more: refused connections fail at once and
    // the pool drops the connections the server closed, so the service recovers by itself.
    connectTimeout: 3_000,
    extra: { connectionLimit: 10 },
    ...extra,
  } as DataSourceOptions;
}
