import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, t=2, p=1). argon2 runs on libuv's thread pool, so
 * hashing does not block the event loop.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Hashed once per process: verifying against it makes an unknown email cost what a wrong password costs. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= argon2.hash('dummy-password-for-timing', OPTIONS);
  return dummy;
}
