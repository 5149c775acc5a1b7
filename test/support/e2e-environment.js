// @ts-check
/**
 * The jest environment of the e2e and service suites: jest's node environment, plus two fixes for
 * costs that jest's sandbox adds and that the service itself never pays (Node 20).
 *
 * 1. AsyncLocalStorage instances outlive their test file. Jest loads every module again for each
 *    test file, so each file's app creates its own instances (nestjs-cls, nestjs-pino, the SQLite
 *    lane; jest-circus one more), and Node keeps every instance that was ever entered in one list
 *    and visits all of them whenever any promise is created. A worker runs ~30 files: by the last
 *    ones every promise visited ~100 dead instances (~10% of a worker's CPU in a profile). At the
 *    end of each file, the instances entered during it are disabled: nothing runs in them after.
 *
 * 2. `qrcode` runs outside the sandbox. Code inside jest's vm context pays for every lookup of a
 *    global (`Math`, `Object`…: Node's vm context answers them through interceptors, ~100× slower
 *    than in a plain module), and the PNG encoder under qrcode looks up `Math.abs` for every byte
 *    of every row filter it tries: one 256 px QR code took ~300 ms of CPU in a suite instead of
 *    ~5 ms, and every TOTP set-up draws one. test/support/outside-sandbox/qrcode.js (mapped by
 *    `moduleNameMapper`) hands the app the same package loaded by Node itself: same version, same
 *    calls, only the realm differs.
 */
const { TestEnvironment } = require('jest-environment-node');
const { AsyncLocalStorage } = require('node:async_hooks');

/** Packages a suite may take from outside the sandbox (see 2.). */
const OUTSIDE_SANDBOX = new Set(['qrcode']);

/** The AsyncLocalStorage instances entered since the current test file started (a worker runs one file at a time). */
const entered = new Set();
const PATCHED = Symbol.for('acctsec.e2e-environment.als-tracked');
if (!(/** @type {any} */ (AsyncLocalStorage.prototype)[PATCHED])) {
  for (const method of /** @type {const} */ (['run', 'enterWith'])) {
    const original = /** @type {Function} */ (AsyncLocalStorage.prototype[method]);
    /** @type {any} */ (AsyncLocalStorage.prototype)[method] = function (/** @type {unknown[]} */ ...args) {
      entered.add(this);
      return original.apply(this, args);
    };
  }
  /** @type {any} */ (AsyncLocalStorage.prototype)[PATCHED] = true;
}

class E2eEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
    this.global.__requireOutsideSandbox = (/** @type {string} */ id) => {
      if (!OUTSIDE_SANDBOX.has(id)) throw new Error(`${id} is not loaded outside jest's sandbox (test/support/e2e-environment.js)`);
      return require(id);
    };
  }

  async setup() {
    entered.clear();
    await super.setup();
  }

  async teardown() {
    for (const storage of entered) storage.disable();
    entered.clear();
    await super.teardown();
  }
}

module.exports = E2eEnvironment;
