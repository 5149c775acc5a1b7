import { plainAddress, storedSpellings } from './client-address';

describe('plainAddress', () => {
  it.each([
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['::FFFF:203.0.113.5', '203.0.113.5'],
    ['::ffff:cb00:7105', '203.0.113.5'],
    ['0:0:0:0:0:ffff:203.0.113.5', '203.0.113.5'],
    [' ::ffff:127.0.0.1 ', '127.0.0.1'],
    ['203.0.113.5', '203.0.113.5'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    // IPv4-translated and IPv4-compatible addresses are not IPv4-mapped: kept as they are
    ['::ffff:0:203.0.113.5', '::ffff:0:203.0.113.5'],
    ['::203.0.113.5', '::203.0.113.5'],
    ['not an address', 'not an address'],
  ])('%s → %s', (input, expected) => expect(plainAddress(input)).toBe(expected));

  it('has nothing to say about a missing address', () => {
    expect(plainAddress(null)).toBeNull();
    expect(plainAddress(undefined)).toBeNull();
    expect(plainAddress('  ')).toBeNull();
  });

  it('knows the old spelling of an IPv4 address', () => {
    expect(storedSpellings('203.0.113.5')).toEqual(['203.0.113.5', '::ffff:203.0.113.5']);
    expect(storedSpellings('2001:db8::1')).toEqual(['2001:db8::1']);
  });
});
