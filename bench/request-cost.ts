// `npm run bench:request-cost`: only the request-cost figures of `npm run bench` (/healthz,
// /api/me and the risk list, each against its bare Fastify reference), on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { riskPageReference, startBare, versus, type Bare } from './reference';
import { seedRisks } from './risk-data';
import { setUpOwner, start, stop } from './server';

const dir = mkdtempSync(path.join(tmpdir(), 'custos-bench-'));
const env = { CUSTOS_DATA_DIR: dir };
const server = await start(env);
let bare: Bare | undefined;
try {
  bare = await startBare();
  await versus(bare, '/hello', server, '/healthz', 50);
  const { cookie, orgId } = await setUpOwner(server);
  await versus(bare, '/hello', server, '/api/me', 50, { cookie });
  await seedRisks(env, orgId, Number(process.env.BENCH_RISKS ?? 50_000));
  const page = await riskPageReference(server, orgId, cookie);
  try {
    for (const connections of [1, 10]) {
      const route = `/api/orgs/${orgId}/risks?limit=50`;
      await versus(page, '/document', server, route, connections, { cookie });
    }
  } finally {
    await page.close();
  }
} finally {
  await bare?.close();
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
}
