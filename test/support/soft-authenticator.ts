import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * A software WebAuthn authenticator (plus the browser's client half) for e2e tests.
 *
 * Why: the e2e suites have no browser with a real passkey, and mocking @simplewebauthn/server would
 * test nothing. This builds the real bytes instead (WebAuthn L2/L3, §6.1 authenticator data, §6.5
 * attestation object, §5.8.1 client data, §6.3.3 assertion signature): ES256 (P-256) keys from
 * node:crypto, a "none" attestation, DER-encoded ECDSA signatures. The output is what the browser's
 * `PublicKeyCredential.toJSON()` gives (all binary as base64url without padding), so a test can post
 * it to the API exactly as the web app would.
 *
 * It is deliberately permissive: it does not refuse what a real browser/authenticator would (UV
 * required but off, excludeCredentials, a foreign origin or rpId…). Tests use the overrides to
 * forge such responses and check that the SERVER refuses them.
 */

/** Authenticator data flags (WebAuthn §6.1). */
export const FLAG_UP = 0x01; // user present
export const FLAG_UV = 0x04; // user verified
export const FLAG_BE = 0x08; // backup eligible (not set: this is a single-device credential)
export const FLAG_BS = 0x10; // backed up (never set without BE, the library refuses that)
export const FLAG_AT = 0x40; // attested credential data included (registration only)
export const FLAG_ED = 0x80; // extension data included (never set: no authenticator extensions)

/** COSE identifiers (RFC 9052/9053) of the one key type this authenticator makes. */
const COSE_KTY_EC2 = 2;
const COSE_ALG_ES256 = -7;
const COSE_CRV_P256 = 1;

export interface SoftAuthenticatorOptions {
  /** The origin the "browser" is on (clientDataJSON.origin). Default http://localhost:3000. */
  origin?: string;
  /** Fallback RP ID when the options carry none (rp.id / rpId). Default: the origin's host name. */
  rpId?: string;
  /** Whether the UV flag is set. Default true. */
  userVerification?: boolean;
  /** Whether new credentials are discoverable (credProps.rk, userHandle in assertions). Default true. */
  residentKey?: boolean;
}

export interface RegisterOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  userVerification?: boolean;
}

export interface AssertOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  /** The signCount to sign (and keep) instead of the stored counter + 1. */
  counter?: number;
  /** Use this remembered credential, whatever allowCredentials says. */
  credentialId?: string;
  userVerification?: boolean;
  /** A forged userHandle (base64url); null: leave it out. Default: the credential's, when resident. */
  userHandle?: string | null;
}

export interface SoftCredentialInfo {
  id: string;
  userHandle: string;
  rpId: string;
  counter: number;
  resident: boolean;
}

interface StoredCredential extends SoftCredentialInfo {
  privateKey: KeyObject;
}

/** What a test hands over: the server's options as JSON text or as the parsed object. */
export type OptionsInput = string | object;

export const asJson = (x: unknown): string => JSON.stringify(x);

// ---------------------------------------------------------------------------------------------
// Minimal CBOR encoder (RFC 8949): just what the COSE key and attestation object need. Maps keep
// insertion order; the order used below is CTAP2's canonical one, which is what authenticators emit.

export type CborValue = number | string | Uint8Array | Map<number | string, CborValue>;

/** The head of a data item: major type in the top 3 bits, then the argument (length or value). */
function cborHead(major: number, arg: number): Buffer {
  if (!Number.isSafeInteger(arg) || arg < 0) throw new Error(`CBOR: bad argument ${arg}`);
  const m = major << 5;
  if (arg < 24) return Buffer.from([m | arg]);
  if (arg < 0x100) return Buffer.from([m | 24, arg]);
  if (arg < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = m | 25;
    b.writeUInt16BE(arg, 1);
    return b;
  }
  if (arg < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = m | 26;
    b.writeUInt32BE(arg, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = m | 27;
  b.writeBigUInt64BE(BigInt(arg), 1);
  return b;
}

export function cborEncode(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`CBOR: only integers are supported, got ${value}`);
    // Major 0: unsigned; major 1: negative, encoded as -1 - n.
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const utf8 = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, utf8.length), utf8]);
  }
  if (value instanceof Uint8Array) {
    return Buffer.concat([cborHead(2, value.length), value]);
  }
  const parts: Buffer[] = [cborHead(5, value.size)];
  for (const [k, v] of value) parts.push(cborEncode(k), cborEncode(v));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------

const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url'); // never padded
const sha256 = (b: Uint8Array | string): Buffer => createHash('sha256').update(b).digest();

/** The server's options: JSON text or object; also accepts the `{ publicKey: {...} }` wrapping. */
function parseOptions<T>(options: OptionsInput, what: string): T {
  let o: unknown = typeof options === 'string' ? JSON.parse(options) : options;
  if (o && typeof o === 'object' && !('challenge' in o) && 'publicKey' in o) o = (o as { publicKey: unknown }).publicKey;
  if (!o || typeof o !== 'object') throw new Error(`SoftAuthenticator: ${what} options are not an object`);
  return o as T;
}

/** clientDataJSON exactly as Chromium serialises it (key order type, challenge, origin, crossOrigin). */
function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

/** rpIdHash (32) | flags (1) | signCount (uint32 BE) [| attestedCredentialData] — WebAuthn §6.1. */
function authenticatorData(rpId: string, flags: number, signCount: number, attested?: Buffer): Buffer {
  if (!Number.isInteger(signCount) || signCount < 0 || signCount > 0xffffffff) {
    throw new Error(`SoftAuthenticator: signCount ${signCount} is not a uint32`);
  }
  const head = Buffer.alloc(37);
  sha256(rpId).copy(head, 0);
  head[32] = flags;
  head.writeUInt32BE(signCount, 33);
  return attested ? Buffer.concat([head, attested]) : head;
}

/** The credential public key as COSE_Key (RFC 9053 §7.1.1 EC2), x/y from the JWK export. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x ?? '', 'base64url');
  const y = Buffer.from(jwk.y ?? '', 'base64url');
  // RFC 7518 makes JWK coordinates full-length (32 bytes for P-256); COSE needs them so too.
  if (jwk.crv !== 'P-256' || x.length !== 32 || y.length !== 32) throw new Error('SoftAuthenticator: unexpected P-256 JWK');
  return cborEncode(
    new Map<number, CborValue>([
      [1, COSE_KTY_EC2], // kty
      [3, COSE_ALG_ES256], // alg
      [-1, COSE_CRV_P256], // crv
      [-2, x],
      [-3, y],
    ]),
  );
}

export class SoftAuthenticator {
  private readonly origin: string;
  private readonly rpId: string | undefined;
  private readonly userVerification: boolean;
  private readonly residentKey: boolean;
  private readonly store: StoredCredential[] = [];

  constructor(opts: SoftAuthenticatorOptions = {}) {
    this.origin = opts.origin ?? 'http://localhost:3000';
    this.rpId = opts.rpId;
    this.userVerification = opts.userVerification ?? true;
    this.residentKey = opts.residentKey ?? true;
  }

  /**
   * navigator.credentials.create() + toJSON(): a new ES256 credential with a "none" attestation.
   * Remembered with the options' user.id as userHandle and rp.id (or the override) as rpId.
   */
  register(options: OptionsInput, overrides: RegisterOverrides = {}): RegistrationResponseJSON {
    const o = parseOptions<PublicKeyCredentialCreationOptionsJSON>(options, 'creation');
    const challenge = overrides.challenge ?? o.challenge;
    if (typeof challenge !== 'string') throw new Error('SoftAuthenticator: creation options have no challenge');
    if (typeof o.user?.id !== 'string') throw new Error('SoftAuthenticator: creation options have no user.id');
    // A real authenticator fails when none of the offered algorithms is one it has (an empty list
    // means the client's defaults, ES256 and RS256). Failing loudly beats a confusing verify error.
    const algs = Array.isArray(o.pubKeyCredParams) ? o.pubKeyCredParams.map((p) => p.alg) : [];
    if (algs.length > 0 && !algs.includes(COSE_ALG_ES256)) {
      throw new Error(`SoftAuthenticator: the server does not offer ES256 (-7), only ${algs.join(', ')}`);
    }
    const origin = overrides.origin ?? this.origin;
    const rpId = overrides.rpId ?? o.rp?.id ?? this.rpId ?? new URL(origin).hostname;
    const uv = overrides.userVerification ?? this.userVerification;

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credId = randomBytes(32);
    const counter = 0; // the first assertion signs 1

    // attestedCredentialData: aaguid (16 zero bytes: "none" attestation) | credIdLen (u16 BE) | credId | COSE_Key
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(credId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLen, credId, coseKey(publicKey)]);
    const authData = authenticatorData(rpId, FLAG_UP | (uv ? FLAG_UV : 0) | FLAG_AT, counter, attested);

    // Attestation object, keys in CTAP2 canonical order (fmt, attStmt, authData); "none" has attStmt {}.
    const attestationObject = cborEncode(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );

    const id = b64url(credId);
    this.store.push({ id, userHandle: o.user.id, rpId, counter, resident: this.residentKey, privateKey });

    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData('webauthn.create', challenge, origin)),
        attestationObject: b64url(attestationObject),
        // The L3 convenience fields toJSON() adds (getTransports/getAuthenticatorData/getPublicKey…).
        authenticatorData: b64url(authData),
        transports: ['internal'],
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: b64url(publicKey.export({ type: 'spki', format: 'der' })), // SubjectPublicKeyInfo DER
      },
      authenticatorAttachment: 'platform',
      // Browsers answer credProps only when asked (@simplewebauthn always asks).
      clientExtensionResults: o.extensions?.credProps ? { credProps: { rk: this.residentKey } } : {},
    };
  }

  /**
   * navigator.credentials.get() + toJSON(). Picks the first remembered credential (for the options'
   * rpId, when given) that is in allowCredentials, or, when the list is empty/absent, the first
   * discoverable one. Counter + 1 (or overrides.counter) is signed and kept.
   */
  assert(options: OptionsInput, overrides: AssertOverrides = {}): AuthenticationResponseJSON {
    const o = parseOptions<PublicKeyCredentialRequestOptionsJSON>(options, 'request');
    const challenge = overrides.challenge ?? o.challenge;
    if (typeof challenge !== 'string') throw new Error('SoftAuthenticator: request options have no challenge');
    const cred = this.pick(o, overrides.credentialId);

    const origin = overrides.origin ?? this.origin;
    const rpId = overrides.rpId ?? o.rpId ?? cred.rpId;
    const uv = overrides.userVerification ?? this.userVerification;
    cred.counter = overrides.counter ?? cred.counter + 1;

    // No AT flag and no attested data on assertions (§6.1): just rpIdHash | flags | signCount.
    const authData = authenticatorData(rpId, FLAG_UP | (uv ? FLAG_UV : 0), cred.counter);
    const cdj = clientData('webauthn.get', challenge, origin);
    // §6.3.3: sign authenticatorData || SHA-256(clientDataJSON). ES256 in WebAuthn is the ASN.1 DER
    // form (not raw r|s as in JOSE); node's default for EC keys, spelled out so it cannot change.
    const signature = sign('sha256', Buffer.concat([authData, sha256(cdj)]), { key: cred.privateKey, dsaEncoding: 'der' });

    const userHandle = overrides.userHandle === undefined ? (cred.resident ? cred.userHandle : undefined) : (overrides.userHandle ?? undefined);
    return {
      id: cred.id,
      rawId: cred.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(cdj),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        // toJSON() leaves userHandle out when the authenticator returned none.
        ...(userHandle !== undefined ? { userHandle } : {}),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  credentials(): SoftCredentialInfo[] {
    return this.store.map(({ id, userHandle, rpId, counter, resident }) => ({ id, userHandle, rpId, counter, resident }));
  }

  /** Sets a credential's counter (to test counter regression: the next assertion signs counter + 1). */
  setCounter(credentialId: string, counter: number): void {
    this.find(credentialId).counter = counter;
  }

  private find(credentialId: string): StoredCredential {
    const cred = this.store.find((c) => c.id === credentialId);
    if (!cred) throw new Error(`SoftAuthenticator: no credential ${credentialId}`);
    return cred;
  }

  private pick(o: PublicKeyCredentialRequestOptionsJSON, forced: string | undefined): StoredCredential {
    if (forced !== undefined) return this.find(forced);
    const forRp = this.store.filter((c) => o.rpId === undefined || c.rpId === o.rpId);
    const allowed = (o.allowCredentials ?? []).map((d) => d.id);
    // Like a real authenticator: a listed credential, or (empty list) only a discoverable one.
    const cred = allowed.length > 0 ? forRp.find((c) => allowed.includes(c.id)) : forRp.find((c) => c.resident);
    if (!cred) {
      throw new Error(
        allowed.length > 0
          ? `SoftAuthenticator: none of the allowed credentials (${allowed.join(', ')}) is here`
          : `SoftAuthenticator: no discoverable credential${o.rpId ? ` for ${o.rpId}` : ''}`,
      );
    }
    return cred;
  }
}
