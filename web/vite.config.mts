import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripIgnoredCharacters } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * What the client preset's babel plugin does, for this Vite build: each `graphql(`…`)` call of the
 * pages becomes a reference to its generated document in src/gql/graphql.ts (looked up by source
 * text in src/gql/gql.ts, as the `graphql()` function itself does at run time), so the bundle holds
 * neither the source text twice nor the lookup map of every document; and the generated document
 * strings lose their pretty-printing whitespace. Same objects, same query text semantics.
 * A call missing from the map means stale generated files: the build fails (`npm run codegen`).
 */
function typedDocuments(): Plugin {
  const dir = `${root}src/gql/`;
  const generated = `${dir}graphql.ts`;
  /** Source text → generated document name, from the `documents` map of gql.ts (read per use: `npm run codegen` may rewrite it under `vite dev`). */
  const lookup = () => {
    const map = readFileSync(`${dir}gql.ts`, 'utf8').split('\nconst documents')[1]?.split('\n};')[0] ?? '';
    return new Map([...map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)].map(([, key, name]) => [JSON.parse(key) as string, name]));
  };
  return {
    name: 'cloudcx:typed-documents',
    transform(code, id) {
      if (id === generated) {
        return code.replace(/new TypedDocumentString\(`((?:[^`\\$]|\$(?!\{))*)`/g, (_, doc: string) => `/* @__PURE__ */ new TypedDocumentString(${JSON.stringify(stripIgnoredCharacters(doc))}`);
      }
      if (!id.startsWith(`${root}src/`) || id.startsWith(dir) || !id.endsWith('.ts') || !code.includes('graphql(')) return null;
      const bySource = lookup();
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, source: string) => {
        const name = bySource.get(source);
        if (!name) this.error(`${id}: no generated document for ${call.slice(0, 80)}… (run npm run codegen)`);
        return `__documents.${name}`;
      });
      return `import * as __documents from ${JSON.stringify(generated)};\n${out}`;
    },
  };
}

/**
 * The agent/admin pages (index.html, a client-side routed app) and the offline GraphQL IDE
 * (graphql.html), built into web/dist and served by src/web/web.module.ts. No CDN, no framework.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [typedDocuments()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        main: `${root}index.html`,
        graphql: `${root}graphql.html`,
      },
    },
  },
});
