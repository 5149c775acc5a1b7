import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** TEST_DB picks the database of an e2e run: sqlite (default) or mariadb. */
export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'mariadb';
export const MARIADB_URL = process.env.MARIADB_TEST_URL ?? 'mariadb://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin() {
  const u = new URL(MARIADB_URL.replace(/^mariadb:/, 'mysql:'));
  return createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  });
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

export async function mariadbReachable(): Promise<boolean> {
  try {
    const c = await admin();
    await c.query('SELECT 1');
    await c.end();
    return true;
  } catch {
    return false;
  }
}
