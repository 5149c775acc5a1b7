/**
 * Generated bad inputs for the fuzz e2e test. Everything comes from one seeded PRNG, so a
 * failing case is reproduced by running with the same FUZZ_SEED.
 */
import {
  BACKUP_CODES, CHANGE_PASSWORD, CONFIRM_EMAIL, CONFIRM_TOTP, CREATE_USER, DISABLE_EMAIL, DISABLE_TOTP,
  LOGIN, ME, MY_EVENTS, MY_SECURITY, REAUTH, REGENERATE, RESET_2FA, SECURITY_EVENTS, SEND_LOGIN_CODE, SETUP_EMAIL,
  UNLOCK, USER, USERS, VERIFY_CODE,
} from './operations';

/** mulberry32: small, fast, good enough to drive a fuzzer, and reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export interface FuzzCase {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Who is calling: the test substitutes the token. */
  auth?: 'agent' | 'admin' | 'garbage';
}

const ODD_PIECES = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', '\uDC00\uD800', 'x\uD83D', '\u202Eevil', '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '𝕏𝔸𝕄', '\uFFFE\uFFFF', 'İstanbul', 'straße', 'ﬃ', 'ǅ', 'Ω', '\t\r\n', '\u0085\u2028\u2029',
  '"}', '\\', '\\u0000', '$var', '{ me { id } }', '__proto__', 'constructor', 'prototype', 'toString',
  "' or '1'='1", "'; drop table users; --", '%', '_', '\\%', '%00', '../../etc/passwd', 'javascript:alert(1)',
  '<script>alert(1)</script>', '{{7*7}}', '${7*7}', '1e309', '-0', 'NaN', 'null', 'undefined', 'true',
  'a@b', '@', 'admin@example.com\u0000', ' ADMIN@EXAMPLE.COM ', 'ＡＤＭＩＮ@example.com', 'ü@ü.de', 'a@b.c\u202E',
  '000000', '123456', '99999999999999999999', 'AAAA-BBBB', 'aaaa bbbb', 'Bearer x', 'EMAIL', 'TOTP',
];

/** Code points from awkward ranges, lone surrogates included. */
function randomUnicode(r: Rng, length: number): string {
  const ranges: Array<[number, number]> = [[0, 0x1f], [0x20, 0x7e], [0x80, 0x2ff], [0x300, 0x36f], [0x590, 0x6ff], [0xd800, 0xdfff], [0xe000, 0xf8ff], [0xfff0, 0xffff], [0x1f300, 0x1faff], [0x10000, 0x10ffff]];
  let s = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = r.pick(ranges);
    s += String.fromCodePoint(r.int(lo, hi));
  }
  return s;
}

export function oddString(r: Rng): string {
  switch (r.int(0, 5)) {
    case 0:
      return r.pick(ODD_PIECES);
    case 1:
      return Array.from({ length: r.int(2, 4) }, () => r.pick(ODD_PIECES)).join('');
    case 2:
      return randomUnicode(r, r.int(1, 64));
    case 3:
      return r.pick(['A', 'é', '\uD800', '\u0000', '𝕏', 'ab-', ' ']).repeat(r.int(255, 20_000));
    case 4:
      return 'e' + '\u0301'.repeat(r.int(100, 3000));
    default:
      return `${r.pick(ODD_PIECES)}${randomUnicode(r, r.int(0, 8))}@${r.pick(['example.com', 'x', '', 'ex\u0000ample.com', 'ü.de'])}`;
  }
}

function nestedArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A value of the wrong type (or a right-typed but hostile one). */
export function wrongValue(r: Rng): unknown {
  switch (r.int(0, 13)) {
    case 0: return null;
    case 1: return r.pick([true, false]);
    case 2: return r.pick([0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1.5, 1e308, -0]);
    case 3: return [];
    case 4: return [1, 'a', null, {}];
    case 5: return {};
    case 6: return { a: 1, email: 'x@example.com', password: 'p' };
    case 7: return nestedArray(r.int(10, 2000));
    case 8: return Object.fromEntries(Array.from({ length: r.int(10, 500) }, (_, i) => [`k${i}`, i]));
    case 9: return r.pick(['EMAIL', 'TOTP', 'BACKUP_CODE', 'SMS', 'ROOT', 'ADMIN', 'AGENT', 'email', '']);
    default: return oddString(r);
  }
}

interface OpSpec {
  query: string;
  vars: Record<string, () => unknown>;
  auth: Array<FuzzCase['auth'] | undefined>;
}

/** Operations with plausible values; the fuzzer replaces, drops or adds some of them. */
function operations(r: Rng, ids: { victims: string[] }): OpSpec[] {
  const email = () => r.pick(['nobody@example.com', 'x@example.com', oddString(r)]);
  const id = () => r.pick([...ids.victims, '00000000-0000-0000-0000-000000000000', 'not-an-id', oddString(r)]);
  const code = () => r.pick(['000000', '123456', 'abcd-efgh', oddString(r)]);
  const method = () => r.pick(['EMAIL', 'TOTP', 'BACKUP_CODE', 'SMS', 'email', 42]);
  const page = () => r.pick([1, 50, 100, 0, -5, 101, 2 ** 31, 1.5, '10', null]);
  const cursor = () => r.pick([null, 'garbage', Buffer.from(oddString(r)).toString('base64'), Buffer.from('{"id":"x"}').toString('base64url')]);
  const anyone: OpSpec['auth'] = [undefined, 'agent', 'admin', 'garbage'];
  return [
    { query: LOGIN, vars: { email, password: () => r.pick(['wrong-password-1', oddString(r)]) }, auth: [undefined] },
    { query: VERIFY_CODE, vars: { challengeToken: () => oddString(r), method, code }, auth: [undefined] },
    { query: SEND_LOGIN_CODE, vars: { challengeToken: () => r.pick(['x'.repeat(43), oddString(r)]) }, auth: [undefined] },
    { query: ME, vars: {}, auth: anyone },
    { query: MY_SECURITY, vars: {}, auth: anyone },
    { query: MY_EVENTS, vars: { first: page, after: cursor }, auth: anyone },
    { query: BACKUP_CODES, vars: {}, auth: ['agent', 'admin', undefined] },
    { query: SETUP_EMAIL, vars: {}, auth: ['agent'] },
    { query: CONFIRM_EMAIL, vars: { code }, auth: ['agent', undefined] },
    // (enableTotp takes no input and renders a QR code: ~0.1 s of CPU, ~1 s under jest; left out)
    { query: CONFIRM_TOTP, vars: { code }, auth: ['agent', undefined] },
    { query: DISABLE_EMAIL, vars: {}, auth: ['agent'] },
    { query: DISABLE_TOTP, vars: {}, auth: ['agent'] },
    { query: REGENERATE, vars: {}, auth: ['agent', 'garbage'] },
    { query: REAUTH, vars: { password: () => r.pick(['wrong-password-1', oddString(r), null]), method, code }, auth: ['agent', undefined] },
    { query: CHANGE_PASSWORD, vars: { currentPassword: () => oddString(r), newPassword: () => oddString(r) }, auth: ['agent', undefined] },
    {
      query: CREATE_USER,
      vars: {
        input: () => ({
          email: r.chance(0.5) ? `f${r.int(0, 1e9)}@example.com` : oddString(r),
          displayName: r.chance(0.3) ? 'Fuzz' : oddString(r),
          password: r.chance(0.5) ? 'a-long-enough-secret' : oddString(r),
          ...(r.chance(0.4) ? { role: r.pick(['AGENT', 'ADMIN', 'ROOT', 'agent', 1]) } : {}),
          ...(r.chance(0.1) ? { extra: oddString(r) } : {}),
        }),
      },
      auth: ['admin', 'agent', undefined],
    },
    {
      query: USERS,
      vars: {
        search: () => r.pick([null, oddString(r), '%', '_', "'"]),
        twoFactorEnabled: () => r.pick([null, true, 'yes']),
        method: () => r.pick([null, 'EMAIL', 'TOTP', 'SMS']),
        locked: () => r.pick([null, false, 0]),
        backupCodesRemainingAtMost: () => r.pick([null, 0, -1, 2 ** 31, 'x']),
        first: page,
        after: cursor,
      },
      auth: ['admin', 'agent'],
    },
    { query: USER, vars: { id }, auth: ['admin', 'agent'] },
    { query: SECURITY_EVENTS, vars: { userId: id, first: page, after: cursor }, auth: ['admin'] },
    { query: RESET_2FA, vars: { userId: id, reason: () => oddString(r) }, auth: ['admin', 'agent'] },
    { query: UNLOCK, vars: { userId: id }, auth: ['admin'] },
    { query: `mutation Complete($ticket: String!) { completeSsoLogin(ticket: $ticket) { __typename } }`, vars: { ticket: () => oddString(r) }, auth: [undefined] },
    {
      query: `mutation Bind($ticket: String!, $email: String!, $password: String!) { bindSsoAccount(ticket: $ticket, email: $email, password: $password) { __typename } }`,
      vars: { ticket: () => oddString(r), email, password: () => oddString(r) },
      auth: [undefined],
    },
    { query: `mutation Link($id: ID!) { linkProvider(providerId: $id) { authorizationUrl } }`, vars: { id }, auth: ['agent'] },
    { query: `query Providers { ssoProviders { id kind displayName } }`, vars: {}, auth: [undefined] },
    {
      query: `mutation Configure($input: SsoProviderInput!) { configureSsoProvider(input: $input) { id } }`,
      vars: {
        input: () => ({
          kind: r.pick(['OIDC', 'GOOGLE', 'OFFICE365', 'SAML']),
          displayName: oddString(r),
          clientId: oddString(r),
          ...(r.chance(0.5) ? { clientSecret: oddString(r) } : {}),
          ...(r.chance(0.7) ? { issuer: r.pick(['http://127.0.0.1:9', 'https://localhost:1/x', 'http://evil.example.com', 'ftp://x', oddString(r)]) } : {}),
          ...(r.chance(0.3) ? { tenant: oddString(r) } : {}),
          ...(r.chance(0.3) ? { allowedTenants: r.pick([[oddString(r)], 'x', [1]]) } : {}),
          ...(r.chance(0.2) ? { id: id() } : {}),
          // never a working provider: no network call leaves the machine
          enabled: false,
        }),
      },
      auth: ['admin'],
    },
    { query: `mutation Remove($id: ID!) { removeSsoProvider(id: $id) }`, vars: { id }, auth: ['admin'] },
  ];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Percent-encodes any string, lone surrogates included (they become U+FFFD's UTF-8 bytes). */
function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

function gqlCase(kind: string, payload: unknown, auth?: FuzzCase['auth']): FuzzCase {
  return { kind, method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS }, body: JSON.stringify(payload), auth };
}

/** Small random edits of a valid document: mostly parse or validation errors. */
function mutateText(r: Rng, text: string): string {
  let s = text;
  const edits = r.int(1, 6);
  for (let i = 0; i < edits; i++) {
    const at = r.int(0, s.length);
    switch (r.int(0, 4)) {
      case 0: s = s.slice(0, at) + s.slice(at + r.int(1, 8)); break;
      case 1: s = s.slice(0, at) + r.pick(['{', '}', '(', ')', '$', '!', '...', '@skip(if: true)', '@include(if: $nope)', '"', '#', ':', '[', '__typename', 'fragment', 'on', oddString(r).slice(0, 50)]) + s.slice(at); break;
      case 2: s = s.slice(0, at) + s.slice(at, at + r.int(1, 30)).repeat(r.int(2, 20)) + s.slice(at); break;
      case 3: s = s.replace(/\b[a-z]\w+/, () => r.pick(['me', 'users', 'login', 'nope', '__schema', '__type', 'security'])); break;
      default: s = s.split('').reverse().join('').slice(0, r.int(1, s.length)); break;
    }
  }
  return s;
}

/** A random document: unknown fields, odd literals, directives, fragments, aliases. */
function randomDocument(r: Rng): string {
  const fields = ['me', 'users', 'user', 'login', 'security', 'email', 'totp', 'edges', 'node', 'id', '__typename', '__schema', '__type', 'nope', 'backupCodes', 'mySecurityEvents', 'verifyCode', 'createUser'];
  const literal = (): string => r.pick([
    `"${oddString(r).replace(/["\\\n\r\u2028\u2029]/g, '').slice(0, 200)}"`, String(r.int(-(2 ** 40), 2 ** 40)), '1.5e400', 'true', 'null', 'EMAIL', 'SMS',
    '{ a: 1 }', '[1, "x", null]', '$v', '"""block\nstring"""', `"\\u${r.pick(['D800', '0000', 'ZZZZ', 'FFFF'])}"`,
  ]);
  const selection = (depth: number): string => {
    const n = r.int(1, 4);
    return Array.from({ length: n }, () => {
      const alias = r.chance(0.2) ? `a${r.int(0, 99)}: ` : '';
      const args = r.chance(0.3) ? `(${r.pick(['first', 'email', 'id', 'x', 'input', 'method'])}: ${literal()})` : '';
      const dir = r.chance(0.1) ? ` @${r.pick(['skip', 'include', 'deprecated', 'nope'])}(if: ${literal()})` : '';
      const sub = depth > 0 && r.chance(0.6) ? ` { ${selection(depth - 1)} }` : '';
      return r.chance(0.1) ? `... on ${r.pick(['User', 'Query', 'AuthSession', 'Nope'])} { ${fields[0]} }` : `${alias}${r.pick(fields)}${args}${dir}${sub}`;
    }).join(' ');
  };
  const op = r.pick(['query', 'mutation', 'subscription', '', 'query Q($v: Int = "x")', 'mutation M($v: TwoFactorMethod!)']);
  let doc = `${op} { ${selection(r.int(0, 6))} }`;
  if (r.chance(0.2)) doc += ` fragment F on User { ...F id }`;
  if (r.chance(0.1)) doc += ` query { me { id } }`;
  return doc;
}

export function generateCases(seed: number, count: number, ids: { victims: string[] }): FuzzCase[] {
  const r = new Rng(seed);
  const ops = operations(r, ids);
  const cases: FuzzCase[] = [];
  while (cases.length < count) {
    const roll = r.next();
    if (roll < 0.34) {
      // A real operation, variables with wrong types, odd strings, missing or extra keys.
      const op = r.pick(ops);
      const variables: Record<string, unknown> = {};
      for (const [name, gen] of Object.entries(op.vars)) {
        const x = r.next();
        if (x < 0.1) continue;
        variables[name] = x < 0.55 ? gen() : wrongValue(r);
      }
      if (r.chance(0.1)) variables[oddString(r).slice(0, 40) || 'x'] = wrongValue(r);
      const payload: Record<string, unknown> = { query: op.query, variables };
      if (r.chance(0.1)) payload.operationName = r.pick(['Nope', '', oddString(r), 1, null]);
      if (r.chance(0.05)) payload.extensions = r.pick([{ persistedQuery: { version: 1, sha256Hash: 'abc' } }, 'x', [], null]);
      cases.push(gqlCase('variables', payload, r.pick(op.auth)));
    } else if (roll < 0.48) {
      const op = r.pick(ops);
      cases.push(gqlCase('mutated-query', { query: mutateText(r, op.query), variables: {} }, r.pick(op.auth)));
    } else if (roll < 0.58) {
      cases.push(gqlCase('random-document', { query: randomDocument(r), variables: r.chance(0.3) ? { v: wrongValue(r) } : {} }, r.pick(['agent', 'admin', undefined])));
    } else if (roll < 0.72) {
      cases.push({ kind: 'malformed-json', method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS }, body: malformedBody(r) });
    } else if (roll < 0.82) {
      cases.push(oddTransport(r));
    } else if (roll < 0.88) {
      cases.push(deepCase(r));
    } else if (roll < 0.93) {
      cases.push(hugeVariables(r));
    } else {
      cases.push(otherRoute(r));
    }
  }
  return cases;
}

function malformedBody(r: Rng): string | Buffer {
  const valid = JSON.stringify({ query: ME, variables: {} });
  const bodies: Array<() => string | Buffer> = [
    () => valid.slice(0, r.int(0, valid.length - 1)),
    () => '',
    () => 'null',
    () => 'true',
    () => '42',
    () => '"{ me { id } }"',
    () => '[]',
    () => `[${valid}, ${valid}]`,
    () => `{"query": "{ __typename }",}`,
    () => `{'query': '{ __typename }'}`,
    () => `{"query": "{ __typename }" /* c */}`,
    () => `{"query": NaN}`,
    () => `{"query": "{ __typename }", "variables": {"x": 1e999999}}`,
    () => `{"query": "{ __typename }", "query": "{ me { id } }"}`,
    () => `\uFEFF${valid}`,
    () => `{"query": null}`,
    () => `{"query": 123}`,
    () => `{"query": ["{ __typename }"]}`,
    () => `{"query": {"kind": "Document"}}`,
    () => `{"query": "{ __typename }", "variables": "string"}`,
    () => `{"query": "{ __typename }", "variables": [1, 2]}`,
    () => `{"query": "{ __typename }", "operationName": {}}`,
    () => `{"query": "{ __typename }", "variables": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}`,
    () => `{"query": "\\uD800 { __typename }"}`,
    () => `{"query": "{ me { id } }\\u0000"}`,
    () => Buffer.concat([Buffer.from('{"query": "{ __typename }", "variables": {"s": "'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}}')]),
    () => Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    () => '{'.repeat(r.int(1, 5000)),
    () => `{"a":`.repeat(r.int(100, 3000)) + '1' + '}'.repeat(r.int(0, 3000)),
    () => oddString(r),
  ];
  return r.pick(bodies)();
}

function oddTransport(r: Rng): FuzzCase {
  const body = JSON.stringify({ query: '{ __typename }' });
  const variants: Array<() => FuzzCase> = [
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${pct('{ __typename }')}&variables=%7B%7D` }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${body}\r\n--x--` }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json; charset=utf-16' }, body }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json; charset=latin1' }, body }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/xml' }, body: '<query>{ __typename }</query>' }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: { 'content-type': r.pick(['', 'application', '*/*', 'application/json; boundary=', 'text/html']) }, body }),
    () => ({ kind: 'content-type', method: 'POST', path: '/graphql', headers: {}, body }),
    () => ({ kind: 'encoding', method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, 'content-encoding': r.pick(['gzip', 'deflate', 'br', 'xyz', 'identity, gzip']) }, body: Buffer.from(oddString(r)) }),
    () => {
      const method = r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      return { kind: 'method', method, path: '/graphql', headers: { ...JSON_HEADERS }, body: method === 'HEAD' || method === 'OPTIONS' ? undefined : body };
    },
    () => ({ kind: 'get', method: 'GET', path: `/graphql?query=${pct(r.pick([LOGIN, ME, '{ __typename }', oddString(r)]))}&variables=${pct(r.pick(['{}', '{', '[]', JSON.stringify({ email: oddString(r) })]))}`, headers: (r.chance(0.5) ? { 'apollo-require-preflight': '1' } : {}) as Record<string, string> }),
    () => ({ kind: 'get', method: 'GET', path: `/graphql?${r.pick(['query=', 'query', 'variables=%7B', 'query[]=a&query[]=b', 'query[a]=b', '%ff%fe', 'query=%00'])}`, headers: { 'apollo-require-preflight': '1' } }),
    () => ({ kind: 'header', method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, authorization: r.pick(['Bearer', 'Bearer ', `Bearer ${'x'.repeat(8000)}`, 'Basic Zm9vOmJhcg==', 'Bearer a b c', 'bearer \u00ff\u00fe', 'Bearer null']) }, body: JSON.stringify({ query: ME }) }),
    () => ({ kind: 'header', method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, 'x-request-id': r.pick(['', ' ', 'x'.repeat(5000), '\u00ff\u00fe', '../../x', '{"a":1}']) }, body }),
    () => ({ kind: 'header', method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, 'apollo-require-preflight': 'x', 'x-forwarded-for': r.pick(['1.1.1.1', 'garbage', '::1, 10.0.0.1', '\u00ff']) }, body: JSON.stringify({ query: LOGIN, variables: { email: 'x@example.com', password: 'wrong-password-1' } }) }),
  ];
  return r.pick(variants)();
}

function deepCase(r: Rng): FuzzCase {
  const depth = r.int(11, 400);
  const variants = [
    () => `{ ${'me { '.repeat(depth)}id${' }'.repeat(depth)} }`,
    () => `{ ${'security { '.repeat(depth)}twoFactorEnabled${' }'.repeat(depth)} }`,
    () => `{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`,
    () => `query { ${'a: me { ...F '.repeat(Math.min(depth, 50))}${'} '.repeat(Math.min(depth, 50))} } fragment F on User { id }`,
    () => `{ ${'['.repeat(depth)}${']'.repeat(depth)} }`,
    () => `{ me(x: ${'['.repeat(depth)}1${']'.repeat(depth)}) { id } }`,
    () => `{ me(x: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}) { id } }`,
  ];
  const query = JSON.stringify(r.pick(variants)());
  const c = gqlCase('deep', {}, r.pick(['agent', undefined]));
  // Deeply nested variables, written as text (JSON.stringify itself would overflow the stack).
  const depthOfVars = r.int(100, 20_000);
  c.body = r.chance(0.3)
    ? `{"query":${query},"variables":{"input":${'['.repeat(depthOfVars)}1${']'.repeat(depthOfVars)}}}`
    : `{"query":${query}}`;
  return c;
}

function hugeVariables(r: Rng): FuzzCase {
  const variants: Array<() => Record<string, unknown>> = [
    () => Object.fromEntries(Array.from({ length: r.int(1000, 8000) }, (_, i) => [`v${i}`, i])),
    () => ({ email: 'x@example.com', password: 'p'.repeat(r.int(10_000, 99_000)) }),
    () => ({ email: oddString(r).repeat(50).slice(0, 90_000), password: 'p' }),
    () => ({ [`k${'x'.repeat(r.int(1000, 50_000))}`]: 1 }),
    () => ({ input: { email: 'x@example.com', displayName: 'D'.repeat(r.int(1000, 90_000)), password: 'a-long-enough-secret' } }),
    () => ({ input: Array.from({ length: r.int(100, 5000) }, () => ({ email: 'x@example.com' })) }),
    () => ({ input: Object.fromEntries(Array.from({ length: r.int(1000, 8000) }, (_, i) => [`k${i}`, i])) }),
    () => ({ pad: 'x'.repeat(r.int(100_001, 200_000)) }), // over the 100 kB limit: 413
  ];
  const op = r.pick([LOGIN, CREATE_USER, ME, USERS]);
  return gqlCase('huge-variables', { query: op, variables: r.pick(variants)() }, r.pick(['admin', undefined]));
}

function otherRoute(r: Rng): FuzzCase {
  const seg = () => pct(oddString(r).slice(0, 100)) || 'x';
  const path = r.pick([
    '/health/live', '/health/ready', `/health/${seg()}`, '/health', '/', `/${seg()}`, '/graphql/../health/live', '/%2e%2e/%2e%2e/etc/passwd',
    `/auth/sso/${seg()}`, `/auth/sso/${seg()}/callback?code=${seg()}&state=${seg()}`, `/auth/sso/x/callback?error=${seg()}`,
    '/auth/sso//callback', `/graphql/${seg()}`, '/%ff', `/?${'a=1&'.repeat(r.int(10, 1000))}`,
  ]);
  return { kind: 'route', method: r.pick(['GET', 'GET', 'POST', 'PUT']), path, headers: r.chance(0.5) ? { ...JSON_HEADERS } : {}, body: undefined };
}
