// @ts-check
/**
 * The dependency rule of CONVENTIONS.md ("Boundaries"), enforced: `npm run lint:deps`, run by
 * `npm test` before the unit tests. Every folder of src/ has a row in LAYERS below; a folder that
 * is not placed there fails (`unplaced-folder`), so a new module has to say where it sits.
 *
 *   admin ─▶ account-security ─▶ sso ─▶ security-settings ─▶ auth ─▶ trusted-devices ─▶ security-policy
 *         ─▶ webauthn | backup-codes ─▶ two-factor ─▶ security-events ─▶ users | mailer   (a | b: siblings, neither imports the other)
 *
 * Features may skip layers downwards, never point up or sideways. Infrastructure (common, config,
 * database, logging, rate-limit, housekeeping, health, web) imports no feature; features reach
 * housekeeping only through its PurgeRegistry, from their `*.purge.ts` files. The files at the
 * root of src/ (main, bootstrap, app.module, graphql.options, schema-file) wire everything and
 * may import anything; nothing in a folder imports them.
 */

/** folder → the other src/ folders its files may import (its own folder is always allowed). */
const LAYERS = {
  // ---- features, top to bottom
  admin: ['account-security', 'sso', 'security-settings', 'auth', 'security-policy', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer', 'webauthn'],
  // Resolves User.security, which reads every factor: above sso, below admin.
  'account-security': ['sso', 'security-settings', 'auth', 'security-policy', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer', 'webauthn'],
  sso: ['security-settings', 'auth', 'security-policy', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer', 'webauthn'],
  // Forgot password and invitations: a completed reset is a sign-in (auth's challenge and pending action).
  'password-reset': ['auth', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer'],
  // Profile > two-factor settings: the enable/disable orchestration (first factor on → backup codes…).
  'security-settings': ['auth', 'trusted-devices', 'security-policy', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer', 'webauthn'],
  auth: ['trusted-devices', 'security-policy', 'two-factor', 'backup-codes', 'security-events', 'users', 'mailer', 'webauthn'],
  // Trusted browsers and new-device alerts: sign-in (auth) consults them; they read the policy.
  'trusted-devices': ['security-policy', 'security-events', 'users', 'mailer'],
  // The 2FA policy and what it means for an account: below every module that enforces it (the
  // guard and sign-in in auth, settings, User.security, the admin list); reads factor state.
  'security-policy': ['two-factor', 'security-events', 'users', 'mailer'],
  // Siblings: the two factor modules do not import each other.
  'two-factor': ['security-events', 'users', 'mailer'],
  // Passkeys and security keys: a primary factor that registers with SecondFactors, like backup codes.
  webauthn: ['two-factor', 'security-events', 'users', 'mailer'],
  // Backup codes are a (fallback) factor: they register with two-factor's SecondFactors, one way.
  'backup-codes': ['two-factor', 'security-events', 'users', 'mailer'],
  // A leaf: records and mails; imports only users, mailer and the infrastructure below.
  'security-events': ['users', 'mailer'],
  users: [],
  mailer: [],
  // ---- infrastructure: no feature
  health: ['rate-limit', 'database', 'logging', 'common', 'config'],
  housekeeping: ['database', 'logging', 'common', 'config'],
  'rate-limit': ['database', 'logging', 'common', 'config'],
  database: ['logging', 'common', 'config'],
  logging: ['common', 'config'],
  web: ['common', 'config'],
  common: ['config'],
  config: [],
};
const FEATURES = ['admin', 'account-security', 'sso', 'password-reset', 'security-settings', 'auth', 'trusted-devices', 'security-policy', 'two-factor', 'webauthn', 'backup-codes', 'security-events', 'users', 'mailer'];

/** Infrastructure a feature may import, on top of its LAYERS row. */
const FEATURE_INFRA = {
  default: ['common', 'config', 'database', 'logging', 'rate-limit'],
  'security-events': ['common', 'config', 'database'],
  users: ['common', 'config', 'database', 'logging'],
  mailer: ['common', 'config', 'logging'],
};

const PURGE_REGISTRY = '^src/housekeeping/purge-registry\\.ts$';
const any = (folders) => (folders.length ? `^src/(${folders.join('|')})/` : '^$');

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => {
  const isFeature = FEATURES.includes(folder);
  const infra = isFeature ? (FEATURE_INFRA[folder] ?? FEATURE_INFRA.default) : [];
  const may = [...allowed, ...infra];
  return {
    name: `layer-${folder}`,
    comment:
      `src/${folder} may import only: ${may.length ? may.join(', ') : 'nothing else in src'}` +
      (isFeature ? ' (and the housekeeping PurgeRegistry from its *.purge.ts files)' : '') +
      '. See the layer map in .dependency-cruiser.cjs and "Boundaries" in CONVENTIONS.md.',
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: {
      path: '^src/[^/]+/',
      pathNot: [`^src/${folder}/`, any(may), ...(isFeature ? [PURGE_REGISTRY] : [])],
    },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'purge-registry-only-from-purge-files',
      comment: 'A feature reaches housekeeping only by registering its purge in a <feature>.purge.ts provider.',
      severity: 'error',
      from: { path: any(FEATURES), pathNot: '\\.purge\\.ts$' },
      to: { path: '^src/housekeeping/' },
    },
    {
      name: 'two-factor-only-through-its-index',
      comment:
        'two-factor/ exports its public surface from index.ts (services, types) and graphql.ts (its GraphQL models, for ' +
        'resolvers elsewhere, kept apart so that index.ts never reaches @nestjs/graphql); other modules import only those.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/two-factor/' },
      to: { path: '^src/two-factor/', pathNot: '^src/two-factor/(index|graphql)\\.ts$' },
    },
    {
      name: 'unplaced-folder',
      comment: 'A folder of src/ that is not in the layer map of .dependency-cruiser.cjs: add it to LAYERS (and to FEATURES if it is one).',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: any(Object.keys(LAYERS)) },
      to: {},
    },
    {
      name: 'no-import-of-root-files',
      comment: 'main.ts, bootstrap.ts, app.module.ts, graphql.options.ts, schema-file.ts wire the app; no module imports them.',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'service-not-to-graphql-or-http',
      comment:
        'Services take and return plain TypeScript types and entities: no @nestjs/graphql, graphql, express ' +
        '(type-only imports included). Put request types in a types-only file (CONVENTIONS "Boundaries").',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: {
        path: '^node_modules/(@nestjs/(graphql|apollo|platform-express)|graphql|express|@types/express|@types/express-serve-static-core)/',
      },
    },
    {
      name: 'service-not-reaching-graphql-or-http',
      comment:
        'Not through another file either: a service that imports e.g. a decorator file or a DTO ends up depending on ' +
        'the transport. Shared request types (RequestMeta, AuthContext) live in a types-only file.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: {
        path: '^node_modules/(@nestjs/(graphql|apollo|platform-express)|graphql|express|@types/express|@types/express-serve-static-core)/',
        reachable: true,
      },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between files; one of them sits in the wrong place.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-test-or-tooling',
      comment: 'Application code never imports tests, scripts or the bench.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts|bench)/' },
    },
    {
      name: 'src-not-to-unresolvable',
      comment: 'An import that resolves to nothing: a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // `import type` counts: the rules are about what code depends on, not what survives compilation.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web/dist)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
