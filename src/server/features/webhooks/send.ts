import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkDestination,
  type OutboundPolicy,
  type ResolvedAddress,
} from '../../platform/net/outbound';

/** How long a receiver has to answer. */
export const SEND_TIMEOUT_MS = 10_000;

export type SendResult =
  | { readonly statusCode: number; readonly error: null }
  | { readonly statusCode: null; readonly error: string };

/** A lookup that answers the address already checked, whatever the name: no second DNS answer. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) {
      callback(null, [{ address: pinned.address, family: pinned.family }]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

/**
 * POSTs a webhook body to `url` after checking where it goes (SSRF, 164.312(e)(1)): the connection
 * is made to the address that was checked, with the host's name for TLS (SNI, certificate) and the
 * Host header. Redirects are not followed; the answer's body is read and thrown away.
 */
export async function sendWebhook(
  policy: OutboundPolicy,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  const destination = await checkDestination(url, policy);
  if (!destination.ok) return { statusCode: null, error: `The address ${destination.problem}.` };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = request(url, {
      method: 'POST',
      // A fresh connection each time: a pooled one could outlive the address check.
      agent: false,
      lookup: pinnedLookup(destination.address),
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Custos-Webhooks',
      },
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`No answer within ${timeoutMs / 1000} seconds.`));
    }, timeoutMs);
    const settle = (result: SendResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    req.on('timeout', () => {
      req.destroy(new Error(`No answer within ${timeoutMs / 1000} seconds.`));
    });
    req.on('error', (error) => {
      settle({ statusCode: null, error: describeError(error) });
    });
    req.on('response', (res: IncomingMessage) => {
      settle({ statusCode: res.statusCode ?? 0, error: null });
      // The body is not read or kept: a receiver's answer may say anything, at any length.
      res.on('error', () => undefined);
      res.destroy();
    });
    req.end(body);
  });
}

function describeError(error: Error): string {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  switch (code ?? '') {
    case 'ECONNREFUSED':
      return 'The receiver refused the connection.';
    case 'ECONNRESET':
      return 'The receiver closed the connection.';
    case 'ENOTFOUND':
      return 'The host could not be resolved.';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'The receiver could not be reached.';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The receiver's TLS certificate was refused (${code}).`;
    default:
      return error.message.startsWith('No answer within')
        ? error.message
        : `The request failed${code ? ` (${code})` : ''}.`;
  }
}
