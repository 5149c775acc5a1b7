import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { cryptoConfig } from '../../config/crypto.config';

const ALG = 'aes-256-gcm';
const IV_BYTES = 12;

/** A short, public identifier of a key: lets old ciphertexts name the key that sealed them. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * Secrets at rest (TOTP secrets, backup codes, SSO client secrets): AES-256-GCM under
 * ENCRYPTION_KEY. The format `v1:<keyId>:<iv>:<tag>:<ciphertext>` keeps the key id beside each
 * value, so a rotated key can be added to `decryptionKeys` while old rows are re-sealed.
 * `aad` binds a ciphertext to its row (e.g. the user id), so a value copied to another row
 * does not decrypt.
 */
@Injectable()
export class CryptoService {
  private readonly key: Buffer;
  private readonly kid: string;
  private readonly decryptionKeys = new Map<string, Buffer>();
  private readonly hmacKey: Buffer;
  private readonly previousHmacKeys: Buffer[];

  constructor(@Inject(cryptoConfig.KEY) config: ConfigType<typeof cryptoConfig>) {
    this.key = config.key;
    this.kid = keyId(this.key);
    this.decryptionKeys.set(this.kid, this.key);
    for (const old of config.previous ?? []) this.decryptionKeys.set(keyId(old), old);
    // A separate key for lookups, derived so that the encryption key never doubles as a MAC key.
    this.hmacKey = CryptoService.deriveHmacKey(this.key);
    this.previousHmacKeys = (config.previous ?? []).map(CryptoService.deriveHmacKey);
  }

  encrypt(plaintext: string, aad = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALG, this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', this.kid, iv.toString('base64'), tag.toString('base64'), ct.toString('base64')].join(':');
  }

  decrypt(sealed: string, aad = ''): string {
    const [version, kid, iv, tag, ct] = sealed.split(':');
    const key = this.decryptionKeys.get(kid);
    if (version !== 'v1' || !key || !iv || !tag || ct === undefined) {
      throw new Error('ciphertext not readable with the configured keys');
    }
    const decipher = createDecipheriv(ALG, key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  }

  private static deriveHmacKey(key: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'cloudcx-lookup-hmac', 32));
  }

  /** The lookup hash under the current key and under each previous key (rows written before a rotation). */
  lookupHashCandidates(value: string): string[] {
    return [this.hmacKey, ...this.previousHmacKeys].map((k) => createHmac('sha256', k).update(value).digest('hex'));
  }

  /** Keyed hash for indexed lookups of low-entropy secrets (backup codes): a table dump alone can't brute-force them. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hmacKey).update(value).digest('hex');
  }
}
