// `npm run bench:jobs` (also run by `npm run bench`): the jobs interface on SQLite and, with
// BENCH_POSTGRES_URL, PostgreSQL. Enqueue throughput, one job per transaction, against inserting
// one outbox row per transaction on the same database (the reference); and the reminder sweep over
// an organization of 100,000 open tasks (bench/sweep-data.ts). Figures go in the issue note.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { systemClock } from '../src/server/platform/clock';
import type { DatabaseTarget } from '../src/server/platform/config';
import { openDatabase, type DatabaseHandle } from '../src/server/platform/db/connection';
import { migrateToLatest } from '../src/server/platform/db/migrator';
import { createJobs } from '../src/server/platform/jobs';
import { sweepBench } from './sweep-data';

const JOBS = Number(process.env.BENCH_JOBS ?? 3_000);

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function enqueueBench(label: string, database: DatabaseHandle): Promise<void> {
  const jobs = createJobs({ database, clock: systemClock, onError: () => undefined });
  jobs.define({
    name: 'bench.nothing',
    label: 'Nothing',
    parse: () => ({}),
    run: () => Promise.resolve(),
  });
  await jobs.prepare();
  const db = database.db;
  const reference = await timed(async () => {
    for (let i = 0; i < JOBS; i++) {
      await db.transaction().execute((trx) =>
        trx
          .insertInto('outbox')
          .values({
            id: uuidv7(),
            org_id: null,
            to_email: 'bench@example.org',
            subject: 'bench',
            body_text: '',
            body_html: null,
            sealed: 0,
            created_at: new Date().toISOString(),
            claimed_at: null,
            sent_at: null,
            error: null,
          })
          .execute(),
      );
    }
  });
  const enqueue = await timed(async () => {
    for (let i = 0; i < JOBS; i++) {
      await db
        .transaction()
        .execute((trx) => jobs.enqueueIn(trx, 'bench.nothing', { n: i, orgId: null }));
    }
  });
  const drain = await timed(async () => {
    await jobs.drain();
  });
  const rate = (ms: number) => Math.round((JOBS / ms) * 1000);
  console.log(
    `${label} (${jobs.engine}): enqueue ${rate(enqueue)} jobs/s, one per transaction ` +
      `(${((reference / enqueue) * 100).toFixed(0)}% of inserting an outbox row per transaction, ` +
      `${rate(reference)}/s); running them ${rate(drain)} jobs/s`,
  );
  await jobs.stop();
}

async function bench(label: string, target: DatabaseTarget): Promise<void> {
  const database = openDatabase(target);
  try {
    await migrateToLatest(database.db);
    await enqueueBench(label, database);
    await sweepBench(label, database);
  } finally {
    await database.destroy();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'custos-bench-jobs-'));
try {
  await bench('sqlite', { kind: 'sqlite', file: path.join(dir, 'custos.db') });
  const admin = process.env.BENCH_POSTGRES_URL;
  if (admin) {
    const name = `custos_bench_jobs_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    try {
      await bench('postgres', { kind: 'postgres', url: url.toString() });
    } finally {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    }
  } else {
    console.log('postgres: skipped (set BENCH_POSTGRES_URL, e.g. from scripts/postgres.sh start)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
