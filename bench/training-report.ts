// `npm run bench:training`: the training completion report over 20,000 people × 8 courses (the
// seven built-in modules and one external course, 160,000 training records, a third completed):
// GET /training/completion (per course and department) and /training/completion/people (per
// person, a page at a time), through the built server on SQLite, or PostgreSQL with
// BENCH_DATABASE_URL. Figures go in the issue note, never in assertions. Needs `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { setUpOwner, start, stop } from './server';

const PEOPLE = Number(process.env.BENCH_TRAINING_PEOPLE ?? 20_000);
const RUNS = Number(process.env.BENCH_TRAINING_RUNS ?? 40);
const DEPARTMENTS = ['Clinical', 'Front desk', 'Billing', 'IT', 'Administration', 'Volunteers'];
const MODULES = [
  'devices-media',
  'handling-ephi',
  'hipaa-basics',
  'malicious-software',
  'passwords-mfa',
  'phishing',
  'reporting-incidents',
];

function rosterCsv(rows: number): string {
  const lines = ['employee_id,name,kind,department,job_role,start_date'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `E-${i},Person ${i},employee,${DEPARTMENTS[i % DEPARTMENTS.length]},Staff,2024-01-15`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'custos-bench-training-'));
  const dataDir = path.join(work, 'data');
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const server = await start({
    CUSTOS_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  try {
    const { cookie, orgId } = await setUpOwner(server);
    const call = async (
      method: string,
      route: string,
      body?: string,
      type = 'application/json',
    ) => {
      const began = performance.now();
      const res = await fetch(`${server.url}/api/orgs/${orgId}${route}`, {
        method,
        headers: {
          cookie,
          'x-custos-csrf': '1',
          ...(body === undefined ? {} : { 'content-type': type }),
        },
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
      return { ms: performance.now() - began, text };
    };
    const imported = await call(
      'POST',
      '/people/import?mode=commit',
      rosterCsv(PEOPLE),
      'text/csv',
    );
    console.log(
      `Roster of ${PEOPLE.toLocaleString('en-US')} people imported in ${imported.ms.toFixed(0)} ms`,
    );
    const departments = (
      JSON.parse((await call('GET', '/departments')).text) as { data: { id: string }[] }
    ).data.map((d) => d.id);
    const external = JSON.parse(
      (
        await call(
          'POST',
          '/training/courses',
          JSON.stringify({ title: 'CPR refresher', url: 'https://cpr.example/course' }),
        )
      ).text,
    ) as { id: string };
    for (const courseId of [...MODULES, external.id]) {
      const assigned = await call(
        'POST',
        '/training/assignments',
        JSON.stringify({
          courseId,
          frequency: 'yearly',
          dueDays: 30,
          roles: [],
          departmentIds: departments,
          personIds: [],
        }),
      );
      console.log(`  assigned ${courseId} to everyone: ${assigned.ms.toFixed(0)} ms`);
    }
    // A third of the records completed, as passing quizzes would leave them.
    const complete = `update training_person_assignments set completed_at = created_at, completed_on = assigned_on, score = 90 where org_id = '${orgId}' and (cast(substr(id, 35, 2) as integer) % 3) = 0`;
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(
        complete.replace(
          'cast(substr(id, 35, 2) as integer)',
          "('x' || substr(id::text, 35, 2))::bit(8)::int",
        ),
      );
      await client.end();
    } else {
      const db = new Database(path.join(dataDir, 'custos.db'));
      db.exec(complete.replace('cast(substr(id, 35, 2) as integer)', 'unicode(substr(id, 36, 1))'));
      db.close();
    }
    // Each figure over RUNS requests after three to warm up. "After a change" makes an audited
    // write first (a department added), so the counts are taken again from the database: what
    // the first reader after any change waits; "unchanged" is every other reader.
    const measure = async (label: string, route: string, change: boolean) => {
      const times: number[] = [];
      let text = '';
      for (let i = 0; i < RUNS + 3; i++) {
        if (change) {
          await call('POST', '/departments', JSON.stringify({ name: `${label} ${i}` }));
        }
        const r = await call('GET', route);
        if (i >= 3) times.push(r.ms);
        text = r.text;
      }
      const sorted = times.toSorted((a, b) => a - b);
      console.log(
        `${label.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms, p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(6)} ms, ${(text.length / 1024).toFixed(1)} KB`,
      );
      return text;
    };
    console.log(
      `Over ${PEOPLE.toLocaleString('en-US')} people × 8 courses, ${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${RUNS} runs each:`,
    );
    const report = JSON.parse(
      await measure('report, after a change', '/training/completion', true),
    ) as {
      overall: { assigned: number; completed: number; rate: number };
    };
    await measure('report, unchanged', '/training/completion', false);
    await measure('by person, first page, after a change', '/training/completion/people', true);
    await measure('by person, first page, unchanged', '/training/completion/people', false);
    await measure(
      'by person, searched by name',
      '/training/completion/people?q=person%20123',
      false,
    );
    await measure('records, first page', '/training/records', false);
    console.log(
      `  report: ${report.overall.assigned.toLocaleString('en-US')} records, ${report.overall.completed.toLocaleString('en-US')} completed (${report.overall.rate}%)`,
    );
  } finally {
    await stop(server);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
