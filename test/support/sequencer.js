// @ts-check
/**
 * Longest suites first, so the two workers end together instead of one of them running a long
 * suite alone at the end (the e2e run is ~60 suites of 3 s to 75 s on 2 workers).
 *
 * Jest's own order is: failed last time first, then by the duration it recorded on this machine,
 * else by file size. A clean clone (CI) has no recorded durations, and file size is a poor guess
 * here: fuzz.e2e-spec.ts is one of the smallest files and one of the longest suites, the pages
 * take far longer per line than the API suites, faults and multi-instance are skipped on SQLite.
 * So without a recorded duration a suite is placed by EXPECTED below (seconds measured on the
 * 2-core CI machine; only the order matters, so a rough figure is enough), and a suite missing
 * there by its size.
 */
const { default: Sequencer } = require('@jest/test-sequencer');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');

/** Seconds per suite and database: jest's per-file times of a full `npm test` on the CI machine. */
const EXPECTED = {
  sqlite: {
    'test/ui/a11y-ui.e2e-spec.ts': 57,
    'test/ui/admin-triage-ui.e2e-spec.ts': 51,
    'test/ui/signin-limits-ui.e2e-spec.ts': 40,
    'test/ui/ui.e2e-spec.ts': 35,
    'test/attacks/limits.e2e-spec.ts': 33,
    'test/fuzz.e2e-spec.ts': 31,
    'test/ui/settings-ux-ui.e2e-spec.ts': 26,
    'test/ui/sso-ui.e2e-spec.ts': 24,
    'test/trusted-devices.e2e-spec.ts': 20,
    'test/sso.e2e-spec.ts': 19,
    'test/ui/sessions-ui.e2e-spec.ts': 19,
    'test/health.e2e-spec.ts': 18,
    'test/two-factor.e2e-spec.ts': 17,
    'test/ui/lifecycle-ui.e2e-spec.ts': 15,
    'test/webauthn.e2e-spec.ts': 15,
    'test/password-reset.e2e-spec.ts': 14,
    'test/admin-triage.e2e-spec.ts': 13,
    'test/attacks/sso-attacks.e2e-spec.ts': 13,
    'test/sessions.e2e-spec.ts': 13,
    'test/ui/passkeys-ui.e2e-spec.ts': 12,
    'test/signin-limits.e2e-spec.ts': 11,
    'test/ui/reset-ui.e2e-spec.ts': 11,
    'test/ui/sso-setup-ui.e2e-spec.ts': 11,
    'test/attacks/admin-trail.e2e-spec.ts': 10,
    'test/hardening.e2e-spec.ts': 10,
    'test/housekeeping.e2e-spec.ts': 10,
    'test/ui/devices-ui.e2e-spec.ts': 10,
    'test/ui/policy-ui.e2e-spec.ts': 10,
    'test/admin.e2e-spec.ts': 9,
    'test/policy.e2e-spec.ts': 9,
    'test/ui/ide.e2e-spec.ts': 9,
    'test/logging.e2e-spec.ts': 7,
    'test/accounts.e2e-spec.ts': 6,
    'test/attacks/exposure.e2e-spec.ts': 6,
    'test/settings-ux.e2e-spec.ts': 5,
    'test/codegen.e2e-spec.ts': 4,
    'test/lifecycle.e2e-spec.ts': 4,
    // MariaDB only: skipped here.
    'test/faults.e2e-spec.ts': 0,
    'test/multi-instance.e2e-spec.ts': 0,
  },
  mariadb: {
    'test/faults.e2e-spec.ts': 73,
    'test/fuzz.e2e-spec.ts': 36,
    'test/attacks/limits.e2e-spec.ts': 31,
    'test/multi-instance.e2e-spec.ts': 25,
    'test/sso.e2e-spec.ts': 21,
    'test/two-factor.e2e-spec.ts': 21,
    'test/health.e2e-spec.ts': 19,
    'test/attacks/admin-trail.e2e-spec.ts': 18,
    'test/policy.e2e-spec.ts': 18,
    'test/password-reset.e2e-spec.ts': 17,
    'test/trusted-devices.e2e-spec.ts': 17,
    'test/hardening.e2e-spec.ts': 14,
    'test/webauthn.e2e-spec.ts': 14,
    'test/admin.e2e-spec.ts': 12,
    'test/attacks/exposure.e2e-spec.ts': 12,
    'test/attacks/sso-attacks.e2e-spec.ts': 12,
    'test/accounts.e2e-spec.ts': 11,
    'test/housekeeping.e2e-spec.ts': 10,
    'test/lifecycle.e2e-spec.ts': 10,
    'test/admin-triage.e2e-spec.ts': 9,
    'test/sessions.e2e-spec.ts': 8,
    'test/settings-ux.e2e-spec.ts': 8,
    'test/signin-limits.e2e-spec.ts': 8,
    'test/logging.e2e-spec.ts': 5,
    'test/codegen.e2e-spec.ts': 4,
  },
};

/** For a suite missing from EXPECTED: ~1 s per 1.5 kB of an API suite, per 0.4 kB of a page suite. */
const guess = (path, bytes) => bytes / (path.includes('/test/ui/') ? 400 : 1500);

/** The database of a suite: its project's name in the two-database run, else TEST_DB. */
const databaseOf = (test) => {
  const name = test.context.config.displayName?.name ?? '';
  return /mariadb/.test(name) ? 'mariadb' : /sqlite/.test(name) ? 'sqlite' : process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite';
};

class LongestFirst extends Sequencer {
  sort(tests) {
    const seconds = (test) => {
      const recorded = this.time(test);
      if (recorded != null) return recorded / 1000;
      const expected = EXPECTED[databaseOf(test)]?.[relative(ROOT, test.path)];
      return expected ?? guess(test.path, test.context.hasteFS.getSize(test.path) ?? 0);
    };
    const estimate = new Map(tests.map((t) => [t, seconds(t)]));
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || estimate.get(b) - estimate.get(a));
  }
}

module.exports = LongestFirst;
