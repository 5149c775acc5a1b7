import { randomBytes } from 'node:crypto';
import { CryptoService, keyId } from './crypto.service';
import { randomDigits, safeEqual, sha256 } from './tokens';

describe('CryptoService', () => {
  const key = randomBytes(32);
  const svc = new CryptoService({ key } as any);

  it('round-trips and never stores the plaintext', () => {
    const sealed = svc.encrypt('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealed.split(':')[1]).toBe(keyId(key));
    expect(svc.decrypt(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV each time', () => {
    expect(svc.encrypt('same')).not.toBe(svc.encrypt('same'));
  });

  it('refuses a tampered ciphertext, a wrong AAD and a foreign key', () => {
    const sealed = svc.encrypt('secret', 'a');
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[4], 'base64');
    ct[0] ^= 1;
    parts[4] = ct.toString('base64');
    expect(() => svc.decrypt(parts.join(':'), 'a')).toThrow();
    expect(() => svc.decrypt(sealed, 'b')).toThrow();
    const other = new CryptoService({ key: randomBytes(32) } as any);
    expect(() => other.decrypt(sealed, 'a')).toThrow();
  });

  it('decrypts values sealed with a previous key after rotation', () => {
    const oldKey = randomBytes(32);
    const before = new CryptoService({ key: oldKey, previous: [] } as any);
    const sealed = before.encrypt('secret', 'u');
    const after = new CryptoService({ key: randomBytes(32), previous: [oldKey] } as any);
    expect(after.decrypt(sealed, 'u')).toBe('secret');
    // each value names the key that sealed it: old rows keep the old id, new ones get the new id
    expect(sealed.split(':')[1]).toBe(keyId(oldKey));
    expect(after.encrypt('x').split(':')[1]).not.toBe(keyId(oldKey));
  });

  it('lookup hashes are keyed', () => {
    const other = new CryptoService({ key: randomBytes(32) } as any);
    expect(svc.lookupHash('abc')).toBe(svc.lookupHash('abc'));
    expect(svc.lookupHash('abc')).not.toBe(other.lookupHash('abc'));
    expect(svc.lookupHash('abc')).not.toBe(sha256('abc'));
  });
});

describe('tokens', () => {
  it('randomDigits gives exactly n digits', () => {
    for (let i = 0; i < 100; i++) expect(randomDigits(6)).toMatch(/^\d{6}$/);
  });
  it('safeEqual', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
