import { randomBytes } from 'node:crypto';
import * as speakeasy from 'speakeasy';

/**
 * The only door to speakeasy 2.0.0 (unmaintained). It avoids each of its traps:
 * secrets are made here (20 random bytes, canonical base32: 32 chars, no padding), encoding is
 * always 'base32', window is the number 1, codes must be exactly 6 digits, and the matched time
 * step is returned so the caller can refuse replays.
 */
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** 160-bit secret, base32 (32 characters: a multiple of 8, which speakeasy decodes correctly). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

function assertSecret(secret: string): void {
  if (!/^[A-Z2-7]{32}$/.test(secret)) throw new Error('TOTP secret must be 32 base32 characters');
}

export function timeStep(atMs = Date.now()): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD);
}

/** The code for a time (tests and tools). */
export function totpCode(secret: string, atMs = Date.now()): string {
  assertSecret(secret);
  return speakeasy.totp({ secret, encoding: 'base32', step: TOTP_PERIOD, digits: TOTP_DIGITS, algorithm: 'sha1', time: Math.floor(atMs / 1000) });
}

/** The matched time step (one step either side), or null. */
export function verifyTotp(secret: string, code: string, atMs = Date.now()): number | null {
  assertSecret(secret);
  if (!/^\d{6}$/.test(code)) return null;
  const res = speakeasy.totp.verifyDelta({
    secret,
    encoding: 'base32',
    token: code,
    step: TOTP_PERIOD,
    digits: TOTP_DIGITS,
    algorithm: 'sha1',
    window: 1,
    time: Math.floor(atMs / 1000),
  });
  if (!res || typeof res.delta !== 'number' || Math.abs(res.delta) > 1) return null;
  return timeStep(atMs) + res.delta;
}

export function otpauthUrl(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
