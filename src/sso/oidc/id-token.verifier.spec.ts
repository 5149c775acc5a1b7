import { createLocalJWKSet, exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { SsoProviderKind } from '../sso-provider-kind';
import { SsoFlowError } from '../sso.errors';
import { emailClaim, IdTokenVerifier, VerifierSettings } from './id-token.verifier';
import { MICROSOFT_CONSUMER_TENANT } from './issuer-rules';

const ISSUER = 'https://idp.example.com';
const TID = '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f';
const OID = '11111111-2222-4333-8444-555555555555';

describe('IdTokenVerifier (jose, independent of passport-openidconnect)', () => {
  let key: KeyLike;
  let rogue: KeyLike;
  let settings: VerifierSettings;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    key = pair.privateKey;
    rogue = (await generateKeyPair('RS256')).privateKey; // same kid below, never published
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    settings = {
      kind: SsoProviderKind.OIDC,
      clientId: 'client-1',
      issuer: ISSUER,
      tenant: null,
      allowedTenants: [],
      metadata: { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` },
      keys: createLocalJWKSet({ keys: [jwk] }),
      clockToleranceSeconds: 60,
    };
  });

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: JWTPayload, signer: KeyLike = key) =>
    new SignJWT({ iss: ISSUER, aud: 'client-1', sub: 'user-1', nonce: 'n-1', iat: now(), exp: now() + 300, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(signer);
  const refused = async (v: IdTokenVerifier, token: string, nonce = 'n-1') => {
    const e = await v.verify(token, { nonce }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SsoFlowError);
    return (e as SsoFlowError).redirectCode;
  };

  it('accepts a good token and keys the identity by sub', async () => {
    const v = new IdTokenVerifier(settings);
    const id = await v.verify(await sign({ email: 'a@example.com' }), { nonce: 'n-1' });
    expect(id).toMatchObject({ subject: 'user-1', email: 'a@example.com' });
  });

  it('refuses wrong issuer, audience, nonce, signature, azp', async () => {
    const v = new IdTokenVerifier(settings);
    expect(await refused(v, await sign({ iss: 'https://evil.example.com' }))).toBe('invalid_token');
    expect(await refused(v, await sign({ aud: 'other-client' }))).toBe('invalid_token');
    expect(await refused(v, await sign({}), 'another-nonce')).toBe('invalid_token');
    expect(await refused(v, await sign({ nonce: undefined }))).toBe('invalid_token');
    expect(await refused(v, await sign({}, rogue))).toBe('invalid_token');
    expect(await refused(v, await sign({ aud: ['client-1', 'other'], azp: 'other' }))).toBe('invalid_token');
    expect(await refused(v, await sign({ aud: ['client-1', 'other'] }))).toBe('invalid_token');
  });

  it('allows 60 s of clock skew, no more', async () => {
    const v = new IdTokenVerifier(settings);
    await expect(v.verify(await sign({ exp: now() - 30 }), { nonce: 'n-1' })).resolves.toBeDefined();
    expect(await refused(v, await sign({ exp: now() - 120 }))).toBe('invalid_token');
    await expect(v.verify(await sign({ iat: now() + 30 }), { nonce: 'n-1' })).resolves.toBeDefined();
    expect(await refused(v, await sign({ iat: now() + 600 }))).toBe('invalid_token');
    expect(await refused(v, await sign({ nbf: now() + 600 }))).toBe('invalid_token');
    expect(await refused(v, await sign({ iat: now() - 3600, exp: now() + 300 }))).toBe('invalid_token');
  });

  it('Office 365 common: the tenant issuer of the token tid; identity is tid:oid; allow-list', async () => {
    const o365: VerifierSettings = {
      ...settings,
      kind: SsoProviderKind.OFFICE365,
      issuer: 'https://login.example.com/common/v2.0',
      tenant: 'common',
      metadata: { ...settings.metadata, issuer: 'https://login.example.com/{tenantid}/v2.0' },
    };
    const tenantIss = `https://login.example.com/${TID}/v2.0`;
    const v = new IdTokenVerifier(o365);
    const token = await sign({ iss: tenantIss, tid: TID, oid: OID, preferred_username: 'u@contoso.com' });
    expect(v.expectedIssuer(token)).toBe(tenantIss);
    expect(await v.verify(token, { nonce: 'n-1' })).toMatchObject({ subject: `${TID}:${OID}`, email: 'u@contoso.com' });
    // The issuer must be the one of the token's own tenant.
    const other = '9e8d7c6b-5a49-4837-a625-1f0e9d8c7b6a';
    expect(await refused(v, await sign({ iss: tenantIss, tid: other, oid: OID }))).toBe('invalid_token');
    expect(await refused(v, await sign({ iss: tenantIss, tid: TID }))).toBe('invalid_token');
    const onlyOther = new IdTokenVerifier({ ...o365, allowedTenants: [other] });
    expect(await refused(onlyOther, token)).toBe('invalid_token');
  });

  it('says whether the shown email is verified (email_verified; Office 365: a tenant UPN)', () => {
    const { OIDC, GOOGLE, OFFICE365 } = SsoProviderKind;
    expect(emailClaim({ email: 'a@x.test', email_verified: true }, GOOGLE)).toEqual({ email: 'a@x.test', emailVerified: true });
    expect(emailClaim({ email: 'a@x.test', email_verified: 'true' }, OIDC)).toEqual({ email: 'a@x.test', emailVerified: true });
    expect(emailClaim({ email: 'a@x.test', email_verified: false }, OIDC)).toEqual({ email: 'a@x.test', emailVerified: false });
    expect(emailClaim({ email: 'a@x.test' }, OIDC)).toEqual({ email: 'a@x.test', emailVerified: false });
    // preferred_username is free text outside Office 365
    expect(emailClaim({ preferred_username: 'a@x.test', email_verified: true }, OIDC)).toEqual({ email: 'a@x.test', emailVerified: false });
    expect(emailClaim({ preferred_username: 'a@contoso.test', tid: TID }, OFFICE365)).toEqual({ email: 'a@contoso.test', emailVerified: true });
    expect(emailClaim({ preferred_username: 'a@outlook.test', tid: MICROSOFT_CONSUMER_TENANT }, OFFICE365).emailVerified).toBe(false);
    expect(emailClaim({ preferred_username: 'a@contoso.test' }, OFFICE365).emailVerified).toBe(false);
    // Office 365's `email` claim is whatever the user typed, unless the domain is verified (xms_edov)
    expect(emailClaim({ email: 'victim@x.test', preferred_username: 'a@contoso.test', tid: TID }, OFFICE365)).toEqual({ email: 'victim@x.test', emailVerified: false });
    expect(emailClaim({ email: 'a@contoso.test', xms_edov: true, tid: TID }, OFFICE365).emailVerified).toBe(true);
    expect(emailClaim({}, OIDC)).toEqual({ email: null, emailVerified: false });
  });
});
