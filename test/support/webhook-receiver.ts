import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { OutboundPolicy, ResolvedAddress } from '../../src/server/platform/net/outbound';

/** What a test receiver got: each request's headers and body. */
export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 answering each request with the next status of `statuses`
 * (the last one repeats); tests reach it with the operator setting that allows private addresses.
 */
export async function startReceiver(
  port: number,
  statuses: readonly number[],
): Promise<{ url: string; received: Received[]; server: Server; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(received.length, statuses.length) - 1] ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** An outbound policy whose names resolve from a table (no DNS in tests). */
export function fixedResolver(
  table: Record<string, readonly string[]>,
  allowPrivate = false,
): OutboundPolicy & { table: Record<string, readonly string[]> } {
  return {
    allowPrivate,
    table,
    resolve: (host) => {
      const addresses = table[host];
      if (!addresses) return Promise.reject(new Error('ENOTFOUND'));
      return Promise.resolve(
        addresses.map((address): ResolvedAddress => ({
          address,
          family: address.includes(':') ? 6 : 4,
        })),
      );
    },
  };
}
