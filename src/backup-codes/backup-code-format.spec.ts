import { BACKUP_ALPHABET, generateBackupCode, normalizeBackupCode } from './backup-code-format';

describe('backup code format', () => {
  it('has a 32-symbol alphabet without look-alikes', () => {
    expect(new Set(BACKUP_ALPHABET).size).toBe(32);
    for (const c of '0o1l') expect(BACKUP_ALPHABET).not.toContain(c);
  });
  it('generates xxxxx-xxxxx codes (50 bits)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const c = generateBackupCode();
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      seen.add(c);
    }
    expect(seen.size).toBe(1000);
  });
  it('normalizes case and separators', () => {
    expect(normalizeBackupCode('ABCDE-FGHJK')).toBe('abcdefghjk');
    expect(normalizeBackupCode(' abcde fghjk ')).toBe('abcdefghjk');
    expect(normalizeBackupCode('abcdefghjk')).toBe('abcdefghjk');
    expect(normalizeBackupCode('abcde-fghj')).toBeNull();
    expect(normalizeBackupCode('abcde-fghj0')).toBeNull();
    expect(normalizeBackupCode('123456')).toBeNull();
  });
});
