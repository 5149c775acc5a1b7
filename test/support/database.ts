import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { mysqlUrlParts } from '../../src/config/database-url';

/** TEST_DB picks the database of an e2e run: sqlite (default) or mariadb. */
export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'mariadb';
export const MARIADB_URL = process.env.MARIADB_TEST_URL ?? 'mariadb://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A connection to a MariaDB/MySQL server as the user of `url` (root when it names none), on the
 * database it names, if any. Fails within `connectTimeout` when the server is not there.
 */
export function mysqlConnection(url: string, options: { connectTimeout?: number; database?: string } = {}) {
  const u = mysqlUrlParts(url);
  return createConnection({
    host: u.host,
    port: u.port,
    user: u.user || 'root',
    password: u.password,
    database: options.database ?? (u.database || undefined),
    timezone: 'Z',
    connectTimeout: options.connectTimeout ?? 10_000,
  });
}

/** The name of the database a mysql:// or mariadb:// URL points to. */
export const databaseName = (url: string) => mysqlUrlParts(url).database;

function admin(connectTimeout?: number) {
  return mysqlConnection(MARIADB_URL, { connectTimeout });
}

/** A fresh, empty database for one test file: a temp SQLite file or a new MariaDB schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'acctsec-'));
    return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `acctsec_t_${randomBytes(6).toString('hex')}`;
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const base = MARIADB_URL.replace(/\/+$/, '');
  return {
    url: `${base}/${name}`,
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Whether the MariaDB of MARIADB_TEST_URL answers (npm test asks before the MariaDB pass). */
export async function mariadbReachable(connectTimeout = 3_000): Promise<boolean> {
  try {
    const c = await admin(connectTimeout);
    await c.query('SELECT 1');
    await c.end();
    return true;
  } catch {
    return false;
  }
}
