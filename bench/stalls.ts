// How long a read waits while a long write runs: `GET tasks` during a 20,000-row asset import
// commit and during the approval of an assessment with 2,000 risks, as a ratio to the same GET
// when nothing else runs. On SQLite a write transaction holds the only connection, so whatever
// work sits inside it shows here. Figures go in the issue note, never in assertions.

export interface StallTarget {
  url: string;
  cookie: string;
  /** The organization whose tasks are read, and which receives the import. */
  orgId: string;
  /** An organization with a large register, for the approval. */
  reportOrg: string;
}

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);

function importCsv(rows: number): string {
  const lines = ['kind,name,description,location,ephi_roles,record_count,criticality'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `workstation,"Workstation ${i}, exam room",Front desk PC used by reception staff,Main clinic,creates;maintains,${i * 10},high`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timedGet(target: StallTarget): Promise<number> {
  const began = performance.now();
  const res = await fetch(`${target.url}/api/orgs/${target.orgId}/tasks?limit=50`, {
    headers: { cookie: target.cookie },
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET tasks: ${res.status}`);
  return performance.now() - began;
}

/** GETs one after another while `write` runs; its own duration too. */
async function during(target: StallTarget, write: () => Promise<Response>) {
  const latencies: number[] = [];
  const state = { done: false };
  const began = performance.now();
  const writing = write().then(async (res) => {
    state.done = true;
    if (!res.ok) throw new Error(`write: ${res.status} ${await res.text()}`);
    return performance.now() - began;
  });
  // Let the write start before the first read.
  await new Promise((resolve) => setTimeout(resolve, 20));
  while (!state.done) latencies.push(await timedGet(target));
  return { latencies, writeMs: await writing };
}

export async function measureStalls(target: StallTarget): Promise<void> {
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await timedGet(target));
  const base = median(idle);
  console.log(`  GET tasks when idle: median ${base.toFixed(1)} ms of ${idle.length}`);
  const report = (label: string, r: { latencies: number[]; writeMs: number }) => {
    const worst = Math.max(...r.latencies);
    console.log(
      `  GET tasks during ${label} (${r.writeMs.toFixed(0)} ms): ${r.latencies.length} GETs, median ${median(r.latencies).toFixed(1)} ms, worst ${worst.toFixed(0)} ms = ${(worst / base).toFixed(0)}× idle`,
    );
  };
  const call = (orgId: string, method: string, route: string, body?: string, type?: string) =>
    fetch(`${target.url}/api/orgs/${orgId}${route}`, {
      method,
      headers: {
        cookie: target.cookie,
        'x-custos-csrf': '1',
        ...(body ? { 'content-type': type ?? 'application/json' } : {}),
      },
      ...(body ? { body } : {}),
    });
  const csv = importCsv(IMPORT_ROWS);
  report(
    `a ${IMPORT_ROWS}-row import commit`,
    await during(target, () =>
      call(target.orgId, 'POST', '/assets/import?mode=commit', csv, 'text/csv'),
    ),
  );
  const assessment = (await (
    await call(target.reportOrg, 'POST', '/risk-assessments', '{}')
  ).json()) as { id: string };
  // The seeded register has gaps: both steps acknowledge them.
  const ack = '{"acknowledgeIncomplete":true}';
  await call(target.reportOrg, 'POST', `/risk-assessments/${assessment.id}/submit`, ack);
  report(
    'an approval (snapshot, PDF, stored)',
    await during(target, () =>
      call(target.reportOrg, 'POST', `/risk-assessments/${assessment.id}/approve`, ack),
    ),
  );
}
