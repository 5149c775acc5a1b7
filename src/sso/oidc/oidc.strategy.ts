import type { HttpRequest as Request } from './http-request';
import { createHash } from 'node:crypto';
import type { ClientRequest, RequestOptions } from 'node:http';
import https from 'node:https';
import OpenIDConnectStrategy from 'passport-openidconnect';
import { SsoFlowError } from '../sso.errors';
import { DbStateStore, FLOW_KEY, RequestWithFlow } from './db-state.store';
import { emailClaim, emailOf, IdTokenVerifier, VerifiedIdentity } from './id-token.verifier';
import { ProviderMetadata } from './oidc-discovery';
import { NOT_PUBLIC, OutboundPolicy } from './outbound-policy';

export interface OidcStrategySettings {
  providerId: string;
  clientId: string;
  clientSecret: string;
  issuer: string;
  callbackURL: string;
  metadata: ProviderMetadata;
  store: DbStateStore;
  verifier: IdTokenVerifier;
  timeoutMs: number;
  outbound: OutboundPolicy;
}

type OAuthCallback = (err: unknown, ...rest: unknown[]) => void;
interface HttpLibrary {
  request(options: RequestOptions): ClientRequest;
}
/** The bits of the `oauth` package's OAuth2 client this class adjusts (protected in the typings). */
interface OAuth2Internals {
  _executeRequest(lib: HttpLibrary, options: RequestOptions, body: unknown, cb: OAuthCallback): void;
  get(url: string, accessToken: string, cb: OAuthCallback): void;
  getOAuthAccessToken(code: string, params: Record<string, string>, cb: OAuthCallback): void;
}
interface StrategyInternals {
  _oauth2: OAuth2Internals;
  _issuer: string;
}
type Verified = (err: Error | null, user?: VerifiedIdentity | false, info?: { code: string; message: string }) => void;

/**
 * passport-openidconnect's strategy for one configured provider, named `oidc:<providerId>`.
 * The library runs the authorization-code flow; this subclass closes its gaps:
 * - every HTTP call to the provider (token, userinfo) has a timeout (the `oauth` client has none)
 *   and goes through the outbound policy (production: pinned to checked public addresses);
 * - a userinfo body that is not JSON becomes an error (the library would call an undefined
 *   `done` and crash the process);
 * - a callback carrying `?error=` still consumes its state row (the library skips the store);
 * - Office 365 common/organizations: the issuer the library compares with is, per request, the
 *   tenant issuer of the token's `tid` (the library's strict single-issuer check would refuse it);
 * - PKCE (S256, RFC 7636), which the library lacks: the challenge goes into the authorization
 *   request, the verifier (kept sealed in the flow row) into the token request;
 * - the verify callback verifies the raw ID token (signature, issuer, audience, times, nonce).
 * passport creates one object per request with `Object.create(strategy)`, so per-request
 * properties set on `this` never leak into other requests.
 */
export class OidcProviderStrategy extends OpenIDConnectStrategy {
  constructor(private readonly settings: OidcStrategySettings) {
    const { metadata, verifier } = settings;
    const userInfoURL = metadata.userinfo_endpoint;
    // Exactly 10 parameters: the library picks the verify signature by arity (req, …, params, done).
    function verify(
      req: RequestWithFlow,
      _iss: string,
      uiProfile: { id?: string; _json?: Record<string, unknown> } | undefined,
      _idProfile: unknown,
      _context: unknown,
      idToken: string,
      _accessToken: string,
      _refreshToken: string,
      _params: unknown,
      done: Verified,
    ): void {
      const flow = req[FLOW_KEY];
      if (!flow) return done(new SsoFlowError('invalid_state', 'flow missing at verify time'));
      verifier.verify(idToken, { nonce: flow.nonce }).then(
        (identity) => {
          if (uiProfile) {
            // OpenID Connect Core 5.3.2: the userinfo `sub` must be the ID token's.
            if (uiProfile.id !== identity.claims.sub) return done(new SsoFlowError('invalid_token', 'userinfo sub differs from the ID token'));
            // The tenant that vouches for an Office 365 UPN is the ID token's.
            if (identity.email === null) Object.assign(identity, emailClaim({ ...uiProfile._json, tid: identity.claims.tid }, verifier.kind));
          }
          done(null, identity);
        },
        (e: Error) => done(e),
      );
    }
    super(
      {
        issuer: settings.issuer,
        authorizationURL: metadata.authorization_endpoint,
        tokenURL: metadata.token_endpoint,
        userInfoURL: userInfoURL ?? '',
        clientID: settings.clientId,
        clientSecret: settings.clientSecret,
        callbackURL: settings.callbackURL,
        scope: ['email', 'profile'],
        nonce: true as unknown as string,
        store: settings.store as never,
        passReqToCallback: true,
        // Userinfo only when the ID token names no email and the provider has the endpoint.
        skipUserProfile: ((_req: unknown, claims: Record<string, unknown>, cb: (err: null, skip: boolean) => void) =>
          cb(null, !userInfoURL || emailOf(claims) !== null)) as never,
      } as OpenIDConnectStrategy.StrategyOptions,
      verify as unknown as OpenIDConnectStrategy.VerifyFunction,
    );
    this.name = `oidc:${settings.providerId}`;
    this.boundHttpCalls();
  }

  /** Extra authorization-request parameters: the PKCE challenge of the verifier given at start. */
  override authorizationParams(options?: { state?: { codeVerifier?: string } }): object {
    const verifier = options?.state?.codeVerifier;
    if (!verifier) throw new Error('PKCE verifier missing at the start of a flow');
    return { code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' };
  }

  override authenticate(req: Request, options?: OpenIDConnectStrategy.AuthenticateOptions): void {
    const self = this as unknown as StrategyInternals;
    const query = (req.query ?? {}) as Record<string, unknown>;
    if (query.error) {
      // Burn the state and learn the flow's purpose (its error page) before the library fails.
      this.settings.store.verify(req as RequestWithFlow, query.state, () => super.authenticate(req, options));
      return;
    }
    if (query.code) {
      const base = self._oauth2;
      const perRequest = Object.create(base) as OAuth2Internals;
      perRequest.getOAuthAccessToken = (code, params, cb) => {
        // The store has consumed the flow row by now (the library verifies state first).
        const flow = (req as RequestWithFlow)[FLOW_KEY];
        if (!flow) return cb(new SsoFlowError('invalid_state', 'flow missing at token time'));
        let withVerifier: Record<string, string>;
        try {
          withVerifier = { ...params, code_verifier: this.settings.store.flows.codeVerifierOf(flow) };
        } catch (e) {
          return cb(e);
        }
        return base.getOAuthAccessToken(code, withVerifier, (err, accessToken, refreshToken, results) => {
          const idToken = (results as { id_token?: unknown } | undefined)?.id_token;
          if (!err && typeof idToken === 'string') {
            const issuer = this.settings.verifier.expectedIssuer(idToken);
            if (issuer) self._issuer = issuer;
          }
          cb(err, accessToken, refreshToken, results);
        });
      };
      self._oauth2 = perRequest;
    }
    super.authenticate(req, options);
  }

  private boundHttpCalls(): void {
    const oauth2 = (this as unknown as StrategyInternals)._oauth2;
    const timeoutMs = this.settings.timeoutMs;
    const execute = oauth2._executeRequest.bind(oauth2);
    oauth2._executeRequest = (lib, options, body, callback) => {
      let request: ClientRequest | undefined;
      let settled = false;
      const finish: OAuthCallback = (...args) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          callback(...(args as [unknown]));
        } catch (e) {
          // `oauth` and the library parse the response inside this socket callback without a
          // guard (a body of `null`, an id_token that is not a string): a throw here would be an
          // uncaught exception. Report it as a failed request instead.
          try {
            callback(Object.assign(new Error(`malformed provider response: ${(e as Error)?.message}`), { code: 'EBADRESPONSE' }));
          } catch {
            /* the strategy runner's time limit ends the request */
          }
        }
      };
      const timer = setTimeout(() => {
        finish(Object.assign(new Error('provider request timed out'), { code: 'ETIMEDOUT' }));
        request?.destroy();
      }, timeoutMs);
      const pinned = this.settings.outbound.pin(options, (lib as unknown) === https ? 'https:' : 'http:');
      if (!pinned) return finish(Object.assign(new Error('provider endpoint refused by the address policy'), { code: NOT_PUBLIC }));
      execute({ request: (o) => (request = lib.request(o)) }, pinned, body, finish);
    };
    const get = oauth2.get.bind(oauth2);
    oauth2.get = (url, accessToken, cb) =>
      get(url, accessToken, (err, body, res) => {
        if (!err) {
          try {
            JSON.parse(String(body));
          } catch {
            return cb(Object.assign(new Error('userinfo response is not JSON'), { code: 'EUSERINFO_NOT_JSON' }));
          }
        }
        cb(err, body, res);
      });
  }
}
