import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The committed typed documents (web/src/gql/, test/support/generated/) are what `npm run codegen`
 * makes from schema.gql and today's `graphql(...)` documents: a changed schema, a new or edited
 * operation or fragment, or a hand edit of a generated file fails here, as a stale schema.gql
 * fails accounts.e2e-spec.ts. Fix: `npm run codegen`, and commit the result.
 *
 * Run as a child process: the codegen CLI's CommonJS build requires the ESM-only yargs 18, which
 * jest cannot load on Node 20. `--check` generates in memory and lists the files that differ
 * (or are missing) without writing anything.
 */
describe('generated GraphQL documents', () => {
  const root = join(__dirname, '..');
  const cli = join(dirname(require.resolve('@graphql-codegen/cli/package.json')), 'esm', 'bin.js');

  it('are up to date with schema.gql and the documents of the pages and the tests (npm run codegen)', () => {
    const env = { ...process.env };
    delete env.JEST_WORKER_ID; // codegen.ts: under jest, existing outputs are left alone (and so not compared)
    const r = spawnSync(process.execPath, [cli, '--config', 'codegen.ts', '--check', '--silent'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect({ status: r.status, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({ status: 0, output: '' });
  });

  it('leave nothing else in the generated folders', () => {
    // The client preset writes these three per output (fragment masking is off); anything else
    // is a leftover of an older config.
    for (const dir of ['web/src/gql', 'test/support/generated']) {
      expect([dir, readdirSync(join(root, dir)).sort()]).toEqual([dir, ['gql.ts', 'graphql.ts', 'index.ts']]);
    }
  });
});
