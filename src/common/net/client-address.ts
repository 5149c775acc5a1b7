import { isIPv4, isIPv6 } from 'node:net';
import { clientBucket } from './client-bucket';

/**
 * A client address as people read it and as it is stored (events, sessions, trusted browsers).
 *
 * A dual-stack socket (the server listening on `::`) reports an IPv4 peer as IPv4-mapped IPv6:
 * `::ffff:203.0.113.5` (or `::ffff:cb00:7105`, `0:0:0:0:0:ffff:…`). That is the IPv4 address
 * 203.0.113.5, and showing it otherwise makes one office look like two places. Every other
 * address (IPv4, real IPv6, whatever a proxy sent) is returned as given, trimmed; nothing: null.
 */
export function plainAddress(ip: string | null | undefined): string | null {
  const addr = ip?.trim();
  if (!addr) return null;
  if (isIPv6(addr.replace(/%.*$/, ''))) {
    // clientBucket turns exactly the IPv4-mapped addresses into dotted IPv4 (others into a /64).
    const v4 = clientBucket(addr);
    if (isIPv4(v4)) return v4;
  }
  return addr;
}

/**
 * The spellings under which `ip` may sit in rows written before addresses were stored plain
 * (an IPv4 address also as `::ffff:a.b.c.d`), for lookups that must find both.
 */
export function storedSpellings(ip: string): string[] {
  return isIPv4(ip) ? [ip, `::ffff:${ip}`] : [ip];
}
