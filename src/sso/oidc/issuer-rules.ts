import { SsoProviderKind } from '../sso-provider-kind';

/**
 * Pure rules about issuers and Microsoft tenants: which URLs we talk to, which issuer a kind
 * defaults to, and which issuer an Office 365 multi-tenant token must carry.
 */

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';
/** The tenant of personal Microsoft accounts: not an organization. */
export const MICROSOFT_CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
export const MULTI_TENANTS = new Set(['common', 'organizations']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isTenantId(value: string): boolean {
  return GUID.test(value);
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** https, or http on a loopback host only; no credentials. Returns why not, or null. */
export function urlProblem(value: string, what = 'URL'): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${what} must be an absolute URL`;
  }
  if (url.username || url.password) return `${what} must not contain credentials`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return `${what} must use https (plain http only on 127.0.0.1 or localhost)`;
}

/** An issuer is also an identifier compared byte for byte: no query, no fragment. */
export function issuerProblem(value: string): string | null {
  const problem = urlProblem(value, 'issuer');
  if (problem) return problem;
  const url = new URL(value);
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'issuer must not have a query or fragment';
  return null;
}

export function defaultIssuer(kind: SsoProviderKind, tenant: string | null): string | null {
  switch (kind) {
    case SsoProviderKind.GOOGLE:
      return GOOGLE_ISSUER;
    case SsoProviderKind.OFFICE365:
      return `${MICROSOFT_LOGIN}/${tenant ?? 'common'}/v2.0`;
    case SsoProviderKind.OIDC:
      return null;
  }
}

export function isMultiTenant(kind: SsoProviderKind, tenant: string | null): boolean {
  return kind === SsoProviderKind.OFFICE365 && MULTI_TENANTS.has(tenant ?? 'common');
}

/** `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0, section 4). */
/**
 * Whether a discovery document's `issuer` fits the configured one: equal, or (Office 365 with
 * common/organizations) the `{tenantid}` template Microsoft publishes there.
 */
export function discoveredIssuerFits(kind: SsoProviderKind, tenant: string | null, configured: string, discovered: string): boolean {
  return discovered === configured || (isMultiTenant(kind, tenant) && discovered.includes('{tenantid}'));
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * The issuer a multi-tenant (common/organizations) token must carry: the tenant-specific one
 * named by its `tid`. Microsoft's discovery document gives a template
 * (`https://login.microsoftonline.com/{tenantid}/v2.0`); without one, the configured issuer's
 * `common`/`organizations` path segment is replaced by the tid.
 */
export function tenantIssuer(configuredIssuer: string, discoveredIssuer: string | undefined, tid: string): string | null {
  if (!isTenantId(tid)) return null;
  if (discoveredIssuer?.includes('{tenantid}')) return discoveredIssuer.replace('{tenantid}', tid.toLowerCase());
  const url = new URL(configuredIssuer);
  const segments = url.pathname.split('/');
  const i = segments.findIndex((s) => MULTI_TENANTS.has(s));
  if (i < 0) return null;
  segments[i] = tid.toLowerCase();
  url.pathname = segments.join('/');
  return url.toString().replace(/\/$/, configuredIssuer.endsWith('/') ? '/' : '');
}

/** Whether a (verified) token's tenant may sign in through a multi-tenant provider. */
export function tenantAllowed(tenant: string | null, allowedTenants: string[], tid: string): boolean {
  if (!isTenantId(tid)) return false;
  if ((tenant ?? 'common') === 'organizations' && tid.toLowerCase() === MICROSOFT_CONSUMER_TENANT) return false;
  return allowedTenants.length === 0 || allowedTenants.some((t) => t.toLowerCase() === tid.toLowerCase());
}
