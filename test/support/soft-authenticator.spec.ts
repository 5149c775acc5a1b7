import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { asJson, cborEncode, SoftAuthenticator } from './soft-authenticator';

/**
 * Proves the soft authenticator's bytes are real WebAuthn: every response goes through the actual
 * @simplewebauthn/server verification (no mocks), and the negative cases show the library's checks
 * do bite on what the overrides forge.
 *
 * Not picked up by test/jest-unit.json (its testRegex is `src/.*\.spec\.ts$`); run it with
 *   npx jest --config test/jest-unit.json --testRegex 'test/support/.*\.spec\.ts$'
 */

const ORIGIN = 'http://localhost:3000';
const RP_ID = 'localhost';
const B64URL = /^[A-Za-z0-9_-]+$/; // base64url, no padding

async function registrationOptions(userID = new TextEncoder().encode('user-42')) {
  return generateRegistrationOptions({
    rpName: 'Test',
    rpID: RP_ID,
    userName: 'alice@example.com',
    userID,
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
}

/** Registers one credential, verified by the library; returns what a server would store. */
async function enrol(auth: SoftAuthenticator) {
  const options = await registrationOptions();
  const response = auth.register(asJson(options)); // as the API would send it: JSON text
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
  if (!result.verified) throw new Error('registration not verified');
  return { options, response, credential: result.registrationInfo.credential, info: result.registrationInfo };
}

const verifyAssertion = (response: AuthenticationResponseJSON, challenge: string, credential: WebAuthnCredential) =>
  verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    credential,
    requireUserVerification: true,
  });

describe('cborEncode', () => {
  // RFC 8949 Appendix A vectors for every item type the encoder supports.
  it.each<[unknown, string]>([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [100, '1864'],
    [1000, '1903e8'],
    [1000000, '1a000f4240'],
    [1000000000000, '1b000000e8d4a51000'],
    [-1, '20'],
    [-10, '29'],
    [-100, '3863'],
    [-1000, '3903e7'],
    ['', '60'],
    ['IETF', '6449455446'],
    ['ü', '62c3bc'],
    [Buffer.from([1, 2, 3, 4]), '4401020304'],
    [new Map(), 'a0'],
    [
      new Map<number, number>([
        [1, 2],
        [3, 4],
      ]),
      'a201020304',
    ],
  ])('encodes %p as %s', (value, hex) => {
    expect(cborEncode(value as Parameters<typeof cborEncode>[0]).toString('hex')).toBe(hex);
  });

  it('uses 1- and 2-byte lengths for longer strings', () => {
    expect(cborEncode(Buffer.alloc(24)).subarray(0, 2).toString('hex')).toBe('5818');
    expect(cborEncode('a'.repeat(256)).subarray(0, 3).toString('hex')).toBe('790100');
  });

  it('refuses non-integers', () => {
    expect(() => cborEncode(1.5)).toThrow(/integers/);
  });
});

describe('SoftAuthenticator', () => {
  it('registers: the library verifies the attestation; the JSON is shaped like toJSON()', async () => {
    const auth = new SoftAuthenticator();
    const { options, response, credential, info } = await enrol(auth);

    expect(info.fmt).toBe('none');
    expect(info.userVerified).toBe(true);
    expect(info.credentialDeviceType).toBe('singleDevice');
    expect(info.rpID).toBe(RP_ID);
    expect(info.origin).toBe(ORIGIN);
    expect(credential.id).toBe(response.id);
    expect(credential.counter).toBe(0);

    expect(Object.keys(response).sort()).toEqual(['authenticatorAttachment', 'clientExtensionResults', 'id', 'rawId', 'response', 'type']);
    expect(response.type).toBe('public-key');
    expect(response.rawId).toBe(response.id);
    expect(Buffer.from(response.id, 'base64url')).toHaveLength(32);
    for (const v of [response.id, response.response.clientDataJSON, response.response.attestationObject, response.response.authenticatorData!, response.response.publicKey!]) {
      expect(v).toMatch(B64URL);
    }
    expect(response.response.publicKeyAlgorithm).toBe(-7);
    expect(response.clientExtensionResults).toEqual({ credProps: { rk: true } });
    // Byte-exact clientDataJSON, as a browser writes it.
    expect(Buffer.from(response.response.clientDataJSON, 'base64url').toString()).toBe(
      `{"type":"webauthn.create","challenge":"${options.challenge}","origin":"${ORIGIN}","crossOrigin":false}`,
    );

    expect(auth.credentials()).toEqual([{ id: response.id, userHandle: options.user.id, rpId: RP_ID, counter: 0, resident: true }]);
  });

  it('accepts the options as an object too, and a JSON round trip of the response still verifies', async () => {
    const options = await registrationOptions();
    const response = JSON.parse(asJson(new SoftAuthenticator().register(options))) as RegistrationResponseJSON;
    const result = await verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID });
    expect(result.verified).toBe(true);
  });

  it('asserts: verified, newCounter 1; a counter set back is a regression the library throws on', async () => {
    const auth = new SoftAuthenticator();
    const { response: reg, credential } = await enrol(auth);

    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }], userVerification: 'required' });
    const response = auth.assert(asJson(options));
    expect(Object.keys(response.response).sort()).toEqual(['authenticatorData', 'clientDataJSON', 'signature', 'userHandle']);
    expect(response.clientExtensionResults).toEqual({});
    const first = await verifyAssertion(response, options.challenge, credential);
    expect(first.verified).toBe(true);
    expect(first.authenticationInfo.newCounter).toBe(1);
    expect(first.authenticationInfo.userVerified).toBe(true);
    expect(auth.credentials()[0].counter).toBe(1);

    // The server now stores 1; the authenticator is rolled back to 0 (a clone) and signs 1 again.
    const stored = { ...credential, counter: first.authenticationInfo.newCounter };
    auth.setCounter(reg.id, 0);
    const again = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }] });
    await expect(verifyAssertion(auth.assert(again), again.challenge, stored)).rejects.toThrow(/counter/i);

    // overrides.counter: an explicit higher value passes and is kept.
    const later = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }] });
    const jump = await verifyAssertion(auth.assert(later, { counter: 7 }), later.challenge, stored);
    expect(jump.authenticationInfo.newCounter).toBe(7);
    expect(auth.credentials()[0].counter).toBe(7);
  });

  it('signs DER ECDSA over authenticatorData || SHA-256(clientDataJSON), checkable with the SPKI key', async () => {
    const auth = new SoftAuthenticator();
    const { response: reg } = await enrol(auth);
    const options = await generateAuthenticationOptions({ rpID: RP_ID });
    const { response } = auth.assert(options);
    const sig = Buffer.from(response.signature, 'base64url');
    expect(sig[0]).toBe(0x30); // ASN.1 SEQUENCE: DER, not raw r|s
    const key = createPublicKey({ key: Buffer.from(reg.response.publicKey!, 'base64url'), format: 'der', type: 'spki' });
    const cdjHash = createHash('sha256').update(Buffer.from(response.clientDataJSON, 'base64url')).digest();
    const data = Buffer.concat([Buffer.from(response.authenticatorData, 'base64url'), cdjHash]);
    expect(verify('sha256', data, key, sig)).toBe(true);
  });

  it('refuses a wrong origin, a wrong rpId, a wrong challenge (registration and assertion)', async () => {
    const auth = new SoftAuthenticator();
    const { response: reg, credential } = await enrol(auth);

    const regOptions = await registrationOptions();
    const verifyReg = (response: RegistrationResponseJSON) =>
      verifyRegistrationResponse({ response, expectedChallenge: regOptions.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID });
    await expect(verifyReg(auth.register(regOptions, { origin: 'https://evil.example' }))).rejects.toThrow(/origin/);
    await expect(verifyReg(auth.register(regOptions, { rpId: 'evil.example' }))).rejects.toThrow(/RP ID/);
    await expect(verifyReg(auth.register(regOptions, { challenge: 'c3RhbGU' }))).rejects.toThrow(/challenge/);

    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }] });
    await expect(verifyAssertion(auth.assert(options, { origin: 'https://evil.example' }), options.challenge, credential)).rejects.toThrow(/origin/);
    await expect(verifyAssertion(auth.assert(options, { rpId: 'evil.example' }), options.challenge, credential)).rejects.toThrow(/RP ID/);
    await expect(verifyAssertion(auth.assert(options, { challenge: 'c3RhbGU' }), options.challenge, credential)).rejects.toThrow(/challenge/);
  });

  it('without user verification: refused when the server requires it', async () => {
    const auth = new SoftAuthenticator();
    const { response: reg, credential } = await enrol(auth);
    const regOptions = await registrationOptions();
    await expect(
      verifyRegistrationResponse({
        response: auth.register(regOptions, { userVerification: false }),
        expectedChallenge: regOptions.challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: RP_ID,
        requireUserVerification: true,
      }),
    ).rejects.toThrow(/verification/);

    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }], userVerification: 'required' });
    await expect(verifyAssertion(auth.assert(options, { userVerification: false }), options.challenge, credential)).rejects.toThrow(/verification/);

    // A UV-less authenticator is fine where UV is not required (2FA-style "discouraged").
    const noUv = new SoftAuthenticator({ userVerification: false });
    const o1 = await registrationOptions();
    const r1 = await verifyRegistrationResponse({
      response: noUv.register(o1),
      expectedChallenge: o1.challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      requireUserVerification: false,
    });
    if (!r1.verified) throw new Error('registration not verified');
    const o2 = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'discouraged' });
    const ok = await verifyAuthenticationResponse({
      response: noUv.assert(o2),
      expectedChallenge: o2.challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential: r1.registrationInfo.credential,
      requireUserVerification: false,
    });
    expect(ok.verified).toBe(true);
    expect(ok.authenticationInfo.userVerified).toBe(false);
  });

  it('discoverable assertion (no allowCredentials) carries userHandle = options.user.id', async () => {
    const auth = new SoftAuthenticator();
    const { options: regOptions, credential } = await enrol(auth);
    const options = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = auth.assert(options);
    expect(response.id).toBe(credential.id);
    expect(response.response.userHandle).toBe(regOptions.user.id);
    expect(Buffer.from(response.response.userHandle!, 'base64url').toString()).toBe('user-42');
    expect((await verifyAssertion(response, options.challenge, credential)).verified).toBe(true);

    // Forged or withheld userHandle, on demand.
    expect(auth.assert(options, { userHandle: 'b3RoZXI' }).response.userHandle).toBe('b3RoZXI');
    expect(auth.assert(options, { userHandle: null }).response).not.toHaveProperty('userHandle');
  });

  it('a non-resident credential: credProps.rk false, no userHandle, not usable without allowCredentials', async () => {
    const auth = new SoftAuthenticator({ residentKey: false });
    const { response: reg, credential } = await enrol(auth);
    expect(reg.clientExtensionResults).toEqual({ credProps: { rk: false } });
    await expect(generateAuthenticationOptions({ rpID: RP_ID }).then((o) => auth.assert(o))).rejects.toThrow(/discoverable/);
    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: reg.id }] });
    const response = auth.assert(options);
    expect(response.response).not.toHaveProperty('userHandle');
    expect((await verifyAssertion(response, options.challenge, credential)).verified).toBe(true);
  });

  it('picks the allowed credential among several; another key is a failed signature, not a throw', async () => {
    const auth = new SoftAuthenticator();
    const a = await enrol(auth);
    const b = await enrol(auth);
    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: b.response.id }] });
    const response = auth.assert(options);
    expect(response.id).toBe(b.response.id);
    expect(auth.credentials().map((c) => c.counter)).toEqual([0, 1]);
    expect((await verifyAssertion(response, options.challenge, b.credential)).verified).toBe(true);
    // The library does not compare response.id with credential.id: the server must look the
    // credential up by response.id itself. Signed by b, checked against a's key: verified false.
    const mixed = await verifyAssertion(auth.assert(options), options.challenge, { ...a.credential, counter: 0 });
    expect(mixed.verified).toBe(false);
    // overrides.credentialId wins over allowCredentials.
    expect(auth.assert(options, { credentialId: a.response.id }).id).toBe(a.response.id);
    expect(() => auth.assert({ ...options, allowCredentials: [{ id: 'bm9uZQ', type: 'public-key' }] })).toThrow(/allowed/);
  });

  it('refuses creation options that do not offer ES256', async () => {
    const options: PublicKeyCredentialCreationOptionsJSON = { ...(await registrationOptions()), pubKeyCredParams: [{ type: 'public-key', alg: -257 }] };
    expect(() => new SoftAuthenticator().register(options)).toThrow(/ES256/);
  });
});
