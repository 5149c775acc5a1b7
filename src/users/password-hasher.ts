import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';
import { tooManyAttempts } from '../common/errors/domain-error';

/**
 * argon2id with OWASP's minimum (19 MiB, t=2, p=1). argon2 runs on libuv's thread pool, so it
 * never blocks the event loop itself; but with as many hashes in flight as the pool has threads
 * (4) on a 2-core machine, the CPU left for the event loop is nil. So at most (cores - 1) hashes
 * run at once and the rest wait their turn: latency of every other request stays flat while a
 * burst of logins queues up.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MAX_CONCURRENT = Math.max(1, availableParallelism() - 1);
/**
 * How many hashes may wait. Past it a request is refused at once (TOO_MANY_ATTEMPTS) instead of
 * queueing: a burst of wrong passwords from one agent must not delay everybody's sign-in by
 * seconds. 64 waiting is about 2 s of work on two cores.
 */
export const MAX_WAITING = 64;
/** Rough cost of one hash (ms), for the retry hint. */
const HASH_MS = 60;

let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    if (waiting.length >= MAX_WAITING) {
      throw tooManyAttempts(((waiting.length + 1) * HASH_MS) / MAX_CONCURRENT / 1000, 'The service is busy checking passwords; try again in a moment');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string) => limited(() => argon2.hash(password, OPTIONS));

/** False for a wrong password or a malformed hash; throws TOO_MANY_ATTEMPTS when the queue is full. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  return limited(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

/** Hashed once per process: verifying against it makes an unknown email cost what a wrong password costs. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-password-for-timing');
  return dummy;
}
