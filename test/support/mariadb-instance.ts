import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mysqlConnection } from './database';
import { freePort, killOnExit } from './processes';

const MARIADBD = process.env.MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB ?? 'mariadb-install-db';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private MariaDB server that one test owns: its own data directory (under the OS temp dir),
 * port and socket, started, stopped and restarted by the test. The shared server on 3306 is
 * never touched. About 1 s to create, well under 1 s to start, ~1.5 s to stop.
 */
export class MariaDbInstance {
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();
  private log = '';
  private paused = false;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  /** Initialises a data directory (database `acctsec`, user `acctsec`) and starts the server. */
  static async create(): Promise<MariaDbInstance> {
    const dir = mkdtempSync(join(tmpdir(), 'acctsec-mdb-'));
    const instance = new MariaDbInstance(dir, await freePort(), randomBytes(12).toString('hex'));
    try {
      await promisify(execFile)(INSTALL_DB, [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        `--user=${userInfo().username}`,
        '--auth-root-authentication-method=socket',
        '--skip-test-db',
      ], { timeout: 60_000 });
      // Runs on every start; idempotent.
      writeFileSync(join(dir, 'init.sql'), [
        'CREATE DATABASE IF NOT EXISTS acctsec CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
        `CREATE USER IF NOT EXISTS 'acctsec'@'127.0.0.1' IDENTIFIED BY '${instance.password}';`,
        "GRANT ALL ON acctsec.* TO 'acctsec'@'127.0.0.1';",
        '',
      ].join('\n'));
      await instance.start();
    } catch (e) {
      await instance.destroy();
      throw e;
    }
    return instance;
  }

  /** For DATABASE_URL. */
  get url(): string {
    return `mariadb://acctsec:${this.password}@127.0.0.1:${this.port}/acctsec`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server (same data directory and port as before) and waits until it accepts logins. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.child) return;
    const child = spawn(MARIADBD, [
      '--no-defaults',
      `--datadir=${join(this.dir, 'data')}`,
      `--user=${userInfo().username}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(this.dir, 'mysqld.sock')}`,
      `--pid-file=${join(this.dir, 'mysqld.pid')}`,
      `--init-file=${join(this.dir, 'init.sql')}`,
      '--skip-name-resolve',
      '--skip-log-bin',
      '--performance-schema=OFF',
      '--innodb-buffer-pool-size=32M',
      '--innodb-flush-log-at-trx-commit=2',
      '--max-connections=100',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    killOnExit(child);
    const keep = (c: Buffer) => {
      this.log = (this.log + c.toString('utf8')).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exit = new Promise<void>((resolve) =>
      child.once('exit', () => {
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.child) throw new Error(`mariadbd exited during start:\n${this.log.slice(-3000)}`);
      if (await this.accepts()) return;
      if (Date.now() > deadline) throw new Error(`mariadbd did not accept connections within ${timeoutMs} ms:\n${this.log.slice(-3000)}`);
      await sleep(50);
    }
  }

  /**
   * Freezes the server (SIGSTOP): connections stay open and new ones are accepted by the kernel,
   * but nothing answers, as with a hung host, a full disk or a stalled storage volume.
   */
  async pause(): Promise<void> {
    if (!this.child) throw new Error('mariadbd is not running');
    this.child.kill('SIGSTOP');
    this.paused = true;
    // SIGSTOP reaches a thread running on another core only at its next kernel entry: until every
    // thread reads as stopped, a query may still be answered (seen on a busy 2-core machine).
    const pid = this.child.pid!;
    for (let i = 0; i < 200; i++) {
      if (allThreadsStopped(pid)) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('mariadbd did not stop after SIGSTOP');
  }

  /** Thaws a paused server (SIGCONT). */
  resume(): void {
    if (this.child && this.paused) this.child.kill('SIGCONT');
    this.paused = false;
  }

  /** Clean shutdown (SIGTERM), as an operator's restart does; resolves once the server is gone. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.resume(); // a stopped process would hold the SIGTERM until it is continued
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(killer);
  }

  /** Crash (SIGKILL). */
  async kill(): Promise<void> {
    this.paused = false;
    this.child?.kill('SIGKILL');
    await this.exit;
  }

  async destroy(): Promise<void> {
    await this.stop();
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }

  private async accepts(): Promise<boolean> {
    try {
      const c = await mysqlConnection(this.url, { connectTimeout: 1_000 });
      await c.end();
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether every thread of `pid` is in state T (stopped), per /proc. */
function allThreadsStopped(pid: number): boolean {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.every((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
    });
  } catch {
    return false;
  }
}
