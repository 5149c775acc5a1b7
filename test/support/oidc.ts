import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { GqlError, GqlResponse } from './gql';

/** The OpenID Provider child process (test/support/idp.mjs) and its test controls. */
export interface TestIdp {
  /** Google look-alike issuer (also its origin). */
  google: string;
  /** Origin of the Office 365 look-alike; its multi-tenant issuer is `${o365}/common/v2.0`. */
  o365: string;
  tenants: { a: string; b: string };
  registerClient(origin: string, client: { client_id: string; client_secret: string; redirect_uris: string[] }): Promise<void>;
  /** Claims of a login name; `emailVerified: false` makes the Google look-alike send `email_verified: false`. */
  account(origin: string, account: { id: string; email?: string; tid?: string; upn?: string; emailVerified?: boolean }): Promise<void>;
  tamper(origin: string, clientId: string, modes: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startIdp(): Promise<TestIdp> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'idp.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const info = await new Promise<{ google: string; o365: string; tenants: { a: string; b: string } }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('IdP did not start within 15 s')), 15_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${e.message}\n${stderr}`));
    };
    child.once('exit', (code) => fail(new Error(`IdP exited with ${code}`)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(JSON.parse(line));
    });
  });
  const post = async (origin: string, path: string, body: unknown) => {
    const res = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`IdP control ${path}: ${res.status} ${await res.text()}`);
  };
  return {
    ...info,
    registerClient: (origin, client) => post(origin, '/__test/clients', client),
    account: (origin, account) => post(origin, '/__test/accounts', account),
    tamper: (origin, clientId, modes) => post(origin, '/__test/tamper', { client_id: clientId, modes }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

export interface BrowserOptions {
  /** The web app: the browser stops when it is sent there. */
  webAppUrl: string;
  /** The app's public origin: where `gql` posts (same origin as the pages, so the cookies go along). */
  app?: string;
  /** Virtual host → real address (e.g. the app's PUBLIC_URL behind "a load balancer"). */
  hosts?: Record<string, string>;
}

export interface RunOptions {
  /** Login name typed into the provider's login form. */
  login?: string;
  /** Press "Cancel" at the provider instead of signing in. */
  abort?: boolean;
  /** Stop at the provider's redirect back to the app (…/callback?code&state), without following it. */
  stopAtCallback?: boolean;
}

/**
 * A browser without a browser: follows redirects by hand (fetch with redirect: 'manual'), keeps
 * cookies per host and path, and fills oidc-provider's development login and consent forms.
 */
export class Browser {
  private readonly cookies = new Map<string, Cookie>();
  /** Every URL visited, in order (the tests read the authorization request and the callback from it). */
  readonly visited: string[] = [];
  /** Every Set-Cookie header received, raw (the tests read the attributes from it). */
  readonly setCookies: string[] = [];

  constructor(private readonly opts: BrowserOptions) {}

  /** Follows `url` until the browser lands on the web app (or the callback) and returns that URL. */
  async run(url: string, options: RunOptions = {}): Promise<string> {
    let next = url;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 25; hop++) {
      const target = new URL(next);
      if (next.startsWith(this.opts.webAppUrl)) return next;
      if (options.stopAtCallback && /\/auth\/sso\/[^/]+\/callback$/.test(target.pathname)) return next;
      this.visited.push(next);
      const res = await this.fetch(next, method, body);
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        if (!location) throw new Error(`redirect without Location from ${next}`);
        next = new URL(location, next).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      const text = await res.text();
      const form = res.status === 200 ? parseForm(text) : null;
      if (!form) throw new Error(`unexpected ${res.status} at ${next}: ${text.slice(0, 500)}`);
      const action = new URL(form.action, next).toString();
      if (form.inputs.prompt === 'login') {
        if (options.abort) {
          next = `${action}/abort`;
          method = 'GET';
          body = undefined;
          continue;
        }
        if (!options.login) throw new Error('the provider asks for a login and none was given');
        form.inputs.login = options.login;
        form.inputs.password = 'any-password';
      }
      next = action;
      method = 'POST';
      body = new URLSearchParams(form.inputs).toString();
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** One request, no redirect following. */
  async fetch(url: string, method = 'GET', body?: string): Promise<Response> {
    const target = this.route(new URL(url));
    const headers: Record<string, string> = { 'user-agent': 'sso-e2e-browser', accept: 'text/html' };
    const cookie = this.cookieHeader(new URL(url));
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(target, { method, headers, body, redirect: 'manual' });
    this.store(new URL(url), res.headers.getSetCookie());
    return res;
  }

  /** A GraphQL request as the web pages make it: same origin, this browser's cookies; optional Bearer token. */
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResponse<T>> {
    if (!this.opts.app) throw new Error('Browser without an app origin');
    const url = new URL('/graphql', this.opts.app);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'sso-e2e-browser' };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(this.route(url), { method: 'POST', headers, body: JSON.stringify({ query, variables }), redirect: 'manual' });
    this.store(url, res.headers.getSetCookie());
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async fail(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlError> {
    const r = await this.gql(query, variables, token);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0];
  }

  /** Sends this browser's requests for `origin` to another real address (another app instance). */
  routeTo(origin: string, real: string): void {
    this.opts.hosts = { ...this.opts.hosts, [origin]: real };
  }

  /** The value of a cookie this browser holds for a host (tests compare its hash with the rows). */
  cookie(host: string, name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.host === host && c.name === name)?.value;
  }

  /** The names of the cookies this browser holds for a host. */
  cookieNames(host: string): string[] {
    return [...this.cookies.values()].filter((c) => c.host === host).map((c) => c.name);
  }

  private route(url: URL): string {
    const real = this.opts.hosts?.[url.origin];
    return real ? `${real}${url.pathname}${url.search}` : url.toString();
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => c.host === url.host && url.pathname.startsWith(c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, setCookies: string[]): void {
    this.setCookies.push(...setCookies);
    for (const header of setCookies) {
      const [pair, ...attrs] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        if (k.toLowerCase() === 'path') path = v || '/';
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && new Date(v).getTime() < Date.now()) expired = true;
      }
      const key = `${url.host}|${path}|${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, host: url.host, path });
    }
  }
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x2F;/g, '/').replace(/&#39;/g, "'");

function parseForm(html: string): { action: string; inputs: Record<string, string> } | null {
  const form = /<form[^>]*action="([^"]*)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const inputs: Record<string, string> = {};
  for (const m of form[2].matchAll(/<input([^>]*)>/gi)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1];
    if (!name) continue;
    inputs[name] = decode(/value="([^"]*)"/.exec(m[1])?.[1] ?? '');
  }
  return { action: decode(form[1]), inputs };
}
