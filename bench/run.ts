// `npm run bench`: start-up time and HTTP throughput of the built server, on SQLite and, when
// BENCH_POSTGRES_URL is set, PostgreSQL; /healthz, /api/me and the risk list also as a share of a
// bare Fastify app measured in the same run. Figures go in the issue note, never in assertions.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DURATION_S, load as loadUrl } from './load';
import { seedProgram } from './program-data';
import { riskPageReference, startBare, versus } from './reference';
import { seedOrganization, seedRisks } from './risk-data';
import { CLI, median, setUpOwner, start, stop, type Server } from './server';
import { measureStalls } from './stalls';

const STARTS = 5;
const PROGRAM_TASKS = Number(process.env.BENCH_TASKS ?? 50_000);
const REGISTER_RISKS = Number(process.env.BENCH_RISKS ?? 50_000);
const REPORT_RISKS = Number(process.env.BENCH_REPORT_RISKS ?? 2_000);

async function startTimes(label: string, env: () => Promise<NodeJS.ProcessEnv>): Promise<void> {
  const fresh: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const server = await start(await env());
    fresh.push(server.ms);
    await stop(server);
  }
  console.log(
    `${label}: start to /readyz (empty database, migrations included): median ${median(fresh).toFixed(0)} ms of ${STARTS}`,
  );
}

const load = (
  server: Server,
  route: string,
  connections: number,
  headers: Record<string, string> = {},
) => loadUrl(server.url, route, connections, headers);

async function throughput(label: string, env: NodeJS.ProcessEnv): Promise<void> {
  const server = await start(env);
  console.log(
    `${label}: throughput over ${DURATION_S} s per route (autocannon in this process, server in another)`,
  );
  // The bare Fastify app answering a JSON hello: the reference of /healthz and /api/me.
  const bare = await startBare();
  try {
    await versus(bare, '/hello', server, '/healthz', 50);
    await load(server, '/readyz', 50);
    await load(server, '/', 50);
    // Signed in: every request resolves its session (and, for organization routes, the membership).
    const { cookie, orgId } = await setUpOwner(server);
    for (let i = 0; i < 30; i++) {
      await fetch(`${server.url}/api/orgs/${orgId}/settings`, {
        method: 'PATCH',
        headers: { cookie, 'x-custos-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ idleTimeoutMinutes: 15 + (i % 2) * 5 }),
      });
    }
    await resetRequestTimes(server);
    await versus(bare, '/hello', server, '/api/me', 50, { cookie });
    // Owners and admins only: also resolves the caller's memberships.
    await load(server, '/api/status', 50, { cookie });
    await load(server, `/api/orgs/${orgId}/audit-events?limit=50`, 50, { cookie });
    // The compliance program with 50,000 tasks (issue: dashboard and safeguard list p95 < 50 ms).
    const began = performance.now();
    await seedProgram(env, orgId, PROGRAM_TASKS);
    console.log(
      `  seeded ${PROGRAM_TASKS} tasks and 68 safeguard records in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    for (const connections of [1, 10]) {
      await load(server, `/api/orgs/${orgId}/dashboard`, connections, { cookie });
      await load(server, `/api/orgs/${orgId}/safeguards`, connections, { cookie });
      await load(server, `/api/orgs/${orgId}/tasks?limit=50`, connections, { cookie });
      await load(server, `/api/orgs/${orgId}/tasks?ownerId=me&overdue=true`, connections, {
        cookie,
      });
    }
    await risks(server, env, orgId, cookie);
  } finally {
    await bare.close();
    await stop(server);
  }
}

/** The risk register with 50,000 risks, and the report of an assessment with 2,000. */
async function risks(server: Server, env: NodeJS.ProcessEnv, orgId: string, cookie: string) {
  let began = performance.now();
  await seedRisks(env, orgId, REGISTER_RISKS);
  console.log(
    `  seeded ${REGISTER_RISKS} risks with asset and control links in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  // The reference: a bare Fastify route answering the same page from memory.
  const page = await riskPageReference(server, orgId, cookie);
  try {
    for (const connections of [1, 10]) {
      await versus(page, '/document', server, `/api/orgs/${orgId}/risks?limit=50`, connections, {
        cookie,
      });
    }
  } finally {
    await page.close();
  }
  for (const connections of [1, 10]) {
    await load(server, `/api/orgs/${orgId}/risks?status=open&level=4&limit=50`, connections, {
      cookie,
    });
    await load(server, `/api/orgs/${orgId}/risk-summary`, connections, { cookie });
  }
  const reportOrg = await seedOrganization(env, orgId);
  await seedRisks(env, reportOrg, REPORT_RISKS);
  const call = async (method: string, route: string, body?: object) => {
    const res = await fetch(`${server.url}/api/orgs/${reportOrg}${route}`, {
      method,
      headers: {
        cookie,
        'x-custos-csrf': '1',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res;
  };
  const assessment = (await (await call('POST', '/risk-assessments', {})).json()) as { id: string };
  const timed = async (label: string, run: () => Promise<Response>) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      began = performance.now();
      bytes = (await (await run()).arrayBuffer()).byteLength;
      times.push(performance.now() - began);
    }
    console.log(
      `  ${label}: median ${median(times).toFixed(0)} ms of 3 (${(bytes / 1024).toFixed(0)} KiB)`,
    );
  };
  await timed(`draft report PDF, ${REPORT_RISKS} risks (GET report.pdf)`, () =>
    call('GET', `/risk-assessments/${assessment.id}/report.pdf`),
  );
  // The seeded register has unrated risks: both steps acknowledge what is incomplete.
  const ack = { acknowledgeIncomplete: true };
  await call('POST', `/risk-assessments/${assessment.id}/submit`, ack);
  began = performance.now();
  await call('POST', `/risk-assessments/${assessment.id}/approve`, ack);
  console.log(
    `  approval with ${REPORT_RISKS} risks (snapshot, PDF, SHA-256, stored): ${(performance.now() - began).toFixed(0)} ms`,
  );
  await timed('stored report PDF download', () =>
    call('GET', `/risk-assessments/${assessment.id}/report.pdf`),
  );
  await measureStalls({ url: server.url, cookie, orgId, reportOrg });
}

/** Answer times of password-reset requests for an existing and an unknown address (issue #10). */
async function resetRequestTimes(server: Server): Promise<void> {
  const ask = async (email: string) => {
    const began = performance.now();
    const res = await fetch(`${server.url}/api/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    await res.arrayBuffer();
    return performance.now() - began;
  };
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < 200; i++) {
    times.known.push(await ask('owner@bench.example'));
    times.unknown.push(await ask(`nobody-${i}@bench.example`));
  }
  console.log(
    `  POST /api/auth/password-reset, 200 each, sequential: existing account median ${median(times.known).toFixed(2)} ms, unknown address median ${median(times.unknown).toFixed(2)} ms`,
  );
}

async function postgresDatabase(adminUrl: string): Promise<string> {
  const name = `custos_bench_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

if (!existsSync(CLI)) {
  console.error('bench: run `npm run build` first (the benchmark measures the built server).');
  process.exit(1);
}
const dirs: string[] = [];
const sqliteEnv = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'custos-bench-'));
  dirs.push(dir);
  return Promise.resolve({ CUSTOS_DATA_DIR: dir });
};
try {
  await startTimes('sqlite', sqliteEnv);
  await throughput('sqlite', await sqliteEnv());
  const pgAdmin = process.env.BENCH_POSTGRES_URL;
  if (pgAdmin) {
    const pgEnv = async () => ({
      DATABASE_URL: await postgresDatabase(pgAdmin),
      CUSTOS_DATA_DIR: (await sqliteEnv()).CUSTOS_DATA_DIR,
    });
    await startTimes('postgres', pgEnv);
    await throughput('postgres', await pgEnv());
  } else {
    console.log('postgres: skipped (set BENCH_POSTGRES_URL, e.g. from scripts/postgres.sh start)');
  }
} finally {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
}
