import { decodeJwt, jwtVerify, JWTPayload, JWTVerifyGetKey } from 'jose';
import { SsoProviderKind } from '../sso-provider-kind';
import { SsoFlowError } from '../sso.errors';
import { ProviderMetadata } from './oidc-discovery';
import { NOT_PUBLIC } from './outbound-policy';
import { isMultiTenant, isTenantId, MICROSOFT_CONSUMER_TENANT, tenantAllowed, tenantIssuer } from './issuer-rules';

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
  /** Whether the provider vouches that `email` belongs to the person (see `emailClaim`). */
  emailVerified: boolean;
  claims: JWTPayload;
}

/** jose errors that mean "we could not get the keys", not "the token is bad". */
const KEY_PROBLEMS_THAT_ARE_TOKEN_PROBLEMS = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JOSE_NOT_SUPPORTED', 'ERR_JWS_INVALID']);

export function emailOf(claims: Record<string, unknown> | undefined | null): string | null {
  return emailClaim(claims, SsoProviderKind.OIDC).email;
}

const usable = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 254;

/**
 * The address to show for an identity and whether the provider vouches for it. `email` with
 * `email_verified: true` is verified. Office 365 sends no `email_verified`: its
 * `preferred_username` (the UPN) is verified when a real tenant issued the token, because a UPN
 * can only use a domain the tenant has proven it owns; personal Microsoft accounts (the consumer
 * tenant) and the free-form `email` claim are not (unless `xms_edov` says the domain is verified).
 */
export function emailClaim(claims: Record<string, unknown> | undefined | null, kind: SsoProviderKind): { email: string | null; emailVerified: boolean } {
  if (!claims) return { email: null, emailVerified: false };
  const trueish = (v: unknown) => v === true || v === 'true';
  if (usable(claims.email)) {
    const verified = trueish(claims.email_verified) || (kind === SsoProviderKind.OFFICE365 && trueish(claims.xms_edov));
    return { email: claims.email.trim(), emailVerified: verified };
  }
  if (usable(claims.preferred_username)) {
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null;
    const tenantUpn = kind === SsoProviderKind.OFFICE365 && tid !== null && isTenantId(tid) && tid !== MICROSOFT_CONSUMER_TENANT;
    return { email: claims.preferred_username.trim(), emailVerified: tenantUpn };
  }
  return { email: null, emailVerified: false };
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

  get kind(): SsoProviderKind {
    return this.s.kind;
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
        if (code === NOT_PUBLIC) throw new SsoFlowError('provider_error', 'JWKS host refused by the address policy', { cause: e });
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
    return { subject: this.subjectOf(claims), ...emailClaim(claims, this.s.kind), claims };
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
