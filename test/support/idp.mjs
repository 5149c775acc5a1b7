// A real OpenID Provider for the SSO e2e tests (oidc-provider is ESM: it runs as a child process).
//
// Two providers on loopback, each on its own port:
//   google: issuer http://127.0.0.1:<p1>           — discovery, code flow, RS256 ID tokens (email in the ID token)
//   o365:   issuer http://127.0.0.1:<p2>/common/v2.0 — an Office 365 look-alike: the discovery
//           document names the issuer template `…/{tenantid}/v2.0` and each ID token carries
//           tid/oid and the issuer of the user's own tenant, `http://127.0.0.1:<p2>/<tid>/v2.0`.
//           `/<tid>/v2.0/.well-known/openid-configuration` serves the tenant-specific document.
// Logins use oidc-provider's development interactions (any login name, any password).
//
// Test controls (JSON POST, outside the OpenID endpoints):
//   /__test/clients  { client_id, client_secret, redirect_uris }      register or replace a client
//   /__test/accounts { id, email?, tid?, upn?, emailVerified? }        claims of a login name
//   /__test/tamper   { client_id, modes: [...] }                        alter that client's tokens:
//       wrong-aud, wrong-iss, bad-sig (signed with a key the JWKS does not publish, same kid),
//       future-iat, no-email (ID token without email: the app must ask userinfo),
//       userinfo-garbage (userinfo answers a non-JSON body),
//       token-null (the token endpoint answers `null`), id-token-number (an id_token that is a number)
//   GET /hang/...    never answers (a provider that accepts connections and then hangs)
// On start it prints one JSON line: { ready, google, o365, tenants }.
import http from 'node:http';
import { createHash } from 'node:crypto';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const TENANTS = { a: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f', b: '9e8d7c6b-5a49-4837-a625-1f0e9d8c7b6a' };

const accounts = new Map(); // login name -> { email?, tid?, upn? }
const tamper = new Map(); // client_id -> Set(modes)

async function rsaKey(kid) {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return { jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' }, key: privateKey };
}

const hex = (s) => createHash('sha256').update(s).digest('hex');
const uuidFrom = (s) => {
  const h = hex(s);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function claimsFor(kind, id) {
  const a = accounts.get(id) ?? {};
  if (kind === 'google') {
    return { sub: id, email: a.email ?? `${id}@gmail.test`, email_verified: a.emailVerified ?? true, name: `Google ${id}` };
  }
  // Office 365: `sub` is pairwise per app, `oid` is the stable object id in the tenant.
  const claims = {
    sub: `pw-${hex(`sub:${id}`).slice(0, 24)}`,
    oid: uuidFrom(`oid:${id}`),
    tid: a.tid ?? TENANTS.a,
    preferred_username: a.upn ?? `${id}@contoso.test`,
    name: `O365 ${id}`,
  };
  if (a.email) claims.email = a.email;
  return claims;
}

/** A small in-memory adapter; the `Client` model doubles as the test's client registry. */
function makeAdapter() {
  const store = new Map();
  const now = () => Math.floor(Date.now() / 1000);
  return class MemoryAdapter {
    static store = store;
    constructor(name) {
      this.name = name;
    }
    key(id) {
      return `${this.name}:${id}`;
    }
    async upsert(id, payload, expiresIn) {
      store.set(this.key(id), { payload, exp: expiresIn ? now() + expiresIn : null });
      if (payload.uid) store.set(`uid:${payload.uid}`, id);
      if (payload.userCode) store.set(`userCode:${payload.userCode}`, id);
    }
    async find(id) {
      const e = store.get(this.key(id));
      if (!e) return undefined;
      if (e.exp && e.exp < now()) {
        store.delete(this.key(id));
        return undefined;
      }
      return e.payload;
    }
    async findByUid(uid) {
      const id = store.get(`uid:${uid}`);
      return id ? this.find(id) : undefined;
    }
    async findByUserCode(code) {
      const id = store.get(`userCode:${code}`);
      return id ? this.find(id) : undefined;
    }
    async consume(id) {
      const e = store.get(this.key(id));
      if (e) e.payload.consumed = now();
    }
    async destroy(id) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId) {
      for (const [k, e] of store) if (e?.payload?.grantId === grantId) store.delete(k);
    }
  };
}

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

const signing = await rsaKey('k1');
const rogue = await rsaKey('k1'); // same kid, never published

async function rewriteIdToken(kind, origin, clientId, token) {
  const modes = tamper.get(clientId) ?? new Set();
  if (kind !== 'o365' && modes.size === 0) return token;
  const payload = jose.decodeJwt(token);
  const header = jose.decodeProtectedHeader(token);
  if (kind === 'o365') payload.iss = `${origin}/${payload.tid}/v2.0`;
  if (modes.has('wrong-aud')) payload.aud = 'some-other-client';
  if (modes.has('wrong-iss')) payload.iss = `${origin}/not-the-issuer`;
  if (modes.has('future-iat')) payload.iat = Math.floor(Date.now() / 1000) + 3600;
  if (modes.has('no-email')) {
    delete payload.email;
    delete payload.email_verified;
    delete payload.preferred_username;
  }
  return new jose.SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: header.kid ?? 'k1' }).sign(modes.has('bad-sig') ? rogue.key : signing.key);
}

function makeProvider(kind, issuer, origin) {
  const Adapter = makeAdapter();
  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: [],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => claimsFor(kind, id) }),
    claims:
      kind === 'o365'
        ? { openid: ['sub', 'tid', 'oid'], email: ['email'], profile: ['name', 'preferred_username'] }
        : { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // Like Google: the scope's claims go into the ID token even though an access token is issued.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    jwks: { keys: [signing.jwk] },
    cookies: { keys: [`idp-test-${kind}`] },
    pkce: { required: () => false },
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    },
    scopes: ['openid', 'email', 'profile'],
    ttl: { Session: 600, Interaction: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 300, IdToken: 300 },
  });
  provider.use(async (ctx, next) => {
    await next();
    const route = ctx.oidc?.route;
    const clientId = ctx.oidc?.client?.clientId;
    if (route === 'token' && tamper.get(clientId)?.has('token-null')) {
      ctx.type = 'application/json';
      ctx.body = 'null';
    } else if (route === 'token' && tamper.get(clientId)?.has('id-token-number')) {
      ctx.body = { ...ctx.body, id_token: 12345 };
    } else if (route === 'token' && ctx.body && typeof ctx.body.id_token === 'string') {
      ctx.body = { ...ctx.body, id_token: await rewriteIdToken(kind, origin, clientId, ctx.body.id_token) };
    } else if (route === 'discovery' && kind === 'o365' && ctx.body) {
      ctx.body = { ...ctx.body, issuer: `${origin}/{tenantid}/v2.0` };
    } else if (route === 'userinfo' && tamper.get(clientId)?.has('userinfo-garbage')) {
      ctx.type = 'text/plain';
      ctx.body = 'this is not json';
    }
  });
  return { provider, Adapter };
}

async function control(req, res, Adapter) {
  const body = await readJson(req);
  if (req.url === '/__test/clients') {
    const metadata = {
      client_id: body.client_id,
      client_secret: body.client_secret,
      redirect_uris: body.redirect_uris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    };
    Adapter.store.set(`Client:${body.client_id}`, { payload: metadata, exp: null });
    return send(res, 200, { ok: true });
  }
  if (req.url === '/__test/accounts') {
    accounts.set(body.id, { email: body.email, tid: body.tid, upn: body.upn, emailVerified: body.emailVerified });
    return send(res, 200, { ok: true });
  }
  if (req.url === '/__test/tamper') {
    tamper.set(body.client_id, new Set(body.modes ?? []));
    return send(res, 200, { ok: true });
  }
  return send(res, 404, { error: 'unknown control' });
}

function serve(kind, mountPath) {
  let state = null; // { provider, Adapter, origin }
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url.startsWith('/__test/') && req.method === 'POST') return await control(req, res, state.Adapter);
      if (req.url.startsWith('/hang/')) return; // never answers
      const tenantDoc = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url);
      if (kind === 'o365' && tenantDoc) {
        const common = await (await fetch(`${state.origin}${mountPath}/.well-known/openid-configuration`)).json();
        return send(res, 200, { ...common, issuer: `${state.origin}/${tenantDoc[1]}/v2.0` });
      }
      if (mountPath) {
        if (!req.url.startsWith(`${mountPath}/`)) return send(res, 404, { error: 'not found' });
        req.originalUrl = req.url;
        req.url = req.url.slice(mountPath.length);
      }
      return state.provider.callback()(req, res);
    } catch (e) {
      send(res, 500, { error: String(e?.message ?? e) });
    }
  });
  return {
    server,
    async start() {
      const origin = await listen(server);
      const { provider, Adapter } = makeProvider(kind, `${origin}${mountPath}`, origin);
      state = { provider, Adapter, origin };
      return origin;
    },
  };
}

const google = serve('google', '');
const o365 = serve('o365', '/common/v2.0');
const googleOrigin = await google.start();
const o365Origin = await o365.start();
process.stdout.write(`${JSON.stringify({ ready: true, google: googleOrigin, o365: o365Origin, tenants: TENANTS })}\n`);

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin open: when it dies (a killed jest worker), stdin ends and so do we.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
