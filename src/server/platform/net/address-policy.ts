import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Addresses an outgoing request (a webhook) must not reach unless an operator allows it: the
// installation's own host and networks (SSRF; 164.312(e)(1) transmission security, 164.308(a)(4)
// access to the systems behind Custos). IPv6 forms that carry an IPv4 address are judged by it.
const V4_BLOCKED: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6_BLOCKED: readonly (readonly [string, number, string])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0:0', 96, 'IPv4-translated'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only'],
  // IETF protocol assignments: Teredo (2001::/32, which hides an IPv4 address), benchmarking, ORCHID.
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function listOf(entries: readonly (readonly [string, number, string])[], family: 'ipv4' | 'ipv6') {
  return entries.map(([network, prefix, reason]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, reason };
  });
}
const V4 = listOf(V4_BLOCKED, 'ipv4');
const V6 = listOf(V6_BLOCKED, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad included); null if malformed. */
export function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase().replace(/%.*$/, '');
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = quad[1].split('.').map(Number);
    text = `${text.slice(0, -quad[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - front.length - back.length).fill(0);
  const groups = [...front, ...fill, ...back];
  return groups.length === 8 ? groups : null;
}

const v4Of = (high: number, low: number): string =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = g;
  const zeros = (list: (number | undefined)[]) => list.every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), 64:ff9b::a.b.c.d (NAT64).
  if (zeros([g0, g1, g2, g3, g4]) && (g5 === 0xffff || g5 === 0)) return v4Of(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && zeros([g2, g3, g4, g5])) return v4Of(g6, g7);
  // 2002:AABB:CCDD::/48 (6to4) carries AA.BB.CC.DD.
  if (g0 === 0x2002) return v4Of(g1 ?? 0, g2 ?? 0);
  return null;
}

/**
 * Why an outgoing request may not reach `address` (a literal IPv4 or IPv6 address), or null when
 * it is a public address. Anything that is not an IP address is refused.
 */
export function blockedReason(address: string): string | null {
  if (isIPv4(address)) {
    return V4.find((b) => b.list.check(address, 'ipv4'))?.reason ?? null;
  }
  if (!isIPv6(address)) return 'not an IP address';
  const plain = address.replace(/%.*$/, '');
  const own = V6.find((b) => b.list.check(plain, 'ipv6'))?.reason;
  if (own !== undefined) return own;
  const embedded = embeddedIpv4(address);
  const reason = embedded === null ? null : blockedReason(embedded);
  return reason === null ? null : `${reason} (IPv4 inside IPv6)`;
}
