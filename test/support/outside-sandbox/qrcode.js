// @ts-check
// `qrcode` as Node itself loads it, outside jest's sandbox (why: test/support/e2e-environment.js).
module.exports = /** @type {any} */ (globalThis).__requireOutsideSandbox('qrcode');
