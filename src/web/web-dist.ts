import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * The Vite build of `web/` (`npm run build:web`): `<project root>/web/dist`, found from this
 * file both under ts-node/jest (src/web) and compiled (dist/src/web). Null when not built.
 */
export function findWebDist(from = __dirname): { dir: string; built: boolean } {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const dist = join(dir, 'web', 'dist');
  return { dir: dist, built: existsSync(join(dist, 'index.html')) && existsSync(join(dist, 'graphql.html')) };
}

/** Headers for the HTML pages: no framing, no Referer (tickets travel in /sso/* URLs), same-origin only. */
export const PAGE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};
