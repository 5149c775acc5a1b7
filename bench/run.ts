/* eslint-disable no-console */
import autocannon from 'autocannon';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { mysqlUrlParts } from '../src/config/database-url';
import { totpCode } from '../src/two-factor/totp';
import { inParallel, SEED_PASSWORD, SeededAgent, Seeder } from '../scripts/seeder';
import type { PipelineMessage, PipelineSwitches } from './pipeline-app';
import { STATEMENTS_MARK, StatementRow, USERS_PAGE } from './shared';

const HELP = `npm run bench: the production build measured with autocannon, on SQLite and on MariaDB; every
target of issue 16 with met/missed, written to bench/results.md.

Knobs (environment):
  BENCH_USERS=100000    accounts in the large MariaDB run (all with TOTP and 10 backup codes)
  BENCH_SAMPLE=1000     accounts made through the services and measured, per set (a small set, and a
                        sample of the large one); the rest of the large run are copies of one of them
  BENCH_SECONDS=10      length of each timed run
  BENCH_PORT=3999       port of the app under test
  MARIADB_BENCH_URL=mariadb://root@127.0.0.1:3306   server (databases are created and dropped)
  BENCH_SKIP_BUILD=1    use the existing dist/ instead of running nest build
  BENCH_NODE_ARGS=…     more node flags for the app under test (a profile: --cpu-prof --cpu-prof-dir=DIR)
  BENCH_OUT=bench/results.md   where the results go (a tiny run: point it elsewhere)
The app under test is started as production starts it (npm run start:prod: MALLOC_ARENA_MAX=2 and the
V8 flags --max-semi-space-size=4 --max-old-space-size=1536) and otherwise inherits this environment.
A tiny run: BENCH_USERS=60 BENCH_SAMPLE=20 BENCH_SECONDS=1 BENCH_OUT=/tmp/bench.md npm run bench

Passes, in order:
  1. statements   the app in-process (as the e2e tests boot it, DB_LOG=1) with the test SMTP sink and
                  OpenID Provider, on SQLite then MariaDB: statements and commits of me, login,
                  verifyCode, completeSsoLogin and the admin list, each run alone after a warm-up
  2. SQLite       the production build on a SQLite file: ceiling, me (bearer, cookie), verifyCode TOTP
  3. pipeline     the production build on SQLite with helmet, the access log, the pre-Apollo query
                  check and the request limit switched off one at a time (bench/pipeline-app.ts)
  4. MariaDB      the production build on MariaDB: ceiling, me, verifyCode and backup codes at
                  BENCH_SAMPLE and BENCH_USERS accounts, the admin list, logins, memory`;

/**
 * npm run bench. Every figure is put next to the framework's own ceiling (`{ __typename }`)
 * measured in the same pass, so the ratios mean something on any machine. Results go to
 * bench/results.md; nothing is asserted and nothing fails on a miss.
 *
 * The accounts, factors and login challenges are made through the app's services
 * (scripts/seeder.ts, an application context on the same database), never by writing rows here.
 */
const MARIADB = process.env.MARIADB_BENCH_URL ?? 'mariadb://root@127.0.0.1:3306';
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const BIG = Number(process.env.BENCH_USERS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 1000);
const OUT = process.env.BENCH_OUT ?? join(__dirname, 'results.md');
const ROOT = join(__dirname, '..');
const ADMIN_EMAIL = 'bench-admin@bench.example';
const ADMIN_PASSWORD = 'bench-password-2026';
const CORES = cpus().length;
const plural = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
const thousands = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (kb: number) => kb / 1024;
const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
/** CPU seconds (user + system) a process has used so far (/proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}
/**
 * A run, with the app's own CPU time per answered request: steadier than req/s on a machine
 * that other work shares (the load generator included), and what a stage of the pipeline costs.
 */
async function measured(app: { proc: ChildProcess }, work: () => Promise<autocannon.Result>): Promise<{ result: autocannon.Result; rps: number; cpuUs: number }> {
  const c0 = cpuSeconds(app.proc.pid!);
  const result = await work();
  const cpuUs = ((cpuSeconds(app.proc.pid!) - c0) * 1e6) / Math.max(1, result.requests.total);
  return { result, rps: result.requests.average, cpuUs };
}

type Verdict = 'met' | 'missed' | '—';
type Row = { name: string; value: string; target: string; verdict: Verdict };
const rows: Row[] = [];
const notes: string[] = [];
const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'missed');

const QUERY = {
  ceiling: '{ __typename }',
  me: '{ me { id email role } }',
  login: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on AuthSession { token } } }',
  verify: 'mutation($t: String!, $m: TwoFactorMethod!, $c: String!) { verifyCode(challengeToken: $t, method: $m, code: $c) { token } }',
};

// ---------------------------------------------------------------- HTTP helpers

function post(body: object, headers: Record<string, string> = {}) {
  return { method: 'POST' as const, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function gql(base: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${base}/graphql`, post({ query, variables }, headers));
  return res.json();
}

async function run(base: string, name: string, opts: Partial<autocannon.Options> & { requests?: any[] }): Promise<autocannon.Result> {
  const all: Record<string, unknown> = { url: `${base}/graphql`, connections: 10, duration: DURATION, ...opts };
  if (all.amount) delete all.duration; // a fixed number of requests instead of a duration
  const result = await autocannon(all as unknown as autocannon.Options);
  console.log(`${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non2xx ${result.non2xx}, errors ${result.errors}`);
  if (result.non2xx || result.errors) notes.push(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

const ceilingRun = (base: string, name: string, seconds = DURATION) => run(base, name, { duration: seconds, requests: [post({ query: QUERY.ceiling })] });
const meRun = (base: string, name: string, headers: Record<string, string>, seconds = DURATION) =>
  run(base, name, { duration: seconds, requests: [post({ query: QUERY.me }, headers)] });

type Pair = { token: string; code: () => string; method: string };

/** verifyCode over prepared (challenge, code) pairs, each used once; returns req/s and successes. */
async function verifyRun(base: string, name: string, pairs: Pair[]) {
  let i = 0;
  let ok = 0;
  const t0 = performance.now();
  let tLast = t0;
  const result = await run(base, name, {
    amount: pairs.length,
    requests: [
      {
        ...post({}),
        setupRequest: (req: any) => {
          const p = pairs[i++ % pairs.length];
          return { ...req, body: JSON.stringify({ query: QUERY.verify, variables: { t: p.token, m: p.method, c: p.code() } }) };
        },
        onResponse: (_status: number, body: string) => {
          tLast = performance.now();
          if (body.includes('"token"')) ok++;
        },
      },
    ],
  });
  if (ok < pairs.length * 0.99) notes.push(`${name}: only ${ok} of ${pairs.length} verifications succeeded`);
  // A fixed number of requests: requests / time to the last answer (autocannon notices the end
  // of a fixed-count run only at its next one-second tick, so its own figures are whole seconds).
  const seconds = (tLast - t0) / 1000;
  const rps = pairs.length / seconds;
  console.log(`${name}: ${rps.toFixed(1)} req/s over ${seconds.toFixed(2)} s`);
  return { rps, ok, result };
}

// ---------------------------------------------------------------- the app under test

interface RunningApp {
  proc: ChildProcess;
  base: string;
  firstAnswerMs: number;
  /** VmRSS of the app process, in KiB. */
  rssKb(): number;
  stop(): Promise<void>;
}

/** The V8 flags production starts the service with (`npm run start:prod`, the Dockerfile's CMD; README "Production process settings"). */
const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=1536'];
/** BENCH_NODE_ARGS: more flags for the app under test, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for the profiles a miss is explained by. */
const EXTRA_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Starts `args` (the production build, or the pipeline probe) as production does, and waits for its first GraphQL answer. */
async function startApp(env: NodeJS.ProcessEnv, args: string[] = ['dist/src/main.js'], ipc = false): Promise<RunningApp> {
  const started = Date.now();
  const proc = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...EXTRA_NODE_ARGS, ...args], { cwd: ROOT, env, stdio: ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${env.PORT}`;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  for (;;) {
    try {
      if ((await gql(base, QUERY.ceiling)).data) break;
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited with code ${proc.exitCode}`);
    if (Date.now() - started > 90_000) throw new Error(`${args.join(' ')} did not start`);
    await sleep(25);
  }
  const firstAnswerMs = Date.now() - started;
  return {
    proc,
    base,
    firstAnswerMs,
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]),
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** The env of the production build on `databaseUrl`; limits that would refuse the load are lifted. */
function appEnv(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dataDir,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOGIN_FAILURES_PER_IP: '1000000',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', // as production (see PRODUCTION_NODE_FLAGS)
    ...extra,
  };
  delete env.SMTP_URL;
  delete env.REDIS_URL;
  delete env.DB_LOG;
  return env;
}

/** The bootstrap admin's bearer token and browser session cookie (the cookie that login sets). */
async function adminCredentials(base: string): Promise<{ token: string; cookie: string }> {
  const login = await gql(base, QUERY.login, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD });
  const token = login.data?.login?.token;
  if (!token) throw new Error(`admin login failed: ${JSON.stringify(login)}`);
  const res = await fetch(`${base}/graphql`, post({ query: QUERY.login, variables: { e: ADMIN_EMAIL, p: ADMIN_PASSWORD } }));
  const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c))?.split(';')[0];
  if (!cookie) throw new Error('login set no session cookie');
  return { token, cookie };
}

/** Samples the app's RSS every 250 ms, for the peak. */
function rssSampler(app: RunningApp) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, app.rssKb());
    } catch {
      /* exited */
    }
  }, 250);
  return {
    peakKb: () => peak,
    stop: () => clearInterval(timer),
  };
}

/**
 * `n` agents with TOTP (and so 10 backup codes), one after the other: on MariaDB, concurrent
 * first-factor enables of different accounts can deadlock on backup_codes (the DELETE of the
 * old set takes a gap lock that the other's INSERT waits for), and seeding is not what is measured.
 */
async function agents(seeder: Seeder, n: number, prefix: string): Promise<SeededAgent[]> {
  const t0 = Date.now();
  const out = await inParallel(Array.from({ length: n }, (_, i) => i), 1, (i) =>
    seeder.agent({ email: `${prefix}${i}@bench.example`, displayName: `Bench ${prefix} ${i}`, totp: true }),
  );
  console.log(`${n} agents with TOTP through the services in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return out;
}

/** The seeding context: the app (services, key, database) in this process, without HTTP. */
async function openSeeder(env: NodeJS.ProcessEnv): Promise<Seeder> {
  for (const k of ['DATABASE_URL', 'ENCRYPTION_KEY', 'DATA_DIR', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'NODE_ENV', 'LOG_LEVEL']) process.env[k] = env[k];
  delete process.env.SMTP_URL;
  delete process.env.REDIS_URL;
  return Seeder.open();
}

function pairsOf(seeder: Seeder) {
  const challenges = (users: SeededAgent[]) => inParallel(users, 8, (u) => seeder.challenge(u.user));
  return {
    totp: async (users: SeededAgent[]): Promise<Pair[]> => {
      const tokens = await challenges(users);
      return users.map((u, k) => ({ token: tokens[k], method: 'TOTP', code: () => totpCode(u.totpSecret!, Date.now()) }));
    },
    backup: async (users: SeededAgent[]): Promise<Pair[]> => {
      const tokens = await challenges(users);
      return users.map((u, k) => ({ token: tokens[k], method: 'BACKUP_CODE', code: () => u.backupCodes[3] }));
    },
  };
}

/** Fails the bench when `me` with these headers does not answer the account (GraphQL errors are HTTP 200). */
async function assertMe(base: string, headers: Record<string, string>, what: string): Promise<void> {
  const r = await gql(base, QUERY.me, {}, headers);
  if (!r.data?.me?.id) throw new Error(`me with ${what} did not answer the account: ${JSON.stringify(r).slice(0, 300)}`);
}

/** Ceiling, then `me` with the bearer token and with the cookie; rows for both ratios. */
async function ceilingAndMe(app: RunningApp, label: string) {
  const { token, cookie } = await adminCredentials(app.base);
  await assertMe(app.base, bearer(token), 'a bearer token');
  await assertMe(app.base, { cookie }, 'the session cookie');
  await ceilingRun(app.base, `${label} warm-up`, Math.min(3, DURATION));
  await meRun(app.base, `${label} warm-up me`, bearer(token), Math.min(3, DURATION));
  const ceiling = await measured(app, () => ceilingRun(app.base, `${label} ceiling { __typename }`));
  const me = await measured(app, () => meRun(app.base, `${label} me (bearer)`, bearer(token)));
  const meCookie = await measured(app, () => meRun(app.base, `${label} me (cookie)`, { cookie }));
  const c = ceiling.rps;
  rows.push({
    name: `${label}: ceiling \`{ __typename }\``,
    value: `${c.toFixed(0)} req/s (p50 ${ceiling.result.latency.p50} ms, p99 ${ceiling.result.latency.p99} ms; app CPU ${ceiling.cpuUs.toFixed(0)} µs/request)`,
    target: '—',
    verdict: '—',
  });
  for (const [kind, r] of [['a bearer token', me], ['the session cookie', meCookie]] as const) {
    const ratio = r.rps / c;
    rows.push({
      name: `${label}: \`me\` with ${kind}`,
      value: `${r.rps.toFixed(0)} req/s = ${ratio.toFixed(2)} × ceiling (app CPU ${r.cpuUs.toFixed(0)} µs/request, ${(r.cpuUs - ceiling.cpuUs).toFixed(0)} more than the ceiling)`,
      target: '≥ 0.85 × ceiling',
      verdict: verdict(ratio >= 0.85),
    });
  }
  return { ceiling: c, token, cookie };
}

// ---------------------------------------------------------------- pass 1: statements

function statementsEnv(db: 'sqlite' | 'mariadb'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DB: db, MARIADB_TEST_URL: MARIADB };
  for (const k of ['LOG_LEVEL', 'DB_LOG', 'SMTP_URL', 'REDIS_URL', 'DATABASE_URL', 'NODE_ENV']) delete env[k];
  return env;
}

async function statementsPass(db: 'sqlite' | 'mariadb'): Promise<StatementRow[]> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/statements.ts'], {
    cwd: ROOT,
    env: statementsEnv(db),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith(STATEMENTS_MARK));
  if (code !== 0 || !line) throw new Error(`bench/statements.ts on ${db} failed (exit ${code})`);
  console.log(`statements on ${db} counted in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return (JSON.parse(line.slice(STATEMENTS_MARK.length)) as { rows: StatementRow[] }).rows;
}

// ---------------------------------------------------------------- pass 2: SQLite

async function sqlitePass() {
  const dir = mkdtempSync(join(tmpdir(), 'acctsec-bench-sqlite-'));
  const env = appEnv(`sqlite:${join(dir, 'bench.sqlite')}`, dir);
  const app = await startApp(env);
  let seeder: Seeder | null = null;
  try {
    await sleep(3000);
    const idleKb = app.rssKb();
    const { ceiling } = await ceilingAndMe(app, 'SQLite');
    seeder = await openSeeder(env);
    const small = await agents(seeder, SAMPLE, 'q');
    const totp = await verifyRun(app.base, `SQLite verifyCode TOTP @${thousands(SAMPLE)} users`, await pairsOf(seeder).totp(small));
    const ratio = totp.rps / ceiling;
    rows.push({ name: `SQLite: \`verifyCode\` TOTP (${thousands(SAMPLE)} users)`, value: `${totp.rps.toFixed(0)} req/s = ${ratio.toFixed(2)} × ceiling`, target: '≥ 0.5 × ceiling', verdict: verdict(ratio >= 0.5) });
    notes.push(`SQLite pass: idle RSS ${mib(idleKb).toFixed(0)} MiB 3 s after the first answer, ${mib(app.rssKb()).toFixed(0)} MiB after its runs`);
  } finally {
    await app.stop();
    await seeder?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- pass 3: the per-request pipeline

async function pipelinePass() {
  const dir = mkdtempSync(join(tmpdir(), 'acctsec-bench-pipeline-'));
  // LOG_LEVEL info: the production default (a line per request, here to /dev/null).
  const env = appEnv(`sqlite:${join(dir, 'bench.sqlite')}`, dir, { LOG_LEVEL: 'info' });
  const app = await startApp(env, ['-r', 'ts-node/register/transpile-only', 'bench/pipeline-app.ts'], true);
  const set = (s: PipelineSwitches) =>
    new Promise<void>((resolve) => {
      app.proc.once('message', () => resolve());
      app.proc.send({ set: s } satisfies PipelineMessage);
    });
  const all: PipelineSwitches = { helmet: true, accessLog: true, queryCheck: true, throttler: true, logLevel: 'info' };
  const seconds = Math.max(1, Math.round(DURATION / 2));
  try {
    const { token } = await adminCredentials(app.base);
    await assertMe(app.base, bearer(token), 'a bearer token');
    await ceilingRun(app.base, 'pipeline warm-up', Math.min(3, DURATION));
    await meRun(app.base, 'pipeline warm-up me', bearer(token), Math.min(3, DURATION));
    const variants: Array<{ name: string; off: PipelineSwitches; op: 'ceiling' | 'me' }> = [
      { name: 'everything on (access log at info)', off: {}, op: 'ceiling' },
      { name: 'helmet off', off: { helmet: false }, op: 'ceiling' },
      { name: 'access log at warn (no line per request)', off: { logLevel: 'warn' }, op: 'ceiling' },
      { name: 'access log off (and the per-request logger binding)', off: { accessLog: false }, op: 'ceiling' },
      { name: 'pre-Apollo query check off', off: { queryCheck: false }, op: 'ceiling' },
      { name: 'all four off', off: { helmet: false, accessLog: false, queryCheck: false }, op: 'ceiling' },
      { name: '`me`, everything on', off: {}, op: 'me' },
      { name: '`me`, request limit (throttler guard) off', off: { throttler: false }, op: 'me' },
    ];
    const runs = new Map<string, Array<{ rps: number; cpuUs: number }>>();
    // Two interleaved rounds: the machine's drift lands on every variant alike.
    for (let round = 0; round < 2; round++) {
      for (const v of variants) {
        await set({ ...all, ...v.off });
        const r = await measured(app, () =>
          v.op === 'ceiling' ? ceilingRun(app.base, `pipeline: ${v.name}`, seconds) : meRun(app.base, `pipeline: ${v.name}`, bearer(token), seconds),
        );
        runs.set(v.name, [...(runs.get(v.name) ?? []), { rps: r.rps, cpuUs: r.cpuUs }]);
      }
    }
    await set(all);
    const mean = (name: string, k: 'rps' | 'cpuUs') => runs.get(name)!.reduce((a, b) => a + b[k], 0) / runs.get(name)!.length;
    const baseline = {
      ceiling: variants.find((v) => v.op === 'ceiling' && !Object.keys(v.off).length)!.name,
      me: variants.find((v) => v.op === 'me' && !Object.keys(v.off).length)!.name,
    };
    const lines = variants.map((v) => {
      const b = baseline[v.op];
      const saved = mean(b, 'cpuUs') - mean(v.name, 'cpuUs');
      const cost = Object.keys(v.off).length ? `${saved.toFixed(0)} µs (${((100 * saved) / mean(b, 'cpuUs')).toFixed(0)} %)` : '—';
      const rounds = runs.get(v.name)!.map((x) => `${x.rps.toFixed(0)} req/s, ${x.cpuUs.toFixed(0)} µs`).join('; ');
      return `| ${v.name} | ${v.op === 'ceiling' ? '`{ __typename }`' : '`me`'} | ${rounds} | ${cost} |`;
    });
    return lines;
  } finally {
    if (app.proc.connected) app.proc.send({ stop: true } satisfies PipelineMessage);
    await Promise.race([new Promise((r) => app.proc.once('exit', r)), sleep(5000)]);
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- pass 4: MariaDB

async function mariadbPass() {
  const dbName = `acctsec_bench_${Date.now()}`;
  const server = mysqlUrlParts(MARIADB);
  const admin = await createConnection({ host: server.host, port: server.port, user: server.user || 'root', password: server.password });
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dataDir = mkdtempSync(join(tmpdir(), 'acctsec-bench-'));
  const env = appEnv(`${MARIADB.replace(/\/+$/, '')}/${dbName}`, dataDir);
  let app: RunningApp | null = null;
  let seeder: Seeder | null = null;
  try {
    app = await startApp(env);
    const base = app.base;
    await sleep(3000);
    const idleKb = app.rssKb();
    const rss = rssSampler(app);

    // Opened once the app has migrated the database (migrations take no lock).
    seeder = await openSeeder(env);
    const s = seeder;
    const pairs = pairsOf(s);

    // ---- ceiling and `me`
    const { ceiling: c, token: adminToken } = await ceilingAndMe(app, 'MariaDB');

    // ---- SAMPLE users: TOTP and backup-code verifyCode
    const small = await agents(s, SAMPLE, 's');
    const totpSmall = await verifyRun(base, `verifyCode TOTP @${thousands(SAMPLE)} users`, await pairs.totp(small));
    const backupSmall = await verifyRun(base, `verifyCode BACKUP_CODE @${thousands(SAMPLE)} users`, await pairs.backup(small));
    const ceiling2 = await ceilingRun(base, 'ceiling again');

    // ---- grow to BIG users, all with TOTP and 10 backup codes: a measured sample through the
    // services, the rest copies of one of them
    const t0 = Date.now();
    const sample = await agents(s, SAMPLE, 'b');
    await s.copies(sample[0].user, BIG - 2 * SAMPLE, (i) => `c${i}@bench.example`);
    notes.push(
      `growing to ${BIG} users took ${((Date.now() - t0) / 1000).toFixed(0)} s: ${SAMPLE} made through the services (TOTP, 10 backup codes, events), ` +
        `${BIG - 2 * SAMPLE} copies of one of them in every per-account table`,
    );
    await s.app.get(DataSource).query('ANALYZE TABLE users, backup_codes, backup_code_sets, two_factor_settings, login_challenges, sessions, security_events');
    const totpBig = await verifyRun(base, `verifyCode TOTP @${thousands(BIG)} users`, await pairs.totp(sample));
    const backupBig = await verifyRun(base, `verifyCode BACKUP_CODE @${thousands(BIG)} users`, await pairs.backup(sample));

    const totpRatio = totpSmall.rps / c;
    rows.push({ name: `MariaDB: \`verifyCode\` TOTP (${thousands(SAMPLE)} users)`, value: `${totpSmall.rps.toFixed(0)} req/s = ${totpRatio.toFixed(2)} × ceiling`, target: '≥ 0.3 × ceiling', verdict: verdict(totpRatio >= 0.3) });
    const tr = totpSmall.rps / totpBig.rps;
    const br = backupSmall.rps / backupBig.rps;
    rows.push({ name: `MariaDB: \`verifyCode\` TOTP, ${thousands(SAMPLE)} vs ${thousands(BIG)} users`, value: `${totpSmall.rps.toFixed(0)} vs ${totpBig.rps.toFixed(0)} req/s: cost ratio ${tr.toFixed(2)}`, target: '≤ 1.2', verdict: verdict(tr <= 1.2) });
    rows.push({ name: `MariaDB: backup-code redemption, ${thousands(SAMPLE)} vs ${thousands(BIG)} users (10 codes each)`, value: `${backupSmall.rps.toFixed(0)} vs ${backupBig.rps.toFixed(0)} req/s: cost ratio ${br.toFixed(2)}`, target: '≤ 1.2', verdict: verdict(br <= 1.2) });

    // ---- admin list at BIG users
    const list = await run(base, `users(first: 50) full security @${thousands(BIG)}`, { connections: 4, requests: [post({ query: USERS_PAGE }, bearer(adminToken))] });
    rows.push({
      name: `MariaDB: admin \`users(first: 50)\` with full security, ${thousands(BIG)} users`,
      value: `p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms (${list.requests.average.toFixed(0)} req/s, 4 connections)`,
      target: 'p50 ≤ 25 ms, p99 ≤ 60 ms',
      verdict: verdict(list.latency.p50 <= 25 && list.latency.p99 <= 60),
    });
    notes.push(
      '`totalCount` of the admin list: an exact COUNT, kept per filter by each instance for 10 s (src/users/user-list-counts.ts) and dropped at once by ' +
        "that instance's user writes (create, invite, activate, deactivate, role) and an admin's reset, unlock or unlink; the pages of one filter share it, so the timed runs above read it from memory after their first request",
    );
    // The other sorts and a filter that once grouped the whole backup_codes table per user row.
    const variants: Array<[string, string]> = [
      ['orderBy EMAIL ASC', '{ users(first: 50, orderBy: { field: EMAIL, direction: ASC }) { totalCount edges { node { id } } } }'],
      ['orderBy LAST_LOGIN_AT DESC', '{ users(first: 50, orderBy: { field: LAST_LOGIN_AT, direction: DESC }) { totalCount edges { node { id } } } }'],
      ['orderBy DISPLAY_NAME ASC', '{ users(first: 50, orderBy: { field: DISPLAY_NAME, direction: ASC }) { totalCount edges { node { id } } } }'],
      ['backupCodesRemainingAtMost: 2', '{ users(first: 50, backupCodesRemainingAtMost: 2) { totalCount edges { node { id } } } }'],
    ];
    const other: string[] = [];
    for (const [label, query] of variants) {
      const probe = await gql(base, query, {}, bearer(adminToken));
      // A refused query is a result to report (e.g. a filter past the 10 s query timeout), not the end of the run.
      if (probe.errors) {
        other.push(`${label}: refused with ${probe.errors[0]?.extensions?.code ?? 'an error'}`);
        notes.push(`admin list ${label} at ${thousands(BIG)} users: ${JSON.stringify(probe.errors[0]).slice(0, 300)}`);
        continue;
      }
      const r = await run(base, `users(first: 50) ${label} @${thousands(BIG)}`, { connections: 2, duration: Math.max(1, Math.round(DURATION / 2)), requests: [post({ query }, bearer(adminToken))] });
      other.push(`${label}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    }
    rows.push({ name: `MariaDB: admin list, other sorts and a filter, ${thousands(BIG)} users (2 connections)`, value: other.join('; '), target: 'report', verdict: '—' });

    // ---- password logins without 2FA (argon2) while `{ __typename }` is measured
    // Twenty accounts, one login loop each: the per-account limit counts attempts in flight, and
    // twenty sign-ins of one account at once from one address is an attack, not a load.
    const plain = await inParallel(Array.from({ length: 20 }, (_, i) => i), 1, (i) => s.agent({ email: `nofactor${i}@bench.example`, displayName: `Bench no 2FA ${i}` }));
    let stop = false;
    let logins = 0;
    let failed = 0;
    let firstFailure = '';
    const loginLoop = async (account: SeededAgent) => {
      while (!stop) {
        const r = await gql(base, QUERY.login, { e: account.user.email, p: SEED_PASSWORD });
        if (r.data?.login?.token) logins++;
        else {
          failed++;
          firstFailure ||= JSON.stringify(r.errors?.[0] ?? r).slice(0, 300);
        }
      }
    };
    const loginStart = performance.now();
    const loops = plain.map(loginLoop);
    const underLoad = await run(base, '__typename while 20 logins run', { connections: 2, requests: [post({ query: QUERY.ceiling })] });
    stop = true;
    await Promise.all(loops);
    const loginSeconds = (performance.now() - loginStart) / 1000;
    if (failed) notes.push(`${failed} of the password logins did not end with a session; the first answer: ${firstFailure}`);
    const perSecond = logins / loginSeconds;
    rows.push({
      name: 'MariaDB: `login` without 2FA, 20 at a time',
      value: `${perSecond.toFixed(1)} logins/s = ${(perSecond / CORES).toFixed(1)} per core (${CORES} cores; argon2id 19 MiB, t=2)`,
      target: 'report',
      verdict: '—',
    });
    rows.push({ name: 'MariaDB: `{ __typename }` p99 while 20 logins run', value: `p99 ${underLoad.latency.p99} ms (p50 ${underLoad.latency.p50} ms)`, target: '≤ 50 ms', verdict: verdict(underLoad.latency.p99 <= 50) });

    // ---- memory
    rss.stop();
    const afterKb = app.rssKb();
    rows.push({ name: 'MariaDB: idle RSS, 3 s after the first answer', value: `${mib(idleKb).toFixed(0)} MiB`, target: '≤ 150 MiB', verdict: verdict(mib(idleKb) <= 150) });
    rows.push({ name: 'MariaDB: RSS after the load runs', value: `${mib(afterKb).toFixed(0)} MiB (peak while loaded ${mib(rss.peakKb()).toFixed(0)} MiB)`, target: '≤ 250 MiB', verdict: verdict(mib(afterKb) <= 250) });
    rows.push({ name: 'MariaDB: process start → first answer', value: `${app.firstAnswerMs} ms (migrations on an empty database included)`, target: '—', verdict: '—' });
    notes.push(`MariaDB ceiling measured twice: ${c.toFixed(0)} then ${ceiling2.requests.average.toFixed(0)} req/s`);
  } finally {
    await app?.stop();
    await seeder?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- results

function statementTable(counted: Record<string, StatementRow[]>): string {
  const dbs = Object.keys(counted);
  const ops = counted[dbs[0]].map((r, i) => ({ key: i, operation: r.operation, note: r.note }));
  const n = plural;
  const cell = (r: StatementRow) =>
    `${n(r.statements, 'statement')}; ${n(r.transactions, 'transaction')}, ${n(r.commits + r.autocommitWrites, 'commit')} (${r.commits} COMMIT + ${n(r.autocommitWrites, 'autocommit write')})`;
  return [
    `| operation | ${dbs.map((d) => (d === 'sqlite' ? 'SQLite' : 'MariaDB')).join(' | ')} |`,
    `| --- | ${dbs.map(() => '---').join(' | ')} |`,
    ...ops.map((o) => `| \`${o.operation}\` (${o.note}) | ${dbs.map((d) => cell(counted[d][o.key])).join(' | ')} |`),
  ].join('\n');
}

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  if (SAMPLE < 1 || BIG < 2 * SAMPLE) throw new Error(`BENCH_USERS (${BIG}) must be at least twice BENCH_SAMPLE (${SAMPLE}); see npm run bench -- --help`);
  if (!process.env.BENCH_SKIP_BUILD) execSync('npx nest build', { cwd: ROOT, stdio: 'inherit' });
  const started = Date.now();

  const counted = { sqlite: await statementsPass('sqlite'), mariadb: await statementsPass('mariadb') };
  const meRow = (db: 'sqlite' | 'mariadb') => counted[db].find((r) => r.operation === 'me')!;
  const meStatements = Math.max(meRow('sqlite').statements, meRow('mariadb').statements);
  rows.push({ name: '`me`: statements (counted)', value: `SQLite ${meRow('sqlite').statements}, MariaDB ${meRow('mariadb').statements}`, target: '1 (session ⨝ user)', verdict: verdict(meStatements <= 1) });
  for (const op of ['login', 'verifyCode', 'completeSsoLogin']) {
    const r = (db: 'sqlite' | 'mariadb') => counted[db].find((x) => x.operation === op)!;
    const commits = (x: StatementRow) => x.commits + x.autocommitWrites;
    rows.push({
      name: `\`${op}\`: statements, commits (counted)`,
      value: `SQLite ${r('sqlite').statements}, ${plural(commits(r('sqlite')), 'commit')}; MariaDB ${r('mariadb').statements}, ${plural(commits(r('mariadb')), 'commit')}`,
      target: 'counted',
      verdict: '—',
    });
  }

  await sqlitePass();
  const pipeline = await pipelinePass();
  await mariadbPass();

  const versions = (p: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
  let mariadb = '';
  try {
    mariadb = execSync('mariadb --version').toString().trim();
  } catch {
    mariadb = 'unknown';
  }
  const met = rows.filter((r) => r.verdict === 'met').length;
  const missed = rows.filter((r) => r.verdict === 'missed').length;
  const md = `# Benchmark results

Measured ${new Date().toISOString()} by \`npm run bench\` (bench/run.ts), ${((Date.now() - started) / 60000).toFixed(0)} min after the build.

- Machine: ${CORES} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}
- Node ${process.version}; NestJS ${versions('@nestjs/core')}; @apollo/server ${versions('@apollo/server')}; TypeORM ${versions('typeorm')}; mysql2 ${versions('mysql2')}; better-sqlite3 ${versions('better-sqlite3')}; ${mariadb}
- App: production build (\`nest build\`, \`NODE_ENV=production node dist/src/main.js\`, LOG_LEVEL=warn) on a SQLite file and on MariaDB on the same machine; load from autocannon ${versions('autocannon')} in the same process as the harness, ${DURATION} s runs with 10 connections unless noted.
- Commands: \`npm run bench\` (= \`ts-node --transpile-only bench/run.ts\`); knobs (\`npm run bench -- --help\`): BENCH_USERS=${BIG}, BENCH_SAMPLE=${SAMPLE}, BENCH_SECONDS=${DURATION}, BENCH_PORT, MARIADB_BENCH_URL, BENCH_SKIP_BUILD, BENCH_OUT.
- Accounts, factors and challenges are made through the app's services (scripts/seeder.ts); the volume beyond the measured sets is copies of one such account.
- Ratios are against the ceiling of the same pass (SQLite or MariaDB).

## Targets (issue 16): ${met} met, ${missed} missed

| measure | result | target | verdict |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.verdict} |`).join('\n')}

## Statements per operation (counted)

Each operation run alone after a warm-up, the app booted in-process as the e2e tests boot it (DB_LOG=1, \`QueryCounter\`), with the test SMTP sink and OpenID Provider (bench/statements.ts). A commit is an explicit COMMIT or a write sent outside a transaction (autocommit); each is a durable write (an fsync on MariaDB's defaults).

${statementTable(counted)}

## Per-request pipeline

The production build on SQLite with one stage switched off at a time in the running process (bench/pipeline-app.ts), two interleaved rounds of ${Math.max(1, Math.round(DURATION / 2))} s each; the access log at \`info\` (the production default, one line per request, written to /dev/null). Cost = the app's CPU time per request (user + system, /proc) saved by switching the stage off, with its share of the request; differences of a few percent are within the noise of one run.

| variant | operation | each round: req/s, app CPU per request | cost per request |
| --- | --- | --- | --- |
${pipeline.join('\n')}

## Notes

${notes.map((n) => `- ${n}`).join('\n')}
`;
  writeFileSync(OUT, md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
