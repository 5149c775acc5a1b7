import { SsoProviderKind } from '../sso-provider-kind';
import {
  MICROSOFT_CONSUMER_TENANT,
  defaultIssuer,
  discoveryUrl,
  isMultiTenant,
  issuerProblem,
  tenantAllowed,
  tenantIssuer,
  urlProblem,
} from './issuer-rules';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('issuer rules', () => {
  it.each([
    ['https://accounts.google.com', null],
    ['http://127.0.0.1:4000', null],
    ['http://localhost:4000/realms/x', null],
    ['http://[::1]:8080', null],
    ['http://127.1.2.3', null],
    ['http://example.com', /https/],
    ['http://localhost.evil.com', /https/],
    ['http://127.0.0.1.nip.io', /https/],
    ['ftp://example.com', /https/],
    ['not a url', /absolute/],
    ['https://user:pw@example.com', /credentials/],
  ])('urlProblem(%s)', (url, expected) => {
    const p = urlProblem(url);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });

  it('an issuer has no query or fragment', () => {
    expect(issuerProblem('https://idp.example.com?x=1')).toMatch(/query/);
    expect(issuerProblem('https://idp.example.com#x')).toMatch(/fragment/);
    expect(issuerProblem('https://idp.example.com/')).toBeNull();
  });

  it('defaults per kind', () => {
    expect(defaultIssuer(SsoProviderKind.GOOGLE, null)).toBe('https://accounts.google.com');
    expect(defaultIssuer(SsoProviderKind.OFFICE365, null)).toBe('https://login.microsoftonline.com/common/v2.0');
    expect(defaultIssuer(SsoProviderKind.OFFICE365, TID)).toBe(`https://login.microsoftonline.com/${TID}/v2.0`);
    expect(defaultIssuer(SsoProviderKind.OIDC, null)).toBeNull();
    expect(isMultiTenant(SsoProviderKind.OFFICE365, 'organizations')).toBe(true);
    expect(isMultiTenant(SsoProviderKind.OFFICE365, TID)).toBe(false);
    expect(isMultiTenant(SsoProviderKind.OIDC, 'common')).toBe(false);
  });

  it('discovery URL drops a trailing slash of the issuer', () => {
    expect(discoveryUrl('https://a.example/')).toBe('https://a.example/.well-known/openid-configuration');
    expect(discoveryUrl('https://a.example/realms/x')).toBe('https://a.example/realms/x/.well-known/openid-configuration');
  });

  it('tenant-specific issuer from the template or from the path', () => {
    expect(tenantIssuer('https://login.microsoftonline.com/common/v2.0', 'https://login.microsoftonline.com/{tenantid}/v2.0', TID)).toBe(
      `https://login.microsoftonline.com/${TID}/v2.0`,
    );
    expect(tenantIssuer('http://127.0.0.1:9/organizations/v2.0', undefined, TID)).toBe(`http://127.0.0.1:9/${TID}/v2.0`);
    expect(tenantIssuer('https://login.microsoftonline.com/common/v2.0', undefined, 'not-a-guid')).toBeNull();
  });

  it('tenant allow-list and organizations', () => {
    expect(tenantAllowed('common', [], TID)).toBe(true);
    expect(tenantAllowed('common', [TID.toUpperCase()], TID)).toBe(true);
    expect(tenantAllowed('common', ['11111111-1111-1111-1111-111111111111'], TID)).toBe(false);
    expect(tenantAllowed('organizations', [], MICROSOFT_CONSUMER_TENANT)).toBe(false);
    expect(tenantAllowed('common', [], MICROSOFT_CONSUMER_TENANT)).toBe(true);
    expect(tenantAllowed('common', [], '../x')).toBe(false);
  });
});
