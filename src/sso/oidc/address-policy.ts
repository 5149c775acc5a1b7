import { isIP } from 'node:net';

/**
 * Which IP addresses the service may call when it talks to an identity provider in production
 * (API.md Part 2: issuers, discovery documents and the URLs they name must be public). Pure
 * functions, no DNS: the outbound policy resolves names and asks `classifyAddress` about each
 * answer.
 */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

type V4Rule = [base: [number, number, number, number], prefix: number, cls: AddressClass];

/** IANA special-purpose IPv4 blocks (RFC 6890 and successors) that must never be dialled. */
const V4_RULES: V4Rule[] = [
  [[0, 0, 0, 0], 8, 'unspecified'], // "this network", incl. 0.0.0.0
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'], // cloud metadata endpoints live here
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved'], // 6to4 relay anycast
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // incl. 255.255.255.255
];

const v4ToInt = (b: number[]) => ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;

function parseV4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? bytes : null;
}

/** Eight 16-bit groups; accepts `::` compression, a trailing dotted quad and a `%zone`. */
function parseV6(input: string): number[] | null {
  let s = input.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (s.includes('.', lastColon)) {
    // a:b::1.2.3.4 → a:b::102:304
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const explicit = head.length + rest.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const parse = (g: string) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const all = [...head.map(parse), ...new Array<number>(8 - explicit).fill(0), ...rest.map(parse)];
  return all.every((g) => Number.isInteger(g)) ? all : null;
}

function classifyV4(bytes: number[]): AddressClass {
  const n = v4ToInt(bytes);
  for (const [base, prefix, cls] of V4_RULES) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if ((n & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0) return cls;
  }
  return 'public';
}

const embeddedV4 = (g: number[], at: number) => [g[at] >> 8, g[at] & 0xff, g[at + 1] >> 8, g[at + 1] & 0xff];

function classifyV6(g: number[]): AddressClass {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): the IPv4 rules apply.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(embeddedV4(g, 6));
  // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(embeddedV4(g, 6));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'reserved'; // local-use NAT64
  if (g[0] === 0x2002) return classifyV4(embeddedV4(g, 1)); // 6to4 embeds an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: tunnels to an obfuscated IPv4 address
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  // Only 2000::/3 is allocated as global unicast.
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}

/** The class of an IP address in canonical text form (what DNS answers or WHATWG URL prints). */
export function classifyAddress(address: string): AddressClass {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const kind = isIP(a.split('%')[0]);
  if (kind === 4) {
    const v4 = parseV4(a);
    return v4 ? classifyV4(v4) : 'invalid';
  }
  if (kind === 6) {
    const v6 = parseV6(a);
    return v6 ? classifyV6(v6) : 'invalid';
  }
  return 'invalid';
}

/**
 * The IP address a URL host names literally, in canonical form, or null for a DNS name.
 * Goes through the WHATWG URL parser, so the spellings that reach the same address as
 * 127.0.0.1 do (`127.1`, `2130706433`, `0x7f.1`, `0177.0.0.1`) are recognised as literals.
 */
export function literalAddress(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare)) return bare;
  if (bare.includes(':') || bare.includes('/')) return null;
  let normalized: string;
  try {
    normalized = new URL(`http://${bare}/`).hostname;
  } catch {
    return null;
  }
  const unbracketed = normalized.startsWith('[') ? normalized.slice(1, -1) : normalized;
  return isIP(unbracketed) ? unbracketed : null;
}
