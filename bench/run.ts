/* eslint-disable no-console */
import autocannon from 'autocannon';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { mysqlUrlParts } from '../src/config/database-url';
import { totpCode } from '../src/two-factor/totp';
import { inParallel, SEED_PASSWORD, SeededAgent, Seeder } from '../scripts/seeder';

const HELP = `npm run bench: a production build on MariaDB, measured with autocannon; results in bench/results.md.

Knobs (environment):
  BENCH_USERS=100000    accounts in the large run (all with TOTP and 10 backup codes)
  BENCH_SAMPLE=1000     accounts made through the services and measured, per set (a small set, and a
                        sample of the large one); the rest of the large run are copies of one of them
  BENCH_SECONDS=10      length of each timed run
  BENCH_PORT=3999       port of the app under test
  MARIADB_BENCH_URL=mariadb://root@127.0.0.1:3306   server (a database is created and dropped)
  BENCH_SKIP_BUILD=1    use the existing dist/ instead of running nest build
  BENCH_OUT=bench/results.md   where the results go (a tiny run: point it elsewhere)
A tiny run: BENCH_USERS=60 BENCH_SAMPLE=20 BENCH_SECONDS=1 BENCH_OUT=/tmp/bench.md npm run bench`;

/**
 * npm run bench: a production build on MariaDB, measured with autocannon. Every figure is also
 * put next to the framework's own ceiling (`{ __typename }`) measured in the same run, so the
 * ratios mean something on any machine. Results go to bench/results.md; nothing is asserted.
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
const ADMIN_PASSWORD = 'bench-password-2026';
const base = `http://127.0.0.1:${PORT}`;
const thousands = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

type Row = { name: string; value: string; target: string; verdict: string };
const rows: Row[] = [];
const notes: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function run(name: string, opts: Partial<autocannon.Options> & { requests?: any[] }): Promise<autocannon.Result> {
  const all: Record<string, unknown> = { url: `${base}/graphql`, connections: 10, duration: DURATION, ...opts };
  if (all.amount) delete all.duration; // a fixed number of requests instead of a duration
  const result = await autocannon(all as unknown as autocannon.Options);
  console.log(`${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non2xx ${result.non2xx}, errors ${result.errors}`);
  return result;
}

function post(body: object, token?: string) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
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

const VERIFY = 'mutation($t: String!, $m: TwoFactorMethod!, $c: String!) { verifyCode(challengeToken: $t, method: $m, code: $c) { token } }';

/** verifyCode over prepared (challenge, code) pairs, each used once; returns req/s and successes. */
async function verifyRun(name: string, pairs: Array<{ token: string; code: () => string; method: string }>) {
  let i = 0;
  let ok = 0;
  const t0 = performance.now();
  let tLast = t0;
  const result = await run(name, {
    amount: pairs.length,
    requests: [
      {
        ...post({}),
        setupRequest: (req: any) => {
          const p = pairs[i++ % pairs.length];
          return { ...req, body: JSON.stringify({ query: VERIFY, variables: { t: p.token, m: p.method, c: p.code() } }) };
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

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  if (SAMPLE < 1 || BIG < 2 * SAMPLE) throw new Error(`BENCH_USERS (${BIG}) must be at least twice BENCH_SAMPLE (${SAMPLE}); see npm run bench -- --help`);
  const root = join(__dirname, '..');
  if (!process.env.BENCH_SKIP_BUILD) execSync('npx nest build', { cwd: root, stdio: 'inherit' });
  const dbName = `acctsec_bench_${Date.now()}`;
  const server = mysqlUrlParts(MARIADB);
  const admin = await createConnection({ host: server.host, port: server.port, user: server.user || 'root', password: server.password });
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dataDir = mkdtempSync(join(tmpdir(), 'acctsec-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: `${MARIADB.replace(/\/+$/, '')}/${dbName}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dataDir,
    BOOTSTRAP_ADMIN_EMAIL: 'bench-admin@bench.example',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOGIN_FAILURES_PER_IP: '1000000',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
  delete env.SMTP_URL;
  delete env.REDIS_URL;

  const started = Date.now();
  const app: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  let seeder: Seeder | null = null;
  try {
    let firstAnswerMs = 0;
    for (;;) {
      try {
        const r = await gql('{ __typename }');
        if (r.data) break;
      } catch {
        /* not up yet */
      }
      if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
      if (Date.now() - started > 60_000) throw new Error('app did not start');
      await sleep(25);
    }
    firstAnswerMs = Date.now() - started;
    await sleep(3000);
    const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))![1]) / 1024;

    // The seeding context: the same app (services, key, database) in this process, without HTTP.
    // Opened once the app has migrated the database (migrations take no lock).
    Object.assign(process.env, env);
    seeder = await Seeder.open();
    const s = seeder;
    const challenges = (users: SeededAgent[]) => inParallel(users, 8, (u) => s.challenge(u.user));
    const totpPairs = async (users: SeededAgent[]) => {
      const tokens = await challenges(users);
      return users.map((u, k) => ({ token: tokens[k], method: 'TOTP', code: () => totpCode(u.totpSecret!, Date.now()) }));
    };
    const backupPairs = async (users: SeededAgent[]) => {
      const tokens = await challenges(users);
      return users.map((u, k) => ({ token: tokens[k], method: 'BACKUP_CODE', code: () => u.backupCodes[3] }));
    };

    // ---- ceiling and `me`
    const adminLogin = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthSession { token } } }', { e: 'bench-admin@bench.example', p: ADMIN_PASSWORD });
    const adminToken = adminLogin.data.login.token;
    await run('warm-up', { duration: 3, requests: [post({ query: '{ __typename }' })] });
    const ceiling = await run('ceiling { __typename }', { requests: [post({ query: '{ __typename }' })] });
    const me = await run('me', { requests: [post({ query: '{ me { id email role } }' }, adminToken)] });
    // The browser's way: the session cookie that login sets (same session kind, found by the same hash).
    const cookieLogin = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }', variables: { e: 'bench-admin@bench.example', p: ADMIN_PASSWORD } }),
    });
    const sessionCookie = cookieLogin.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c))?.split(';')[0];
    if (!sessionCookie) throw new Error('login set no session cookie');
    const meCookie = await run('me (cookie)', { requests: [{ method: 'POST', headers: { 'content-type': 'application/json', cookie: sessionCookie }, body: JSON.stringify({ query: '{ me { id email role } }' }) }] });
    const c = ceiling.requests.average;
    rows.push({ name: 'ceiling `{ __typename }`', value: `${c.toFixed(0)} req/s (p50 ${ceiling.latency.p50} ms, p99 ${ceiling.latency.p99} ms)`, target: '—', verdict: '—' });
    const meRatio = me.requests.average / c;
    rows.push({ name: '`me` with a session token', value: `${me.requests.average.toFixed(0)} req/s = ${meRatio.toFixed(2)} × ceiling`, target: '≥ 0.8', verdict: meRatio >= 0.8 ? 'met' : 'missed' });
    const meCookieRatio = meCookie.requests.average / c;
    rows.push({ name: '`me` with a session cookie', value: `${meCookie.requests.average.toFixed(0)} req/s = ${meCookieRatio.toFixed(2)} × ceiling (${(meCookie.requests.average / me.requests.average).toFixed(2)} × bearer)`, target: '≥ 0.8', verdict: meCookieRatio >= 0.8 ? 'met' : 'missed' });

    // ---- SAMPLE users: TOTP and backup-code verifyCode
    const small = await agents(s, SAMPLE, 's');
    const totpSmall = await verifyRun(`verifyCode TOTP @${thousands(SAMPLE)} users`, await totpPairs(small));
    const backupSmall = await verifyRun(`verifyCode BACKUP_CODE @${thousands(SAMPLE)} users`, await backupPairs(small));
    const ceiling2 = await run('ceiling again', { requests: [post({ query: '{ __typename }' })] });

    // ---- grow to BIG users, all with TOTP and 10 backup codes: a measured sample through the
    // services, the rest copies of one of them
    const t0 = Date.now();
    const sample = await agents(s, SAMPLE, 'b');
    await s.copies(sample[0].user, BIG - 2 * SAMPLE, (i) => `c${i}@bench.example`);
    notes.push(
      `growing to ${BIG} users took ${((Date.now() - t0) / 1000).toFixed(0)} s: ${SAMPLE} made through the services (TOTP, 10 backup codes, events), ` +
        `${BIG - 2 * SAMPLE} copies of one of them in every per-account table`,
    );
    await s.app.get(DataSource).query('ANALYZE TABLE users, backup_codes, two_factor_settings, login_challenges, sessions, security_events');
    const totpBig = await verifyRun(`verifyCode TOTP @${thousands(BIG)} users`, await totpPairs(sample));
    const backupBig = await verifyRun(`verifyCode BACKUP_CODE @${thousands(BIG)} users`, await backupPairs(sample));

    const totpRatioCeil = totpSmall.rps / c;
    rows.push({ name: `\`verifyCode\` TOTP (${thousands(SAMPLE)} users)`, value: `${totpSmall.rps.toFixed(0)} req/s = ${totpRatioCeil.toFixed(2)} × ceiling`, target: '≥ 0.6', verdict: totpRatioCeil >= 0.6 ? 'met' : 'missed' });
    const grow = (a: number, b: number) => a / b;
    const tr = grow(totpSmall.rps, totpBig.rps);
    const br = grow(backupSmall.rps, backupBig.rps);
    rows.push({ name: `\`verifyCode\` TOTP, ${thousands(SAMPLE)} vs ${thousands(BIG)} users`, value: `${totpSmall.rps.toFixed(0)} vs ${totpBig.rps.toFixed(0)} req/s: cost ratio ${tr.toFixed(2)}`, target: '≤ 1.2', verdict: tr <= 1.2 ? 'met' : 'missed' });
    rows.push({ name: `backup-code redemption, ${thousands(SAMPLE)} vs ${thousands(BIG)} users (10 codes each)`, value: `${backupSmall.rps.toFixed(0)} vs ${backupBig.rps.toFixed(0)} req/s: cost ratio ${br.toFixed(2)}`, target: '≤ 1.2', verdict: br <= 1.2 ? 'met' : 'missed' });

    // ---- admin list at BIG users
    const list = await run(`users(first: 50) full security @${thousands(BIG)}`, {
      connections: 4,
      requests: [post({ query: '{ users(first: 50) { totalCount edges { node { id email security { twoFactorEnabled email { enabled } totp { enabled } backupCodes { total remaining } lockedUntil lastTwoFactorAt } } } } }' }, adminToken)],
    });
    rows.push({ name: `admin \`users(first: 50)\` with full security, ${thousands(BIG)} users`, value: `p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms (${list.requests.average.toFixed(0)} req/s, 4 connections)`, target: 'p50 ≤ 25 ms', verdict: list.latency.p50 <= 25 ? 'met' : 'missed' });

    // ---- event loop under password hashing (the account has TOTP: each login checks the password and gets a challenge)
    let stop = false;
    let logins = 0;
    const loginLoop = async () => {
      while (!stop) {
        await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }', { e: small[0].user.email, p: SEED_PASSWORD });
        logins++;
      }
    };
    const loops = Array.from({ length: 20 }, loginLoop);
    const underLoad = await run('__typename while 20 logins run', { connections: 2, requests: [post({ query: '{ __typename }' })] });
    stop = true;
    await Promise.all(loops);
    rows.push({ name: '`{ __typename }` p99 while 20 concurrent password logins run', value: `p99 ${underLoad.latency.p99} ms (p50 ${underLoad.latency.p50} ms; ${(logins / DURATION).toFixed(0)} logins/s alongside)`, target: '≤ 50 ms', verdict: underLoad.latency.p99 <= 50 ? 'met' : 'missed' });

    rows.push({ name: 'idle RSS 3 s after start', value: `${rssMb.toFixed(0)} MB`, target: '≤ 150 MB', verdict: rssMb <= 150 ? 'met' : 'missed' });
    rows.push({ name: 'process start → first answer', value: `${firstAnswerMs} ms (migrations on an empty database included)`, target: '—', verdict: '—' });
    notes.push(`ceiling measured twice: ${c.toFixed(0)} then ${ceiling2.requests.average.toFixed(0)} req/s`);
  } finally {
    app.kill('SIGTERM');
    await seeder?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }

  const versions = (p: string) => JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version;
  let mariadb = '';
  try {
    mariadb = execSync('mariadb --version').toString().trim();
  } catch {
    mariadb = 'unknown';
  }
  const md = `# Benchmark results

Measured ${new Date().toISOString()} by \`npm run bench\` (bench/run.ts).

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}
- Node ${process.version}; NestJS ${versions('@nestjs/core')}; @apollo/server ${versions('@apollo/server')}; TypeORM ${versions('typeorm')}; mysql2 ${versions('mysql2')}; ${mariadb}
- App: production build (\`nest build\`, \`NODE_ENV=production node dist/src/main.js\`) on MariaDB on the same machine; load from autocannon ${versions('autocannon')} in the same process as the harness, ${DURATION} s runs with 10 connections unless noted.
- Commands: \`npm run bench\` (= \`ts-node --transpile-only bench/run.ts\`); knobs (\`npm run bench -- --help\`): BENCH_USERS=${BIG}, BENCH_SAMPLE=${SAMPLE}, BENCH_SECONDS, BENCH_PORT, MARIADB_BENCH_URL, BENCH_SKIP_BUILD, BENCH_OUT.
- Accounts, factors and challenges are made through the app's services (scripts/seeder.ts); the volume beyond the measured sets is copies of one such account.

| measure | result | target | verdict |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.verdict} |`).join('\n')}

Notes:
${notes.map((n) => `- ${n}`).join('\n')}
`;
  writeFileSync(OUT, md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
