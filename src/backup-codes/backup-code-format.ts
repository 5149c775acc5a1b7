import { randomInt } from 'node:crypto';

/** 32 symbols: a-z without l and o, digits 2-9 (no 0/O/1/l look-alikes); 5 bits each, 10 characters = 50 bits. */
export const BACKUP_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export const BACKUP_CODE_COUNT = 10;

export function generateBackupCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Case-insensitive, separators ignored; null when it can't be a backup code at all. */
export function normalizeBackupCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s\-_.]/g, '');
  if (s.length !== 10) return null;
  for (const ch of s) if (!BACKUP_ALPHABET.includes(ch)) return null;
  return s;
}
