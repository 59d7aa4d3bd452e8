// Request cost: each Custos figure next to a bare Fastify app measured in the same run, on the
// same machine, just before it, so the ratio holds even when the machine's speed does not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, warmUp } from './load';
import { startProcess, stop, type Server } from './server';

export interface Bare {
  server: Server;
  close(): Promise<void>;
}

/** Starts the bare Fastify app; `document` (JSON text) is what its `/document` route answers. */
export async function startBare(document?: string): Promise<Bare> {
  const dir = mkdtempSync(path.join(tmpdir(), 'custos-bare-'));
  const file = path.join(dir, 'document.json');
  writeFileSync(file, document ?? 'null');
  const server = await startProcess(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { BARE_DOCUMENT: file },
    '/hello',
  );
  return {
    server,
    close: async () => {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Warms both up, loads the bare route, then the Custos route, and prints the Custos figure as a
 * share of the bare one.
 */
export async function versus(
  bare: Bare,
  bareRoute: string,
  custos: Server,
  route: string,
  connections: number,
  headers: Record<string, string> = {},
): Promise<number> {
  await warmUp(bare.server.url + bareRoute, connections);
  await warmUp(custos.url + route, connections, headers);
  const reference = await load(bare.server.url, bareRoute, connections, {}, 'bare Fastify GET');
  const measured = await load(custos.url, route, connections, headers);
  const share = (100 * measured) / reference;
  console.log(
    `  → GET ${route.replace(/[0-9a-f-]{36}/, ':orgId')} at ${share.toFixed(0)}% of bare Fastify GET ${bareRoute} (${connections} conns)`,
  );
  return share;
}

/** A bare Fastify app answering, from memory, the first page (50) of the risk register. */
export async function riskPageReference(server: Server, orgId: string, cookie: string) {
  const url = `${server.url}/api/orgs/${orgId}/risks?limit=50`;
  // The pooled connection may have idled out just now (Fastify closes idle ones after 72 s, the
  // time the figures before take): once more on a new one.
  const res = await fetch(url, { headers: { cookie } }).catch(() =>
    fetch(url, { headers: { cookie } }),
  );
  if (!res.ok) {
    throw new Error(`GET risks: ${res.status}`);
  }
  return startBare(await res.text());
}
