import { getIntrospectionQuery } from 'graphql';
import { createAgent, startTestApp, TestApp } from './support/create-app';
import { codeOf } from './support/gql';
import { LOGIN, USERS } from './support/operations';

/** Raw POST /graphql; returns status, headers and the parsed body. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as any };
}

const nested = (levels: number) => `{ ${'a { '.repeat(levels - 1)}b${' }'.repeat(levels - 1)} }`;
const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `x${i}: ${field}`).join(' ');
const SECURITY_PAGE = (first: string) =>
  `users(first: ${first}) { edges { node { security { email { enabled } totp { enabled } backupCodes { total } } } } }`;

describe('GraphQL abuse limits (defaults: depth 10, complexity 1000)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const refused = (r: { status: number; body: any }, message: RegExp) => {
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors.map((e: any) => e.extensions.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors.map((e: any) => e.message).join('\n')).toMatch(message);
    expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|at .*\.(ts|js)/);
  };

  it('depth: 10 levels pass the limit, 11 are refused before the schema is even consulted', async () => {
    const ten = await post(t.url, { query: nested(10) });
    expect(ten.body.errors[0].message).toMatch(/Cannot query field "a"/); // only graphql's own rule objects
    refused(await post(t.url, { query: nested(11) }), /too deep: the query nests 11 levels, the limit is 10/);
    // through fragments and inline fragments too
    const viaFragments = `{ ...A } fragment A on Query { a { ... on Query { a { ...B } } } } fragment B on Query { ${nested(10).slice(2, -2)} }`;
    refused(await post(t.url, { query: viaFragments }), /too deep/);
  });

  it('depth: the standard introspection query (GraphiQL, codegen) passes; a recursive one does not', async () => {
    const r = await post(t.url, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }) });
    expect(r.status).toBe(200);
    expect(r.body.data.__schema.queryType.name).toBe('Query');
    const deep = `{ __schema { types { ${'fields { type { '.repeat(12)}name${' } }'.repeat(12)} } } }`;
    refused(await post(t.url, { query: deep }), /Introspection query is too deep/);
  });

  it('alias flood: 100 × login is refused before any resolver runs (no failed login recorded)', async () => {
    const a = await createAgent(t);
    const flood = `mutation { ${aliases(100, `login(email: "${a.email}", password: "guess-guess-guess") { __typename }`)} }`;
    const started = Date.now();
    const r = await post(t.url, { query: flood });
    refused(r, /Too many aliases: the mutation has 100, the limit is 30/);
    expect(r.body.errors.map((e: any) => e.message).join('\n')).toMatch(/Too many top-level fields: the mutation has 100, the limit is 5/);
    expect(Date.now() - started).toBeLessThan(1000);
    const failed = await t.db.query(`SELECT id FROM security_events WHERE user_id = ? AND type = 'LOGIN_FAILED'`, [a.id]);
    expect(failed).toEqual([]);
    // 6 top-level mutation fields are too many even without aliases' limit in play
    refused(await post(t.url, { query: `mutation { ${aliases(6, 'logout')} }` }), /Too many top-level fields: the mutation has 6, the limit is 5/);
  });

  it('aliases: 30 pass, 31 are refused; top-level query fields: 20 pass, 21 are refused', async () => {
    expect((await post(t.url, { query: `{ me { ${aliases(30, 'id')} } }` })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    refused(await post(t.url, { query: `{ me { ${aliases(31, 'id')} } }` }), /Too many aliases: the query has 31/);
    const twenty = await post(t.url, { query: `{ ${aliases(20, '__typename')} }` });
    expect(twenty.status).toBe(200);
    expect(Object.keys(twenty.body.data)).toHaveLength(20);
    refused(await post(t.url, { query: `{ ${aliases(21, '__typename')} }` }), /Too many top-level fields: the query has 21, the limit is 20/);
  });

  it('field floods and fragment bombs are refused cheaply', async () => {
    // 600 × the same field: graphql's overlap check would compare every pair
    refused(await post(t.url, { query: `{ me { ${'id '.repeat(600)}} }` }), /Too many fields: the query selects 601, the limit is 500/);
    refused(await post(t.url, { query: `{ ${'me { id } '.repeat(700)}}` }), /Too many top-level fields/);
    let bomb = '{ me { ...F0 } }';
    for (let i = 0; i < 40; i++) bomb += ` fragment F${i} on User { ...F${i + 1} security { ...F${i + 1} } }`;
    bomb += ' fragment F40 on User { id }';
    const started = Date.now();
    refused(await post(t.url, { query: bomb }), /Too many fields/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a document over 5,000 tokens does not parse (GRAPHQL_PARSE_FAILED, not a 500)', async () => {
    const r = await post(t.url, { query: `{ ${'__typename '.repeat(6000)}}` });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('complexity: a page of 100 costs 100 items; two such pages exceed 1000 and are refused, variables included', async () => {
    const admin = await t.admin();
    // one page of 100 users with their security: 601, allowed
    const one = await admin.request(`{ ${SECURITY_PAGE('100')} }`);
    expect(one.errors).toBeUndefined();
    // two such pages: 1202
    const two = await post(t.url, { query: `{ a: ${SECURITY_PAGE('100')} b: ${SECURITY_PAGE('100')} }` }, { authorization: `Bearer ${admin.token}` });
    refused(two, /Query is too complex: cost 1202, the limit is 1000/);
    // the same text again: its cost is remembered (no variable can change it), and still refused
    refused(await post(t.url, { query: `{ a: ${SECURITY_PAGE('100')} b: ${SECURITY_PAGE('100')} }` }), /cost 1202/);
    // the same document with a variable: small pages pass, large pages are refused
    const q = `query Pages($n: Int) { a: ${SECURITY_PAGE('$n')} b: ${SECURITY_PAGE('$n')} }`;
    expect((await admin.request(q, { n: 10 })).errors).toBeUndefined();
    refused(await post(t.url, { query: q, variables: { n: 100 } }, { authorization: `Bearer ${admin.token}` }), /too complex: cost 1202/);
    // anonymous callers are refused by cost before authentication is even checked
    refused(await post(t.url, { query: q, variables: { n: 100 } }), /too complex/);
    // the admin console's own query at its largest page is within the budget
    expect((await admin.request(USERS, { first: 100 })).errors).toBeUndefined();
    // an out-of-range page size is still the resolver's BAD_USER_INPUT, not a cost refusal
    expect(codeOf(await admin.fail(USERS, { first: 1000 }))).toBe('BAD_USER_INPUT');
    // variables of the wrong type: the cost check steps aside, Apollo reports the variable
    const wrongType = await post(t.url, { query: q, variables: { n: 'many' } });
    expect(wrongType.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('variables must be well-formed Unicode: a lone surrogate is BAD_USER_INPUT, never an internal error', async () => {
    for (const email of ['\uD800@example.com', 'a\uDFFFb@example.com']) {
      const r = await post(t.url, { query: LOGIN, variables: { email, password: 'whatever-whatever' } });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].message).toMatch(/well-formed Unicode/);
    }
    const admin = await t.admin();
    const deep = await post(t.url, { query: USERS, variables: { search: [[['x\uDBFF']]] } }, { authorization: `Bearer ${admin.token}` });
    expect(deep.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // proper pairs (emoji, astral letters) are fine
    const ok = await post(t.url, { query: LOGIN, variables: { email: '𝕏👩‍👩‍👧@example.com', password: 'whatever-whatever' } });
    expect(ok.body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|UNAUTHENTICATED/);
    expect(ok.body.errors[0].message).not.toMatch(/well-formed/);
  });

  it('an input object with 5,000 unknown keys: answered fast, and small (no CPU or size amplification)', async () => {
    const admin = await t.admin();
    const input = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const body = JSON.stringify({ query: 'mutation C($input: CreateUserInput!) { createUser(input: $input) { id } }', variables: { input } });
    const started = Date.now();
    const r = await post(t.url, body, { authorization: `Bearer ${admin.token}` });
    // graphql-query-complexity coerces variables with no error cap, each error printing the whole
    // object: this request once took 13 s of CPU. Now the cost check steps aside at the first error.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(body.length);
    expect(new Set(r.body.errors.map((e: any) => e.extensions.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(r.body.errors.every((e: any) => e.message.length <= 600)).toBe(true);
  });

  it('a subscription (this API has none) is a validation error, not an internal one', async () => {
    const r = await post(t.url, { query: 'subscription { me { id } }' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ message: 'This API does not support subscription operations', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('batching: a JSON array body is refused with 400 BAD_REQUEST and nothing runs', async () => {
    const a = await createAgent(t);
    const batch = Array.from({ length: 10 }, () => ({ query: LOGIN, variables: { email: a.email, password: 'wrong-wrong-wrong' } }));
    const r = await post(t.url, batch);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.body.errors[0].message).toMatch(/batching/i);
    expect(await t.db.query(`SELECT id FROM security_events WHERE user_id = ? AND type = 'LOGIN_FAILED'`, [a.id])).toEqual([]);
  });

  it('CSRF prevention: a simple (non-preflighted) request is refused; GET needs a preflight header', async () => {
    const plain = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/CSRF|preflight/i);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(preflighted.status).toBe(200);
    // the limits hold on GET too
    const deepGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent(nested(11))}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(deepGet.status).toBe(400);
    expect(((await deepGet.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('introspection is on outside production', async () => {
    const r = await post(t.url, { query: '{ __schema { queryType { name } } }' });
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });

  it('security headers (helmet): CSP for a same-origin UI, no sniffing, no framing, no referrer, HSTS', async () => {
    const res = await fetch(`${t.url}/health/live`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    const gql = await post(t.url, { query: '{ __typename }' });
    expect(gql.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('CORS: without CORS_ORIGINS no CORS headers at all', async () => {
    const pre = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const r = await post(t.url, { query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('production defaults and configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://console.example.com, http://localhost:5173/',
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COMPLEXITY: '50',
    });
  });
  afterAll(async () => t?.close());

  it('introspection is off in production by default (GRAPHQL_VALIDATION_FAILED)', async () => {
    const r = await post(t.url, { query: '{ __schema { queryType { name } } }' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors[0].message).toMatch(/introspection/i);
    // __typename is not introspection
    expect((await post(t.url, { query: '{ __typename }' })).body.data.__typename).toBe('Query');
  });

  it('GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COMPLEXITY apply', async () => {
    const admin = await t.admin();
    expect((await admin.request('{ me { security { email { enabled } } } }')).errors).toBeUndefined();
    const deep = await post(t.url, { query: '{ mySecurityEvents { edges { node { user { id } } } } }' }, { authorization: `Bearer ${admin.token}` });
    expect(deep.body.errors[0].message).toMatch(/nests 5 levels, the limit is 4/);
    const costly = await post(t.url, { query: '{ users(first: 30) { edges { node { id } } } }' }, { authorization: `Bearer ${admin.token}` });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].message).toMatch(/cost 61, the limit is 50/);
  });

  it('CORS_ORIGINS: listed origins get CORS headers (with credentials: the session cookie), others none', async () => {
    for (const origin of ['https://console.example.com', 'http://localhost:5173']) {
      const pre = await fetch(`${t.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/);
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      const r = await post(t.url, { query: '{ __typename }' }, { origin });
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
      expect(r.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    }
    const evil = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://console.example.com.evil.io', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('GRAPHQL_INTROSPECTION=true turns it on in production', async () => {
    const on = await startTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, { smtp: t.smtp });
    try {
      expect((await post(on.url, { query: '{ __schema { queryType { name } } }' })).body.data.__schema.queryType.name).toBe('Query');
    } finally {
      await on.close();
    }
  });

  it.each([
    [{ CORS_ORIGINS: 'console.example.com' }, /CORS_ORIGINS must be/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, /CORS_ORIGINS must be/],
    [{ GRAPHQL_INTROSPECTION: 'yes' }, /GRAPHQL_INTROSPECTION/],
    [{ GRAPHQL_MAX_DEPTH: '1' }, /GRAPHQL_MAX_DEPTH/],
    [{ GRAPHQL_MAX_COMPLEXITY: 'lots' }, /GRAPHQL_MAX_COMPLEXITY/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses to boot with %j, naming the variable', async (env, message) => {
    await expect(startTestApp(env as Record<string, string>, { smtp: t.smtp })).rejects.toThrow(message);
  });
});
