import { isIPv4, isIPv6 } from 'node:net';

/** The bucket of a caller whose address is missing or not an IP address. */
export const UNKNOWN_BUCKET = 'unknown';

/**
 * The key under which per-client limits count a caller's requests.
 *
 * IPv4: the address itself. IPv6: its /64 — one subscriber (one home, one VM) usually gets a
 * whole /64 and can pick any of its 2^64 addresses, so counting per address would give an
 * attacker unlimited buckets. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, how a dual-stack socket
 * reports an IPv4 peer) counts as the IPv4 address, so one client never has two buckets.
 * Anything else (null, garbage from a misconfigured proxy) shares one bucket.
 */
export function clientBucket(ip: string | null | undefined): string {
  if (!ip) return UNKNOWN_BUCKET;
  const addr = ip.trim();
  if (isIPv4(addr)) return addr;
  // A zone index (`fe80::1%eth0`) names the local interface, not the peer.
  const bare = addr.replace(/%.*$/, '');
  if (!isIPv6(bare)) return UNKNOWN_BUCKET;
  const h = hextets(bare);
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) {
    return [h[6] >> 8, h[6] & 0xff, h[7] >> 8, h[7] & 0xff].join('.');
  }
  return `${formatIpv6([...h.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run of 2+ zero groups as `::`. */
function formatIpv6(h: number[]): string {
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && h[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const groups = h.map((x) => x.toString(16));
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function hextets(addr: string): number[] {
  let text = addr.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parse = (s: string) => (s ? s.split(':').map((x) => parseInt(x, 16)) : []);
  const left = parse(head);
  if (tail === null) return left;
  const right = parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}
