import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { HttpRequest as Request } from './http-request';
import { Passport } from 'passport';
import { CryptoService } from '../../common/crypto/crypto.service';
import { randomToken } from '../../common/crypto/tokens';
import { appConfig } from '../../config/app.config';
import { SsoProviderEntity } from '../sso-provider.entity';
import { ssoConfig } from '../sso.config';
import { SsoFlowError, SsoRedirectCode } from '../sso.errors';
import { BROWSER_KEY, DbStateStore, RequestWithFlow } from './db-state.store';
import { IdTokenVerifier, VerifiedIdentity } from './id-token.verifier';
import { discoveredIssuerFits } from './issuer-rules';
import { OidcDiscovery, ProviderMetadata } from './oidc-discovery';
import { OidcProviderStrategy } from './oidc.strategy';
import { OutboundPolicy } from './outbound-policy';
import { FlowIntent, FlowStart, SsoFlowsService } from './sso-flows.service';

type Outcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: VerifiedIdentity; info: { state?: FlowIntent } }
  | { kind: 'fail'; info: { code?: string; message?: string } }
  | { kind: 'error'; error: unknown };

interface AuthenticatorInternals {
  _strategy(name: string): OidcProviderStrategy | undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const FLOW_CODES = new Set<SsoRedirectCode>(['invalid_state', 'invalid_token', 'access_denied', 'provider_error', 'provider_unavailable', 'already_linked', 'provider_not_configured']);

export const strategyName = (providerId: string) => `oidc:${providerId}`;

export function redirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl}/auth/sso/${encodeURIComponent(providerId)}/callback`;
}

/**
 * The passport strategies, one per provider, named `oidc:<providerId>`, (re)built when a
 * provider's `version` changes (an admin edit on any instance), so no restart is needed.
 *
 * This module keeps its own `Passport` instance rather than the process-wide singleton that
 * `@nestjs/passport` registers into: two app instances in one process (the tests) would otherwise
 * replace each other's strategies. It drives a strategy the way passport's `authenticate`
 * middleware does (a per-request `Object.create(strategy)` with success/fail/redirect/error),
 * but returns the outcome instead of writing to a response, so `linkProvider` (GraphQL) can
 * return the authorization URL.
 */
@Injectable()
export class SsoStrategies {
  private readonly logger = new Logger('Sso');
  private readonly passport = new Passport();
  private readonly built = new Map<string, { version: number; metadata: ProviderMetadata }>();

  constructor(
    private readonly discovery: OidcDiscovery,
    private readonly flows: SsoFlowsService,
    private readonly crypto: CryptoService,
    private readonly outbound: OutboundPolicy,
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Drop a provider's strategy and cached discovery (edited or removed). */
  forget(provider: Pick<SsoProviderEntity, 'id' | 'issuer'>): void {
    this.passport.unuse(strategyName(provider.id));
    this.built.delete(provider.id);
    this.discovery.forget(provider.issuer);
  }

  /**
   * The provider's authorization URL for a new flow (login page button, or linkProvider), bound
   * to the browser whose binding cookie hashes to `browserHash`.
   */
  async authorizationUrl(provider: SsoProviderEntity, intent: FlowIntent, browserHash: string): Promise<string> {
    const name = await this.prepare(provider);
    // A bare request: the start must never read a `code` or `error` from the caller's query.
    const start: FlowStart = { ...intent, codeVerifier: randomToken(32), browserHash };
    const outcome = await this.run(name, { query: {}, headers: {} } as unknown as Request, { state: start });
    if (outcome.kind === 'redirect') return outcome.url;
    throw this.toFlowError(outcome, {});
  }

  /**
   * Finishes a callback: the verified identity and the intent recorded when the flow started.
   * Only the browser that started the flow (`browserHash` of its cookie) can finish it.
   */
  async callback(provider: SsoProviderEntity, req: Request, browserHash: string | null): Promise<{ identity: VerifiedIdentity; intent: FlowIntent }> {
    (req as RequestWithFlow)[BROWSER_KEY] = browserHash;
    const query = (req.query ?? {}) as Record<string, unknown>;
    // Without code or error the library would *start* a new flow from the callback URL.
    if (typeof query.code !== 'string' && typeof query.error !== 'string') {
      throw new SsoFlowError('invalid_state', 'callback without code or error');
    }
    const name = await this.prepare(provider);
    const outcome = await this.run(name, req, {});
    if (outcome.kind === 'success' && outcome.info?.state) return { identity: outcome.user, intent: outcome.info.state };
    throw this.toFlowError(outcome, query);
  }

  private async prepare(provider: SsoProviderEntity): Promise<string> {
    const name = strategyName(provider.id);
    const metadata = await this.discovery.metadata(provider.issuer);
    const current = this.built.get(provider.id);
    if (current && current.version === provider.version && current.metadata === metadata) return name;

    if (!discoveredIssuerFits(provider.kind, provider.tenant, provider.issuer, metadata.issuer)) {
      this.logger.warn(`provider ${provider.id}: discovery names issuer ${metadata.issuer}, configured ${provider.issuer}`);
      throw new SsoFlowError('provider_error', 'issuer of the discovery document differs from the configured one');
    }
    const verifier = new IdTokenVerifier({
      kind: provider.kind,
      clientId: provider.clientId,
      issuer: provider.issuer,
      tenant: provider.tenant,
      allowedTenants: provider.allowedTenantsJson ? (JSON.parse(provider.allowedTenantsJson) as string[]) : [],
      metadata,
      keys: this.discovery.jwks(metadata.jwks_uri),
      clockToleranceSeconds: this.config.clockToleranceSeconds,
    });
    const strategy = new OidcProviderStrategy({
      providerId: provider.id,
      clientId: provider.clientId,
      clientSecret: this.crypto.decrypt(provider.clientSecretSealed, provider.id),
      issuer: provider.issuer,
      callbackURL: redirectUri(this.app.publicUrl, provider.id),
      metadata,
      store: new DbStateStore(this.flows, provider.id),
      verifier,
      timeoutMs: this.config.httpTimeoutMs,
      outbound: this.outbound,
    });
    this.passport.unuse(name);
    this.passport.use(name, strategy);
    this.built.set(provider.id, { version: provider.version, metadata });
    return name;
  }

  private run(name: string, req: Request, options: Record<string, unknown>): Promise<Outcome> {
    const prototype = (this.passport as unknown as AuthenticatorInternals)._strategy(name);
    if (!prototype) return Promise.resolve({ kind: 'error', error: new Error(`strategy ${name} is not registered`) });
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const settle = (o: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        resolve(o);
      };
      // Each provider call is bounded; this bounds the whole (token + JWKS + userinfo) round trip.
      const guard = setTimeout(
        () => settle({ kind: 'error', error: new SsoFlowError('provider_unavailable', 'provider round trip timed out') }),
        this.config.httpTimeoutMs * 4,
      );
      const strategy = Object.create(prototype) as OidcProviderStrategy & Record<string, unknown>;
      strategy.success = (user: VerifiedIdentity, info: { state?: FlowIntent }) => settle({ kind: 'success', user, info });
      strategy.fail = (challenge: unknown) =>
        settle({ kind: 'fail', info: typeof challenge === 'object' && challenge ? (challenge as { code?: string }) : { message: String(challenge ?? '') } });
      strategy.redirect = (url: string) => settle({ kind: 'redirect', url });
      strategy.pass = () => settle({ kind: 'error', error: new Error('strategy passed') });
      strategy.error = (error: unknown) => settle({ kind: 'error', error });
      try {
        strategy.authenticate(req, options);
      } catch (error) {
        settle({ kind: 'error', error });
      }
    });
  }

  private toFlowError(outcome: Outcome, query: Record<string, unknown>): SsoFlowError {
    if (outcome.kind === 'fail') {
      const { code, message } = outcome.info;
      if (code && FLOW_CODES.has(code as SsoRedirectCode)) return new SsoFlowError(code as SsoRedirectCode, message ?? code);
      if (query.error === 'access_denied') return new SsoFlowError('access_denied', 'the user or the provider denied access');
      // The library's own claim checks (issuer, audience, expiry, nonce).
      return new SsoFlowError('invalid_token', `ID token refused by the library: ${message ?? ''}`);
    }
    if (outcome.kind === 'error') {
      const e = outcome.error as Error & { oauthError?: { code?: string; statusCode?: number; data?: unknown }; code?: string };
      if (e instanceof SsoFlowError) return e;
      if (e?.name === 'AuthorizationError' || e?.name === 'TokenError') {
        return new SsoFlowError('provider_error', `provider answered ${e.code ?? 'an error'}`, { cause: e });
      }
      if (e?.name === 'InternalOAuthError') {
        const inner = e.oauthError;
        const unavailable = (inner?.code && NETWORK_CODES.has(inner.code)) || (inner?.statusCode ?? 0) >= 500;
        return new SsoFlowError(unavailable ? 'provider_unavailable' : 'provider_error', `${e.message}: ${inner?.code ?? inner?.statusCode ?? ''}`, { cause: e });
      }
      return new SsoFlowError('provider_error', `unexpected: ${e?.name ?? ''} ${e?.message ?? String(e)}`, { cause: e });
    }
    return new SsoFlowError('provider_error', `unexpected strategy outcome ${outcome.kind}`);
  }
}
