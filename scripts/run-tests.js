#!/usr/bin/env node
// npm test: unit tests, then the e2e suites on SQLite and on MariaDB.
// MariaDB unreachable: a skip with a warning on a laptop, a failure in CI (CI=true).
const { spawnSync } = require('node:child_process');
const { createConnection } = require('mysql2/promise');

function run(label, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync('npx', ['jest', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed\n`);
    process.exit(r.status || 1);
  }
}

async function mariadbUp() {
  const url = new URL((process.env.MARIADB_TEST_URL || 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:'));
  try {
    const c = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: decodeURIComponent(url.password), connectTimeout: 3000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

(async () => {
  const extra = process.argv.slice(2);
  run('unit', ['--config', 'test/jest-unit.json', ...extra]);
  run('e2e on SQLite', ['--config', 'test/jest-e2e.json', ...extra], { TEST_DB: 'sqlite' });
  if (await mariadbUp()) {
    run('e2e on MariaDB', ['--config', 'test/jest-e2e.json', ...extra], { TEST_DB: 'mariadb' });
  } else if (process.env.CI) {
    process.stdout.write('\nMariaDB is not reachable and CI=true: failing (start it: see README)\n');
    process.exit(1);
  } else {
    process.stdout.write('\nWARNING: MariaDB not reachable on 127.0.0.1:3306; e2e on MariaDB skipped\n');
  }
})();
