// @ts-check
/**
 * setupFiles of test/jest-e2e-all.json: the project's `globals.TEST_DB` becomes TEST_DB for each
 * of its suites (test/support/database.ts reads it), so one jest run holds both databases. Jest
 * gives every suite its own copy of process.env: the two projects never see each other's value.
 */
const db = /** @type {any} */ (globalThis).TEST_DB;
if (db) process.env.TEST_DB = db;
