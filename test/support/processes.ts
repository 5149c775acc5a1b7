import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { GqlClient } from './gql';

/**
 * The app as separate OS processes, for the tests that need more than one instance or that
 * break what an instance depends on. Each process runs `src/main.ts` through ts-node in
 * transpile-only mode: no build step (so never a stale or half-written `dist/` shared with
 * other runs), about 4 s from spawn to the first answer.
 */
export const ROOT = join(__dirname, '..', '..');
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AppProcess {
  name: string;
  url: string;
  port: number;
  gql: GqlClient;
  pid: number;
  /** The process has exited (crashed, or was stopped). */
  readonly exited: boolean;
  /** The tail of its stdout and stderr, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test that dies half-way must not leave processes behind.
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** Kills `child` if the test process exits while it still runs. */
export function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/**
 * Starts one app process on a free port with exactly `env` (plus PATH and HOME: nothing of the
 * test's own environment leaks in) and waits until it answers GraphQL.
 */
export async function startAppProcess(name: string, env: Record<string, string>, opts: { readyTimeoutMs?: number } = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child);
  let tail = '';
  let exited = false;
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-200_000);
    if (process.env.TEST_LOG) process.stderr.write(`[${name}] ${chunk.toString('utf8')}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`app process ${name} exited during start:\n${tail.slice(-5000)}`);
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2_000),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app process ${name} did not answer within the start timeout:\n${tail.slice(-5000)}`);
    }
    await sleep(100);
  }

  return {
    name,
    url,
    port,
    gql: new GqlClient(url),
    pid: child.pid!,
    get exited() {
      return exited;
    },
    output: () => tail,
    async stop(graceMs = 10_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** A Redis key prefix of its own for one test run, so runs never see each other's counters. */
export function redisTestPrefix(label: string): string {
  return `acctsec-test:${label}:${randomBytes(4).toString('hex')}:`;
}

/** A client on the test Redis that sees the keys of `prefix` (for assertions and clean-up). */
export function redisClient(prefix: string): Redis {
  return new Redis(REDIS_TEST_URL, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 1 });
}

/** Deletes every key of a test run's prefix. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function redisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_TEST_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A private redis-server that one test owns (its own port), to stop and start at will. */
export class RedisInstance {
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();

  private constructor(readonly port: number) {}

  static async create(): Promise<RedisInstance> {
    const instance = new RedisInstance(await freePort());
    await instance.start();
    return instance;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 10_000): Promise<void> {
    if (this.child) return;
    const child = spawn(process.env.REDIS_SERVER ?? 'redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(),
    ], { stdio: 'ignore' });
    this.child = child;
    killOnExit(child);
    this.exit = new Promise<void>((resolve) =>
      child.once('exit', () => {
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (!(await this.answers())) {
      if (!this.child) throw new Error('redis-server exited during start');
      if (Date.now() > deadline) throw new Error(`redis-server did not answer within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exit;
  }

  /** A client on this server (no key prefix). */
  client(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: 1 });
  }

  private async answers(): Promise<boolean> {
    const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  }
}
