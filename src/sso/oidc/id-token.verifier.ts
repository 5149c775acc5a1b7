import { decodeJwt, jwtVerify, JWTPayload, JWTVerifyGetKey } from 'jose';
import { SsoProviderKind } from '../sso-provider-kind';
import { SsoFlowError } from '../sso.errors';
import { ProviderMetadata } from './oidc-discovery';
import { isMultiTenant, tenantAllowed, tenantIssuer } from './issuer-rules';

export interface VerifierSettings {
  kind: SsoProviderKind;
  clientId: string;
  /** The configured (effective) issuer. */
  issuer: string;
  tenant: string | null;
  allowedTenants: string[];
  metadata: ProviderMetadata;
  keys: JWTVerifyGetKey;
  clockToleranceSeconds: number;
}

/** Who signed in, as the provider vouched for it in a verified ID token. */
export interface VerifiedIdentity {
  /** Provider-scoped key: `sub`, or `tid:oid` for Office 365. Never the email. */
  subject: string;
  /** The `email` claim, else `preferred_username` (userinfo may fill it in later). */
  email: string | null;
  claims: JWTPayload;
}

/** jose errors that mean "we could not get the keys", not "the token is bad". */
const KEY_PROBLEMS_THAT_ARE_TOKEN_PROBLEMS = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JOSE_NOT_SUPPORTED', 'ERR_JWS_INVALID']);

export function emailOf(claims: Record<string, unknown> | undefined | null): string | null {
  if (!claims) return null;
  for (const name of ['email', 'preferred_username']) {
    const v = claims[name];
    if (typeof v === 'string' && v.trim() && v.length <= 254) return v.trim();
  }
  return null;
}

/**
 * passport-openidconnect checks the claims of the ID token but not its signature, has no clock
 * tolerance and no `iat` check. This verifies the raw token with jose against the provider's
 * JWKS: signature (asymmetric algorithms only), issuer (Office 365 multi-tenant: the issuer of
 * the token's own `tid`, optionally allow-listed), audience, `azp`, expiry/`iat`/`nbf` with a
 * small tolerance, and the flow's nonce.
 */
export class IdTokenVerifier {
  private readonly multiTenant: boolean;
  private readonly algorithms: string[];

  constructor(private readonly s: VerifierSettings) {
    this.multiTenant = isMultiTenant(s.kind, s.tenant);
    const advertised = s.metadata.id_token_signing_alg_values_supported ?? ['RS256'];
    this.algorithms = advertised.filter((a) => typeof a === 'string' && a !== 'none' && !a.startsWith('HS'));
    if (!this.algorithms.length) this.algorithms = ['RS256'];
  }

  /**
   * The issuer this token must carry. For Office 365 common/organizations it depends on the
   * token's (still unverified) `tid`; the signature check below then proves it.
   */
  expectedIssuer(idToken: string): string | null {
    if (!this.multiTenant) return this.s.issuer;
    try {
      const tid = decodeJwt(idToken).tid;
      return typeof tid === 'string' ? tenantIssuer(this.s.issuer, this.s.metadata.issuer, tid) : null;
    } catch {
      return null;
    }
  }

  async verify(idToken: string, expected: { nonce: string }): Promise<VerifiedIdentity> {
    const issuer = this.expectedIssuer(idToken);
    if (!issuer) throw new SsoFlowError('invalid_token', 'ID token names no usable tenant');
    const getKey: JWTVerifyGetKey = async (header, token) => {
      try {
        return await this.s.keys(header, token);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (KEY_PROBLEMS_THAT_ARE_TOKEN_PROBLEMS.has(code)) throw e;
        throw new SsoFlowError('provider_unavailable', `JWKS unavailable: ${code || (e as Error).message}`, { cause: e });
      }
    };
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(idToken, getKey, {
        issuer,
        audience: this.s.clientId,
        algorithms: this.algorithms,
        clockTolerance: this.s.clockToleranceSeconds,
        maxTokenAge: 600,
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (e) {
      if (e instanceof SsoFlowError) throw e;
      throw new SsoFlowError('invalid_token', `ID token refused: ${(e as { code?: string }).code ?? ''} ${(e as Error).message}`, { cause: e });
    }
    if (typeof claims.nonce !== 'string' || claims.nonce !== expected.nonce) throw new SsoFlowError('invalid_token', 'ID token nonce does not match the flow');
    const aud = claims.aud;
    if (claims.azp !== undefined && claims.azp !== this.s.clientId) throw new SsoFlowError('invalid_token', 'ID token azp is another client');
    if (Array.isArray(aud) && aud.length > 1 && claims.azp === undefined) throw new SsoFlowError('invalid_token', 'ID token has several audiences and no azp');
    return { subject: this.subjectOf(claims), email: emailOf(claims), claims };
  }

  private subjectOf(claims: JWTPayload): string {
    if (this.s.kind !== SsoProviderKind.OFFICE365) {
      const sub = String(claims.sub);
      if (!sub || sub.length > 255) throw new SsoFlowError('invalid_token', 'ID token sub is empty or too long');
      return sub;
    }
    const { tid, oid } = claims as { tid?: unknown; oid?: unknown };
    if (typeof tid !== 'string' || typeof oid !== 'string' || !oid || oid.length > 64) {
      throw new SsoFlowError('invalid_token', 'Office 365 ID token lacks tid/oid');
    }
    if (this.multiTenant && !tenantAllowed(this.s.tenant, this.s.allowedTenants, tid)) {
      throw new SsoFlowError('invalid_token', 'tenant not allowed for this provider');
    }
    return `${tid.toLowerCase()}:${oid.toLowerCase()}`;
  }
}
