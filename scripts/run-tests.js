#!/usr/bin/env node
// npm test: the dependency rules, the type check, the unit tests, the service tier, then the e2e suites in one jest run:
// on SQLite (API and pages) and on MariaDB (API).
// MariaDB unreachable: a skip with a warning on a laptop, a failure in CI (CI=true).
const { spawnSync } = require('node:child_process');

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const took = `${Math.round((Date.now() - started) / 1000)} s`;
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (${took})\n`);
    process.exit(r.status || 1);
  }
  process.stdout.write(`\n${label}: passed in ${took}\n`);
}

/** The tests' own check (test/support/database.ts: MARIADB_TEST_URL, parsed by src/config/database-url.ts). */
function mariadbUp() {
  require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  return require('../test/support/database').mariadbReachable();
}

(async () => {
  const extra = process.argv.slice(2);
  run('dependency rules (npm run lint:deps)', 'npm', ['run', '--silent', 'lint:deps']);
  // ts-jest only transpiles (tsconfig `isolatedModules`): type errors in src, test, scripts and bench fail here.
  run('type check (npm run typecheck)', 'npm', ['run', '--silent', 'typecheck']);
  run('unit', 'npx', ['jest', '--config', 'test/jest-unit.json', ...extra]);
  run('service tier (SQLite, fake clock)', 'npx', ['jest', '--config', 'test/jest-service.json', ...extra]);
  // Both databases in one jest run (test/jest-e2e-all.json, a project each), longest suites first
  // (test/support/sequencer.js): the two workers stay busy to the end instead of idling at the end
  // of each pass. The pages (test/ui) are the same on either database and run on SQLite only: in
  // the MariaDB project the API suites cover what depends on the database.
  if (await mariadbUp()) {
    run('e2e on SQLite (API + pages) and MariaDB (API)', 'npx', ['jest', '--config', 'test/jest-e2e-all.json', ...extra]);
  } else if (process.env.CI) {
    process.stdout.write('\nMariaDB is not reachable and CI=true: failing (start it: see README)\n');
    process.exit(1);
  } else {
    process.stdout.write('\nWARNING: MariaDB not reachable on 127.0.0.1:3306; e2e on MariaDB skipped\n');
    run('e2e on SQLite (API + pages)', 'npx', ['jest', '--config', 'test/jest-e2e-all.json', '--selectProjects', 'e2e:sqlite', ...extra]);
  }
})();
