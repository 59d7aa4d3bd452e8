import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedReason, embeddedIpv4, ipv6Groups } from './address-policy';

const octet = fc.integer({ min: 0, max: 255 });
const v4In = (first: number, second?: fc.Arbitrary<number>) =>
  fc.tuple(second ?? octet, octet, octet).map(([b, c, d]) => `${first}.${b}.${c}.${d}`);
const hex = (n: number) => n.toString(16);
const group = fc.integer({ min: 0, max: 0xffff });

describe('addresses a webhook may not reach', () => {
  it.each([
    ['loopback', v4In(127)],
    ['private', v4In(10)],
    ['private', v4In(172, fc.integer({ min: 16, max: 31 }))],
    ['private', v4In(192, fc.constant(168))],
    ['link-local', v4In(169, fc.constant(254))],
    ['carrier-grade NAT', v4In(100, fc.integer({ min: 64, max: 127 }))],
    ['unspecified', v4In(0)],
    ['multicast', fc.integer({ min: 224, max: 239 }).chain((a) => v4In(a))],
  ] as const)('refuses every %s IPv4 address, and its IPv6 forms', (reason, addresses) => {
    fc.assert(
      fc.property(addresses, (address) => {
        expect(blockedReason(address)).toBe(reason);
        const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
        const high = hex((a << 8) | b);
        const low = hex((c << 8) | d);
        for (const form of [`::ffff:${address}`, `::ffff:${high}:${low}`, `64:ff9b::${address}`]) {
          expect(blockedReason(form), form).toBe(`${reason} (IPv4 inside IPv6)`);
        }
        expect(blockedReason(`2002:${high}:${low}::1`)).toBe(`${reason} (IPv4 inside IPv6)`);
      }),
    );
  });

  it.each([
    ['loopback', fc.constant('::1')],
    ['unspecified', fc.constant('::')],
    [
      'link-local',
      fc
        .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), group)
        .map(([a, b]) => `${hex(a)}:${hex(b)}::1`),
    ],
    [
      'unique-local',
      fc
        .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), group)
        .map(([a, b]) => `${hex(a)}:${hex(b)}::2`),
    ],
    [
      'multicast',
      fc
        .tuple(fc.integer({ min: 0xff00, max: 0xffff }), group)
        .map(([a, b]) => `${hex(a)}::${hex(b)}`),
    ],
  ] as const)('refuses every %s IPv6 address', (reason, addresses) => {
    fc.assert(
      fc.property(addresses, (address) => {
        expect(blockedReason(address)).toBe(reason);
      }),
    );
  });

  it('refuses the long forms of loopback, with a zone, and what is no address', () => {
    expect(blockedReason('0:0:0:0:0:0:0:1')).toBe('loopback');
    expect(blockedReason('fe80::1%eth0')).toBe('link-local');
    expect(blockedReason('localhost')).toBe('not an IP address');
    expect(blockedReason('127.1')).toBe('not an IP address');
  });

  it('lets public addresses through, IPv4 and IPv6', () => {
    const publicV4 = fc
      .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
      .map((parts) => parts.join('.'))
      .filter(
        (a) =>
          !/^(10|127|0)\./.test(a) &&
          !/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(a) &&
          !a.startsWith('169.254.') &&
          !/^172\.(1[6-9]|2\d|3[01])\./.test(a) &&
          !/^192\.(168|0\.0)\./.test(a) &&
          !/^198\.1[89]\./.test(a),
      );
    fc.assert(
      fc.property(publicV4, (address) => {
        expect(blockedReason(address)).toBeNull();
        expect(blockedReason(`::ffff:${address}`)).toBeNull();
      }),
    );
    // Global unicast 2000::/3, outside 6to4 (2002::/16, judged by its IPv4 address), the IETF
    // protocol assignments (2001::/23, Teredo among them) and documentation (2001:db8::/32).
    const publicV6 = fc
      .tuple(fc.integer({ min: 0x2000, max: 0x3fff }), group, group)
      .filter(([a, b]) => a !== 0x2002 && !(a === 0x2001 && (b < 0x200 || b === 0xdb8)))
      .map(([a, b, c]) => `${hex(a)}:${hex(b)}::${hex(c)}`);
    fc.assert(
      fc.property(publicV6, (address) => {
        expect(blockedReason(address)).toBeNull();
      }),
    );
    expect(blockedReason('93.184.215.14')).toBeNull();
    expect(blockedReason('2606:4700::6810:85e5')).toBeNull();
  });

  it('reads the groups of any IPv6 spelling', () => {
    expect(ipv6Groups('::ffff:10.1.2.3')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a01, 0x0203]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(embeddedIpv4('2001:db8::1')).toBeNull();
  });
});

describe('IPv6 forms found by the outside attacker (issue 13)', () => {
  it('refuses IPv4-translated, local-use NAT64, Teredo, documentation and other IETF blocks', () => {
    for (const address of [
      '::ffff:0:7f00:1',
      '::ffff:0:a00:1',
      '64:ff9b:1::7f00:1',
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
      '2001:db8::1',
      '2001:10::1',
      '2001:2::1',
    ]) {
      expect(blockedReason(address), address).not.toBeNull();
    }
    expect(blockedReason('2606:4700:4700::1111')).toBeNull();
  });
});
