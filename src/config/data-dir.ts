import { join } from 'node:path';

/**
 * DATA_DIR: where the development defaults live (the SQLite file, the mail outbox, the generated
 * encryption key); `data` under the working directory when unset. Read in one place.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR || 'data';
}

/** A path inside DATA_DIR. */
export function inDataDir(...parts: string[]): string {
  return join(dataDir(), ...parts);
}
