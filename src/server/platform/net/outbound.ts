import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedReason } from './address-policy';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * How Custos makes requests to addresses people give it (webhooks): the resolver, and whether an
 * operator allows private networks and plain http (CUSTOS_WEBHOOKS_ALLOW_PRIVATE).
 */
export interface OutboundPolicy {
  readonly allowPrivate: boolean;
  /** Every address of a host name (tests pass a fixed table). */
  readonly resolve: (host: string) => Promise<readonly ResolvedAddress[]>;
}

/** The system resolver: every address, IPv4 and IPv6, as the operating system finds them. */
export async function resolveAll(host: string): Promise<readonly ResolvedAddress[]> {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.flatMap((a) =>
    a.family === 4 || a.family === 6 ? [{ address: a.address, family: a.family }] : [],
  );
}

export const defaultOutboundPolicy = (allowPrivate = false): OutboundPolicy => ({
  allowPrivate,
  resolve: resolveAll,
});

/** Why a URL may not be called at all, whatever it resolves to; null when its form is fine. */
export function urlProblem(url: URL, policy: Pick<OutboundPolicy, 'allowPrivate'>): string | null {
  if (url.protocol !== 'https:' && !(policy.allowPrivate && url.protocol === 'http:')) {
    return 'must be an https:// address';
  }
  if (url.username !== '' || url.password !== '') {
    return 'must not hold a user name or password';
  }
  if (url.hostname === '') return 'must name a host';
  return null;
}

/** The host of a URL as the resolver takes it: IPv6 literals without their brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

export type Destination =
  | { readonly ok: true; readonly address: ResolvedAddress }
  /** `problem` completes "The address …": "resolves to 10.0.0.5, a private address, …". */
  | { readonly ok: false; readonly problem: string };

/**
 * Checks a URL and every address its host resolves to (SSRF: 164.312(e)(1)); the answer names the
 * address to connect to, so the request goes where the check looked (no second lookup that DNS
 * rebinding could answer differently).
 */
export async function checkDestination(url: URL, policy: OutboundPolicy): Promise<Destination> {
  const problem = urlProblem(url, policy);
  if (problem !== null) return { ok: false, problem };
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (literal === 4 || literal === 6) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await policy.resolve(host);
    } catch {
      return { ok: false, problem: `names the host ${host}, which could not be resolved` };
    }
  }
  const first = addresses[0];
  if (first === undefined) {
    return { ok: false, problem: `names the host ${host}, which has no address` };
  }
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason !== null) {
        return {
          ok: false,
          problem: `resolves to ${address}, ${/^(?:[aeio]|un(?!i))/i.test(reason) ? 'an' : 'a'} ${reason} address, which webhooks may not reach`,
        };
      }
    }
  }
  return { ok: true, address: first };
}
