import { registerAs } from '@nestjs/config';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataDir } from './data-dir';

/**
 * ENCRYPTION_KEY, or (outside production) a key generated once into the data folder so that a
 * development database stays readable across restarts. Production refuses to boot without it
 * (checked in env.validation.ts).
 */
export const cryptoConfig = registerAs('crypto', () => {
  let keyB64 = process.env.ENCRYPTION_KEY;
  if (!keyB64) {
    const dir = dataDir();
    const file = join(dir, 'encryption.key');
    if (existsSync(file)) {
      keyB64 = readFileSync(file, 'utf8').trim();
    } else {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      keyB64 = randomBytes(32).toString('base64');
      writeFileSync(file, keyB64 + '\n', { mode: 0o600 });
    }
  }
  const key = Buffer.from(keyB64, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  // Rotation: old keys still decrypt what they sealed; new values are sealed with ENCRYPTION_KEY.
  const previous = (process.env.ENCRYPTION_KEYS_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const b = Buffer.from(k, 'base64');
      if (b.length !== 32) throw new Error('ENCRYPTION_KEYS_PREVIOUS must be a comma list of 32-byte base64 keys');
      return b;
    });
  return { key, previous };
});
export type CryptoConfig = ReturnType<typeof cryptoConfig>;
