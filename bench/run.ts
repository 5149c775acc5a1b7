/* eslint-disable no-console */
import autocannon from 'autocannon';
import * as argon2 from 'argon2';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection, Connection } from 'mysql2/promise';
import { generateBackupCode, normalizeBackupCode } from '../src/backup-codes/backup-code-format';
import { CryptoService } from '../src/common/crypto/crypto.service';
import { sha256 } from '../src/common/crypto/tokens';
import { generateTotpSecret, totpCode } from '../src/two-factor/totp';

/**
 * npm run bench: a production build on MariaDB, measured with autocannon. Every figure is also
 * put next to the framework's own ceiling (`{ __typename }`) measured in the same run, so the
 * ratios mean something on any machine. Results go to bench/results.md; nothing is asserted.
 */
const MARIADB = process.env.MARIADB_BENCH_URL ?? 'mariadb://root@127.0.0.1:3306';
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const BIG = Number(process.env.BENCH_USERS ?? 100_000);
const PASSWORD = 'bench-password-2026';
const base = `http://127.0.0.1:${PORT}`;

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

function dbTime(d: Date) {
  return d.toISOString().replace('T', ' ').replace('Z', '');
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

class Seeder {
  constructor(
    private readonly db: Connection,
    private readonly crypto: CryptoService,
    private readonly hash: string,
  ) {}

  /** n users in bulk; each gets TOTP and 10 backup codes when `factors`. Returns the ids with their secrets/codes. */
  async users(n: number, prefix: string, factors: boolean): Promise<Array<{ id: string; secret: string; codes: string[] }>> {
    const out: Array<{ id: string; secret: string; codes: string[] }> = [];
    const now = Date.now();
    for (let start = 0; start < n; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, n - start) }, (_, i) => ({ id: randomUUID(), i: start + i }));
      await this.db.query('INSERT INTO users (id, email, email_lower, display_name, role, password_hash, created_at) VALUES ?', [
        batch.map((b) => [b.id, `${prefix}${b.i}@bench.example`, `${prefix}${b.i}@bench.example`, `Bench ${prefix} ${b.i}`, 'AGENT', this.hash, dbTime(new Date(now + b.i))]),
      ]);
      if (!factors) continue;
      const settings: unknown[][] = [];
      const codes: unknown[][] = [];
      for (const b of batch) {
        const secret = generateTotpSecret();
        const plain = Array.from({ length: 10 }, generateBackupCode);
        out.push({ id: b.id, secret, codes: plain });
        settings.push([b.id, this.crypto.encrypt(secret, `totp:${b.id}`), dbTime(new Date()), 0]);
        plain.forEach((c, position) =>
          codes.push([randomUUID(), b.id, position, this.crypto.encrypt(c, `backup-code:${b.id}`), this.crypto.lookupHash(`backup:${b.id}:${normalizeBackupCode(c)}`), dbTime(new Date())]),
        );
      }
      await this.db.query('INSERT INTO two_factor_settings (user_id, totp_secret, totp_enabled_at, failed_count) VALUES ?', [settings]);
      await this.db.query('INSERT INTO backup_codes (id, user_id, position, code_sealed, lookup_hash, created_at) VALUES ?', [codes]);
    }
    return out;
  }

  async challenges(userIds: string[]): Promise<string[]> {
    const tokens = userIds.map(() => randomBytes(32).toString('base64url'));
    const exp = dbTime(new Date(Date.now() + 3600_000));
    for (let s = 0; s < userIds.length; s += 1000) {
      await this.db.query('INSERT INTO login_challenges (id, user_id, token_hash, event, attempts, created_at, expires_at) VALUES ?', [
        userIds.slice(s, s + 1000).map((id, i) => [randomUUID(), id, sha256(tokens[s + i]), 'LOGIN', 0, dbTime(new Date()), exp]),
      ]);
    }
    return tokens;
  }
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
  const root = join(__dirname, '..');
  if (!process.env.BENCH_SKIP_BUILD) execSync('npx nest build', { cwd: root, stdio: 'inherit' });
  const dbName = `acctsec_bench_${Date.now()}`;
  const url = new URL(MARIADB.replace(/^mariadb:/, 'mysql:'));
  const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: decodeURIComponent(url.password) });
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const key = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'acctsec-bench-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: `${MARIADB.replace(/\/+$/, '')}/${dbName}`,
    ENCRYPTION_KEY: key.toString('base64'),
    DATA_DIR: dataDir,
    BOOTSTRAP_ADMIN_EMAIL: 'bench-admin@bench.example',
    BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    LOGIN_FAILURES_PER_IP: '1000000',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
  delete (env as Record<string, unknown>).SMTP_URL;
  delete (env as Record<string, unknown>).REDIS_URL;

  const started = Date.now();
  const app: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  let firstAnswerMs = 0;
  for (;;) {
    try {
      const r = await gql('{ __typename }');
      if (r.data) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 60_000) throw new Error('app did not start');
    await sleep(25);
  }
  firstAnswerMs = Date.now() - started;
  await sleep(3000);
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))![1]) / 1024;

  const db = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: decodeURIComponent(url.password), database: dbName, timezone: 'Z' });
  const seeder = new Seeder(db, new CryptoService({ key, previous: [] } as any), await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }));

  try {
    // ---- ceiling and `me`
    const adminLogin = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthSession { token } } }', { e: 'bench-admin@bench.example', p: PASSWORD });
    const adminToken = adminLogin.data.login.token;
    await run('warm-up', { duration: 3, requests: [post({ query: '{ __typename }' })] });
    const ceiling = await run('ceiling { __typename }', { requests: [post({ query: '{ __typename }' })] });
    const me = await run('me', { requests: [post({ query: '{ me { id email role } }' }, adminToken)] });
    const c = ceiling.requests.average;
    rows.push({ name: 'ceiling `{ __typename }`', value: `${c.toFixed(0)} req/s (p50 ${ceiling.latency.p50} ms, p99 ${ceiling.latency.p99} ms)`, target: '—', verdict: '—' });
    const meRatio = me.requests.average / c;
    rows.push({ name: '`me` with a session token', value: `${me.requests.average.toFixed(0)} req/s = ${meRatio.toFixed(2)} × ceiling`, target: '≥ 0.8', verdict: meRatio >= 0.8 ? 'met' : 'missed' });

    // ---- 1,000 users: TOTP and backup-code verifyCode
    const small = await seeder.users(1000, 's', true);
    const step = () => Date.now();
    const totpPairs = async (users: typeof small) => {
      const tokens = await seeder.challenges(users.map((u) => u.id));
      return users.map((u, k) => ({ token: tokens[k], method: 'TOTP', code: () => totpCode(u.secret, step()) }));
    };
    const backupPairs = async (users: typeof small) => {
      const tokens = await seeder.challenges(users.map((u) => u.id));
      return users.map((u, k) => ({ token: tokens[k], method: 'BACKUP_CODE', code: () => u.codes[3] }));
    };
    const totpSmall = await verifyRun('verifyCode TOTP @1k users', await totpPairs(small.slice(0, 1000)));
    const backupSmall = await verifyRun('verifyCode BACKUP_CODE @1k users', await backupPairs(small));
    const ceiling2 = await run('ceiling again', { requests: [post({ query: '{ __typename }' })] });

    // ---- grow to BIG users, all with TOTP and 10 backup codes
    const t0 = Date.now();
    const bigUsers = await seeder.users(BIG - 1000, 'b', true);
    notes.push(`seeding ${BIG - 1000} more users with TOTP and 10 backup codes each took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await db.query('ANALYZE TABLE users, backup_codes, two_factor_settings, login_challenges, sessions');
    const totpBig = await verifyRun(`verifyCode TOTP @${BIG / 1000}k users`, await totpPairs(bigUsers.slice(0, 1000)));
    const backupBig = await verifyRun(`verifyCode BACKUP_CODE @${BIG / 1000}k users`, await backupPairs(bigUsers.slice(0, 1000)));

    const totpRatioCeil = totpSmall.rps / c;
    rows.push({ name: '`verifyCode` TOTP (1k users)', value: `${totpSmall.rps.toFixed(0)} req/s = ${totpRatioCeil.toFixed(2)} × ceiling`, target: '≥ 0.6', verdict: totpRatioCeil >= 0.6 ? 'met' : 'missed' });
    const grow = (a: number, b: number) => a / b;
    const tr = grow(totpSmall.rps, totpBig.rps);
    const br = grow(backupSmall.rps, backupBig.rps);
    rows.push({ name: `\`verifyCode\` TOTP, 1k vs ${BIG / 1000}k users`, value: `${totpSmall.rps.toFixed(0)} vs ${totpBig.rps.toFixed(0)} req/s: cost ratio ${tr.toFixed(2)}`, target: '≤ 1.2', verdict: tr <= 1.2 ? 'met' : 'missed' });
    rows.push({ name: `backup-code redemption, 1k vs ${BIG / 1000}k users (10 codes each)`, value: `${backupSmall.rps.toFixed(0)} vs ${backupBig.rps.toFixed(0)} req/s: cost ratio ${br.toFixed(2)}`, target: '≤ 1.2', verdict: br <= 1.2 ? 'met' : 'missed' });

    // ---- admin list at BIG users
    const list = await run(`users(first: 50) full security @${BIG / 1000}k`, {
      connections: 4,
      requests: [post({ query: '{ users(first: 50) { totalCount edges { node { id email security { twoFactorEnabled email { enabled } totp { enabled } backupCodes { total remaining } lockedUntil lastTwoFactorAt } } } } }' }, adminToken)],
    });
    rows.push({ name: `admin \`users(first: 50)\` with full security, ${BIG / 1000}k users`, value: `p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms (${list.requests.average.toFixed(0)} req/s, 4 connections)`, target: 'p50 ≤ 25 ms', verdict: list.latency.p50 <= 25 ? 'met' : 'missed' });

    // ---- event loop under password hashing
    let stop = false;
    let logins = 0;
    const loginLoop = async () => {
      while (!stop) {
        await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }', { e: 's1@bench.example', p: PASSWORD });
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
    await db.end();
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
- Commands: \`npm run bench\` (= \`ts-node --transpile-only bench/run.ts\`); knobs: BENCH_SECONDS, BENCH_USERS, BENCH_PORT, MARIADB_BENCH_URL, BENCH_SKIP_BUILD.

| measure | result | target | verdict |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.verdict} |`).join('\n')}

Notes:
${notes.map((n) => `- ${n}`).join('\n')}
`;
  writeFileSync(join(root, 'bench', 'results.md'), md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
