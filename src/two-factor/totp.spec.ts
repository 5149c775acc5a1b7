import * as speakeasy from 'speakeasy';
import { base32Encode, generateTotpSecret, otpauthUrl, totpCode, verifyTotp, timeStep } from './totp';

describe('totp wrapper', () => {
  // RFC 6238 appendix B, SHA-1, seed ASCII "12345678901234567890".
  const seed = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 vector at T=%i', (t, expected) => {
    expect(speakeasy.totp({ secret: seed, encoding: 'base32', time: t, digits: 8, step: 30 })).toBe(expected);
    expect(totpCode(seed, t * 1000)).toBe(expected.slice(-6));
  });

  it('generates 160-bit canonical base32 secrets', () => {
    const s = generateTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(s);
  });

  it('accepts one step either side, not two', () => {
    const s = generateTotpSecret();
    const now = 1_700_000_000_000;
    expect(verifyTotp(s, totpCode(s, now), now)).toBe(timeStep(now));
    expect(verifyTotp(s, totpCode(s, now - 30_000), now)).toBe(timeStep(now) - 1);
    expect(verifyTotp(s, totpCode(s, now + 30_000), now)).toBe(timeStep(now) + 1);
    expect(verifyTotp(s, totpCode(s, now - 60_000), now)).toBeNull();
    expect(verifyTotp(s, totpCode(s, now + 60_000), now)).toBeNull();
  });

  it('refuses malformed codes and secrets', () => {
    const s = generateTotpSecret();
    const good = totpCode(s);
    expect(verifyTotp(s, ` ${good}`)).toBeNull();
    expect(verifyTotp(s, `${good}0`)).toBeNull();
    expect(verifyTotp(s, '12345a')).toBeNull();
    expect(verifyTotp(s, '')).toBeNull();
    expect(() => verifyTotp('', good)).toThrow();
  });

  it('builds the otpauth URL with every parameter', () => {
    const url = new URL(otpauthUrl('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'CloudCX', 'a@b.co'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/CloudCX:a@b.co');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'CloudCX', algorithm: 'SHA1', digits: '6', period: '30',
    });
  });
});
