import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen` (also run before `build:web`, hence before `build` and `start`): typed GraphQL
 * documents from the committed schema.gql. Generated files are committed;
 * test/codegen.e2e-spec.ts fails when they are stale.
 *
 * Two outputs, because the pages and the tests select different fields under the same operation
 * names (`Me`, `Login`…) and the browser bundle must not carry the tests' documents:
 * - web/src/gql/             ← the `graphql(...)` documents of web/src/** (web/src/ops.ts)
 * - test/support/generated/  ← those of test/support/** (operations.ts, sso-operations.ts)
 * Both read graphql/fragments.graphql: the fragments the pages and the tests share.
 *
 * Client preset in string mode: a document is a `TypedDocumentString` (a `String` that carries its
 * result and variables types) whose text is POSTed as is: no graphql-js AST in the bundle. The
 * Vite build swaps each `graphql(...)` call for its generated document and strips the printing
 * whitespace (web/vite.config.mts); the tests hold documents as primitive strings (`typed()` in
 * test/support/gql.ts). Fragment masking is off: pages and tests read fragment fields directly.
 */
const output = (documents: string[]): CodegenConfig['generates'][string] => ({
  preset: 'client',
  documents: ['graphql/**/*.graphql', ...documents],
  presetConfig: { fragmentMasking: false },
  config: {
    documentMode: 'string',
    useTypeImports: true,
    enumType: 'string-literal',
    skipTypename: true,
    scalars: { DateTime: 'string', ID: 'string' },
  },
});

const config: CodegenConfig = {
  schema: 'schema.gql',
  ignoreNoDocuments: false,
  // The UI suite builds the pages (`npm run build:web`, which runs this first). Under jest the
  // committed outputs are never rewritten: a stale one must fail test/codegen.e2e-spec.ts, not be
  // fixed in place halfway through the run (CI tests a fresh clone).
  overwrite: !process.env.JEST_WORKER_ID,
  generates: {
    'web/src/gql/': output(['web/src/**/*.ts', '!web/src/gql/**']),
    'test/support/generated/': output(['test/support/**/*.ts', '!test/support/generated/**']),
  },
};

export default config;
