import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The agent/admin pages (index.html, a client-side routed app) and the offline GraphQL IDE
 * (graphql.html), built into web/dist and served by src/web/web.module.ts. No CDN, no framework.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
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
