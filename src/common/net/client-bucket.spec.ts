import { clientBucket, UNKNOWN_BUCKET } from './client-bucket';

describe('clientBucket', () => {
  it('IPv4: the address itself', () => {
    expect(clientBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(clientBucket('127.0.0.1')).toBe('127.0.0.1');
    expect(clientBucket(' 10.1.2.3 ')).toBe('10.1.2.3');
  });

  it('IPv4-mapped IPv6 (dotted or hex): the IPv4 address, so one client has one bucket', () => {
    expect(clientBucket('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(clientBucket('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(clientBucket('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(clientBucket('0:0:0:0:0:ffff:c000:0201')).toBe('192.0.2.1');
  });

  it('IPv6: every address of a /64 shares one bucket, whatever its spelling', () => {
    const bucket = '2001:db8:1:2::/64';
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0abc',
      '2001:db8:1:2:a:b:1.2.3.4',
      '2001:db8:1:2::7%eth0',
    ]) {
      expect(clientBucket(ip)).toBe(bucket);
    }
    expect(clientBucket('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientBucket('2001:db8::1')).toBe('2001:db8::/64');
    expect(clientBucket('2001:db8:0:5:1::')).toBe('2001:db8:0:5::/64');
    expect(clientBucket('::1')).toBe('::/64');
    expect(clientBucket('fe80::1%eth0')).toBe('fe80::/64');
    expect(clientBucket('1:2:3:4:5:6:7:8')).toBe('1:2:3:4::/64');
  });

  it('missing or not an IP address: one shared bucket', () => {
    for (const ip of [null, undefined, '', 'localhost', '1.2.3', '2001:db8::1::2', '::ffff:1.2.3.400', 'unknown']) {
      expect(clientBucket(ip)).toBe(UNKNOWN_BUCKET);
    }
  });
});
