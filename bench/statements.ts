/* eslint-disable no-console */
/**
 * What one operation costs the database, counted, not estimated: the app is booted in this
 * process as the e2e tests boot it (test/support/create-app, DB_LOG=1 so every statement goes
 * through `QueryCounter`), with the test SMTP sink and the test OpenID Provider, on the database
 * TEST_DB names (sqlite, or mariadb at MARIADB_TEST_URL). Each operation runs once to warm up,
 * then once counted, alone: the count starts when the database has been quiet for a moment and
 * ends when it is quiet again, so work an operation leaves for after its answer (after-commit
 * mail, events) is counted with it.
 *
 * Run by `npm run bench` (bench/run.ts) for each database; prints one `BENCH_STATEMENTS {json}`
 * line. By hand: `TEST_DB=sqlite npx ts-node --transpile-only bench/statements.ts`.
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from '../test/support/create-app';
import { Browser, startIdp, TestIdp } from '../test/support/oidc';
import { totpFor } from '../test/support/totp';
import { TEST_DB } from '../test/support/database';
import { QueryCounter } from '../src/database/query-counter';
import { STATEMENTS_MARK, StatementRow, USERS_PAGE } from './shared';

const PUBLIC_URL = 'http://sso-bench.test';
const WEB = 'http://web-bench.test';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on AuthSession { token } ... on TwoFactorChallenge { challengeToken } } }';
const ME = '{ me { id email role } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifyCode(challengeToken: $t, method: TOTP, code: $c) { token } }';
const ENABLE_TOTP = 'mutation { enableTotp { secret } }';
const CONFIRM_TOTP = 'mutation($c: String!) { confirmTotp(code: $c) { backupCodes } }';
const CONFIGURE = 'mutation($input: SsoProviderInput!) { configureSsoProvider(input: $input) { id redirectUri } }';
const LINK = 'mutation($id: ID!) { linkProvider(providerId: $id) { authorizationUrl } }';
const COMPLETE = 'mutation($t: String!) { completeSsoLogin(ticket: $t) { __typename ... on AuthSession { token } } }';

/** Waits until no statement has been sent for `quietMs`. */
async function quiet(quietMs = 200): Promise<void> {
  let last = -1;
  while (QueryCounter.value !== last) {
    last = QueryCounter.value;
    await sleep(quietMs);
  }
}

/** BENCH_SQL=1: the statements of each counted operation go to stderr too (parameters never). */
const sqlLog: string[] = [];
if (process.env.BENCH_SQL === '1') {
  const record = QueryCounter.record.bind(QueryCounter);
  QueryCounter.record = (sql: string) => {
    sqlLog.push(sql.replace(/\s+/g, ' ').slice(0, 160));
    record(sql);
  };
}

async function counted(operation: string, note: string, work: () => Promise<unknown>): Promise<StatementRow> {
  await quiet();
  QueryCounter.reset();
  sqlLog.length = 0;
  await work();
  await quiet();
  if (sqlLog.length) console.error(`-- ${operation} (${note}):\n${sqlLog.map((q) => `   ${q}`).join('\n')}`);
  return { operation, note, ...QueryCounter.counts };
}

async function main() {
  let idp: TestIdp | undefined;
  let t: TestApp | undefined;
  try {
    idp = await startIdp();
    t = await startTestApp({ DB_LOG: '1', PUBLIC_URL, WEB_APP_URL: WEB, LOGIN_FAILURES_PER_IP: '1000000', RATE_LIMIT_PER_MINUTE: '100000000' });
    const app = t;
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const r = await app.gql.withToken(token).request(query, variables);
      if (r.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
      return r.data;
    };
    const rows: StatementRow[] = [];

    // ---- an account without 2FA: login and me
    const plain = await createAgent(app);
    const login = () => gql(LOGIN, { e: plain.email, p: plain.password });
    await login();
    rows.push(await counted('login', 'password, no 2FA: a session', login));
    const token = ((await login()) as any).login.token as string;
    await gql(ME, {}, token);
    rows.push(await counted('me', 'bearer session, seen < 1 min ago (no lastSeenAt write)', () => gql(ME, {}, token)));

    // ---- an account with TOTP: login (a challenge) and verifyCode
    const totp = await createAgent(app);
    const { enableTotp } = (await gql(ENABLE_TOTP, {}, totp.token)) as any;
    const secret = enableTotp.secret as string;
    // Steps in order, each accepted once (one step of drift either way): S-1 to confirm, S to
    // warm up, S+1 counted. Started early in step S, so that S-1 is still accepted (same clock:
    // the app runs in this process).
    while (Date.now() % 30_000 > 25_000) await sleep(250);
    const step = Math.floor(Date.now() / 30_000);
    const codeAt = (s: number) => totpFor(secret, s * 30_000 + 1_000);
    await gql(CONFIRM_TOTP, { c: codeAt(step - 1) }, totp.token);
    const challenge = async () => ((await gql(LOGIN, { e: totp.email, p: totp.password })) as any).login.challengeToken as string;
    await gql(VERIFY, { t: await challenge(), c: codeAt(step) });
    rows.push(await counted('login', 'password, TOTP on: a challenge', challenge));
    const ct = await challenge();
    rows.push(await counted('verifyCode', 'TOTP, right code', () => gql(VERIFY, { t: ct, c: codeAt(step + 1) })));

    // ---- completeSsoLogin: an identity linked to `plain`, a Google look-alike provider without required 2FA
    const admin = ((await gql(LOGIN, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD })) as any).login.token as string;
    const clientId = `bench-${Date.now()}`;
    const clientSecret = `bench-secret-${Date.now()}`;
    const { configureSsoProvider: p } = (await gql(
      CONFIGURE,
      { input: { kind: 'GOOGLE', displayName: 'Bench Google', issuer: idp.google, clientId, clientSecret, requireTwoFactor: false } },
      admin,
    )) as any;
    await idp.registerClient(idp.google, { client_id: clientId, client_secret: clientSecret, redirect_uris: [p.redirectUri] });
    const browser = () => new Browser({ webAppUrl: WEB, app: PUBLIC_URL, hosts: { [PUBLIC_URL]: app.url } });
    const subject = `bench-${Date.now()}`;
    const linker = browser();
    const { linkProvider } = await linker.ok(LINK, { id: p.id }, plain.token);
    const linked = await linker.run(linkProvider.authorizationUrl, { login: subject });
    if (!linked.includes('linked=')) throw new Error(`linking the SSO identity ended at ${linked}`);
    // The round trip through the provider; the ticket is redeemed by the browser that holds its cookie.
    const ticket = async () => {
      const b = browser();
      const landed = await b.run(`${PUBLIC_URL}/auth/sso/${p.id}`, { login: subject });
      const found = new URL(landed).searchParams.get('ticket');
      if (!landed.startsWith(`${WEB}/sso/complete`) || !found) throw new Error(`the SSO round trip ended at ${landed}`);
      return () => b.ok(COMPLETE, { t: found });
    };
    await (await ticket())();
    const complete = await ticket();
    rows.push(await counted('completeSsoLogin', 'linked identity, provider without required 2FA', complete));

    // ---- the admin list (fixed per page, whatever the page holds)
    const page = (await gql(USERS_PAGE, {}, admin)) as any;
    rows.push(await counted('users(first: 50) full security', `admin list, a page of ${page.users.edges.length} users here`, () => gql(USERS_PAGE, {}, admin)));

    console.log(STATEMENTS_MARK + JSON.stringify({ db: TEST_DB, rows }));
  } finally {
    await t?.close();
    await idp?.stop();
  }
}

if (require.main === module) {
  main()
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
