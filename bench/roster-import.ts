// `npm run bench:roster`: a roster import of 20,000 people (CSV) through the built server, on
// SQLite, next to the asset import of 20,000 rows in the same run and the same server (the import
// that shares its reader and limits, tuned in issue 13), so the ratio holds whatever the machine's
// speed. Figures go in the issue note, never in assertions. Needs `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUpOwner, start, stop } from './server';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 20_000);
const DEPARTMENTS = ['Clinical', 'Front desk', 'Billing', 'IT', 'Administration', 'Volunteers'];
const KINDS = ['employee', 'employee', 'employee', 'contractor', 'volunteer', 'trainee'];

function rosterCsv(rows: number, role: string): string {
  const lines = [
    'employee_id,name,kind,email,job_role,department,manager,location,start_date,clearance_outcome,clearance_date',
  ];
  for (let i = 1; i <= rows; i++) {
    // Every person but the first 20 reports to one of them: managers resolve within the file.
    const manager = i > 20 ? `E-${(i % 20) + 1}` : '';
    lines.push(
      `E-${i},Person ${i},${KINDS[i % KINDS.length]},person${i}@bench.example,${role},${DEPARTMENTS[i % DEPARTMENTS.length]},${manager},Main clinic,2024-0${(i % 9) + 1}-15,cleared,2023-12-01`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function assetCsv(rows: number): string {
  const lines = ['kind,name,description,location,ephi_roles,record_count,criticality'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `workstation,"Workstation ${i}, exam room",Front desk PC used by reception staff,Main clinic,creates;maintains,${i * 10},high`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'custos-bench-roster-'));
  const server = await start({ CUSTOS_DATA_DIR: path.join(work, 'data') });
  try {
    const { cookie, orgId } = await setUpOwner(server);
    const post = async (route: string, body: string) => {
      const began = performance.now();
      const res = await fetch(`${server.url}/api/orgs/${orgId}${route}`, {
        method: 'POST',
        headers: { cookie, 'x-custos-csrf': '1', 'content-type': 'text/csv' },
        body,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${route}: ${res.status} ${text.slice(0, 300)}`);
      return { ms: performance.now() - began, json: JSON.parse(text) as Record<string, unknown> };
    };
    const counts = (r: Record<string, unknown>) =>
      `created ${String(r.created)}, changed ${String(r.changed)}, unchanged ${String(r.unchanged)}`;
    const first = rosterCsv(ROWS, 'Medical assistant');
    const second = rosterCsv(ROWS, 'Registered nurse');
    console.log(
      `Roster import of ${ROWS.toLocaleString('en-US')} people (${(first.length / 1024 / 1024).toFixed(1)} MB CSV), SQLite:`,
    );
    const asset = await post('/assets/import?mode=commit', assetCsv(ROWS));
    console.log(`  reference: asset import commit, ${ROWS} rows: ${asset.ms.toFixed(0)} ms`);
    const steps: [string, string, string][] = [
      ['preview, all new', '/people/import?mode=preview', first],
      ['commit, all new', '/people/import?mode=commit', first],
      ['preview, all unchanged', '/people/import?mode=preview', first],
      ['commit, every job role changed', '/people/import?mode=commit', second],
    ];
    for (const [label, route, body] of steps) {
      const r = await post(route, body);
      console.log(
        `  ${label}: ${r.ms.toFixed(0)} ms = ${(r.ms / asset.ms).toFixed(2)}× the asset import (${counts(r.json)})`,
      );
    }
  } finally {
    await stop(server);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
