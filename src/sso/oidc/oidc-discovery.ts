import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import http from 'node:http';
import https from 'node:https';
import { ssoConfig } from '../sso.config';
import { SsoFlowError } from '../sso.errors';
import { discoveryUrl } from './issuer-rules';
import { NOT_PUBLIC, OutboundPolicy } from './outbound-policy';

/** The part of an OpenID Provider's metadata that the code flow needs. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  id_token_signing_alg_values_supported?: string[];
}

const MAX_BODY = 256 * 1024;

/** Network failures in the admin's words (the configuration check). */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name is unknown',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** GET with a time limit and a size cap; no redirects (a 3xx is just a status). */
function getText(url: string, agent: http.Agent | undefined, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
      let size = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) return req.destroy(Object.assign(new Error('discovery document too large'), { code: 'ETOOLARGE' }));
        chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A deadline for the whole exchange, not an idle timeout: a provider that trickles bytes
    // must not hold the request (linkProvider waits on it) any longer than a silent one.
    const deadline = setTimeout(() => req.destroy(Object.assign(new Error('discovery timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('error', reject);
  });
}

/**
 * passport-openidconnect 0.1 has no discovery: we fetch `/.well-known/openid-configuration`
 * ourselves, once per issuer (cached, concurrent callers share one request), with a bounded
 * timeout, so that a dead provider fails a flow quickly instead of hanging it.
 * The JWKS of each provider is a cached jose `createRemoteJWKSet` (re-fetched on an unknown kid).
 * Every connection goes through the outbound policy (production: public addresses only).
 */
@Injectable()
export class OidcDiscovery {
  private readonly logger = new Logger('SsoDiscovery');
  private readonly cache = new Map<string, { doc: ProviderMetadata; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<ProviderMetadata>>();
  private readonly jwksCache = new Map<string, JWTVerifyGetKey>();

  constructor(
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
    private readonly outbound: OutboundPolicy,
  ) {}

  async metadata(issuer: string): Promise<ProviderMetadata> {
    const cached = this.cache.get(issuer);
    if (cached && cached.expiresAt > Date.now()) return cached.doc;
    let pending = this.inflight.get(issuer);
    if (!pending) {
      pending = this.fetchMetadata(issuer).finally(() => this.inflight.delete(issuer));
      this.inflight.set(issuer, pending);
    }
    try {
      const doc = await pending;
      this.cache.set(issuer, { doc, expiresAt: Date.now() + this.config.discoveryTtlSeconds * 1000 });
      return doc;
    } catch (e) {
      // A stale document beats no sign-in while the provider's discovery endpoint hiccups.
      if (cached && e instanceof SsoFlowError && e.redirectCode === 'provider_unavailable') return cached.doc;
      throw e;
    }
  }

  /**
   * The configuration check of `configureSsoProvider`: fetches the issuer's discovery document
   * now (never from the cache, and without caching it) under the same outbound rules as a flow.
   * Null when it answers with a usable document, else a sentence for the admin.
   */
  async problem(issuer: string, fits: (documentIssuer: string) => boolean): Promise<string | null> {
    const url = discoveryUrl(issuer);
    try {
      const doc = await this.fetchMetadata(issuer);
      if (!fits(doc.issuer)) return `${url} names the issuer ${doc.issuer}, not ${issuer}.`;
      return null;
    } catch (e) {
      if (!(e instanceof SsoFlowError)) throw e;
      const code = (e.cause as NodeJS.ErrnoException | undefined)?.code;
      const why = (code && NETWORK_WORDS[code]) ?? (code === 'ETIMEDOUT' ? `no answer within ${this.config.httpTimeoutMs / 1000} s` : e.message.replace(/^(provider )?discovery (document: )?/, '').replace(/^answered (\d+)/, 'it answered HTTP $1'));
      const sentence = e.redirectCode === 'provider_unavailable'
        ? `${url} could not be reached: ${why}.`
        : `${url} did not give a usable discovery document: ${why}.`;
      return sentence.length > 500 ? `${sentence.slice(0, 499)}…` : sentence;
    }
  }

  /** Forget an issuer's document and keys (the admin changed the provider). */
  forget(issuer: string): void {
    const doc = this.cache.get(issuer)?.doc;
    this.cache.delete(issuer);
    if (doc) this.jwksCache.delete(doc.jwks_uri);
  }

  jwks(jwksUri: string): JWTVerifyGetKey {
    let set = this.jwksCache.get(jwksUri);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUri), {
        agent: this.outbound.agentFor(jwksUri),
        timeoutDuration: this.config.httpTimeoutMs,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      });
      this.jwksCache.set(jwksUri, set);
    }
    return set;
  }

  private async fetchMetadata(issuer: string): Promise<ProviderMetadata> {
    const url = discoveryUrl(issuer);
    const refused = this.outbound.shapeProblem(url, 'issuer');
    if (refused) throw new SsoFlowError('provider_error', `discovery URL refused: ${refused}`);
    let res: { status: number; body: string };
    try {
      res = await getText(url, this.outbound.agentFor(url), this.config.httpTimeoutMs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.logger.warn(`discovery of ${issuer} failed: ${(e as Error).name}: ${code ?? ''} ${(e as Error).message}`);
      // Refused by the address policy: a configuration problem, not an outage.
      if (code === NOT_PUBLIC || code === 'ETOOLARGE') throw new SsoFlowError('provider_error', 'provider discovery refused', { cause: e });
      throw new SsoFlowError('provider_unavailable', 'provider discovery unreachable', { cause: e });
    }
    const { status, body } = res;
    if (status >= 500 || status === 429) {
      this.logger.warn(`discovery of ${issuer} answered ${status}`);
      throw new SsoFlowError('provider_unavailable', `discovery answered ${status}`);
    }
    if (status !== 200) {
      this.logger.warn(`discovery of ${issuer} answered ${status} (${body.length} bytes)`);
      throw new SsoFlowError('provider_error', `discovery answered ${status}`);
    }
    let doc: Partial<ProviderMetadata>;
    try {
      doc = JSON.parse(body) as Partial<ProviderMetadata>;
    } catch {
      throw new SsoFlowError('provider_error', 'discovery document is not JSON');
    }
    if (!doc || typeof doc !== 'object') throw new SsoFlowError('provider_error', 'discovery document is not an object');
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof doc[field] !== 'string' || !doc[field]) throw new SsoFlowError('provider_error', `discovery document lacks ${field}`);
    }
    // The endpoints a document names are held to the issuer's rule (production: https to public
    // addresses, after DNS): a public issuer must not point the service at internal hosts.
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint'] as const) {
      const value = doc[field];
      if (value === undefined) continue;
      const problem = typeof value === 'string' ? await this.outbound.problem(value, field) : `${field} must be a string`;
      if (problem) throw new SsoFlowError('provider_error', `discovery document: ${problem}`);
    }
    return doc as ProviderMetadata;
  }
}
