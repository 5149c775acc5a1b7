import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import { ssoConfig } from '../sso.config';
import { SsoFlowError } from '../sso.errors';
import { discoveryUrl, urlProblem } from './issuer-rules';

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

/**
 * passport-openidconnect 0.1 has no discovery: we fetch `/.well-known/openid-configuration`
 * ourselves, once per issuer (cached, concurrent callers share one request), with a bounded
 * timeout, so that a dead provider fails a flow quickly instead of hanging it.
 * The JWKS of each provider is a cached jose `createRemoteJWKSet` (re-fetched on an unknown kid).
 */
@Injectable()
export class OidcDiscovery {
  private readonly logger = new Logger('SsoDiscovery');
  private readonly cache = new Map<string, { doc: ProviderMetadata; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<ProviderMetadata>>();
  private readonly jwksCache = new Map<string, JWTVerifyGetKey>();

  constructor(@Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>) {}

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
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.httpTimeoutMs),
      });
      body = await res.text();
    } catch (e) {
      this.logger.warn(`discovery of ${issuer} failed: ${(e as Error).name}: ${(e as Error).message}`);
      throw new SsoFlowError('provider_unavailable', 'provider discovery unreachable', { cause: e });
    }
    if (res.status >= 500 || res.status === 429) {
      this.logger.warn(`discovery of ${issuer} answered ${res.status}`);
      throw new SsoFlowError('provider_unavailable', `discovery answered ${res.status}`);
    }
    if (res.status !== 200 || body.length > MAX_BODY) {
      this.logger.warn(`discovery of ${issuer} answered ${res.status} (${body.length} bytes)`);
      throw new SsoFlowError('provider_error', `discovery answered ${res.status}`);
    }
    let doc: Partial<ProviderMetadata>;
    try {
      doc = JSON.parse(body) as Partial<ProviderMetadata>;
    } catch {
      throw new SsoFlowError('provider_error', 'discovery document is not JSON');
    }
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof doc[field] !== 'string' || !doc[field]) throw new SsoFlowError('provider_error', `discovery document lacks ${field}`);
    }
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint'] as const) {
      const value = doc[field];
      if (value === undefined) continue;
      const problem = typeof value === 'string' ? urlProblem(value, field) : `${field} must be a string`;
      if (problem) throw new SsoFlowError('provider_error', `discovery document: ${problem}`);
    }
    return doc as ProviderMetadata;
  }
}
