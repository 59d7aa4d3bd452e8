import { v7 as uuidv7 } from 'uuid';
import { sql, type Kysely } from 'kysely';
import type { Database, JobsTable } from '../../db/schema';
import { readJson } from '../db/json-columns';
import { retryDelay, type JobStore, type QueueSettings } from './store';
import type { JobView } from './types';

const iso = (date: Date) => date.toISOString();
const ORG_OF_PAYLOAD = sql<string | null>`json_extract(payload, '$.orgId')`;

function view(row: JobsTable): JobView {
  return {
    id: row.id,
    queue: row.queue,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    runAfter: row.state === 'waiting' || row.state === 'retrying' ? row.run_after : null,
    finishedAt: row.finished_at,
    lastError: row.last_error,
  };
}

type DueJob = Pick<JobsTable, 'id' | 'payload' | 'attempts' | 'state'>;

/** The next due jobs of a queue; with `oneRunningPer`, the first of each value that has none running. */
async function dueJobs(
  db: Kysely<Database>,
  queue: QueueSettings,
  now: Date,
  limit: number,
): Promise<DueJob[]> {
  if (queue.oneRunningPer === null) {
    return db
      .selectFrom('jobs')
      .select(['id', 'payload', 'attempts', 'state'])
      .where('queue', '=', queue.name)
      .where('state', 'in', ['waiting', 'retrying'])
      .where('run_after', '<=', iso(now))
      .orderBy('run_after')
      .limit(limit)
      .execute();
  }
  const value = sql`coalesce(json_extract(payload, ${`$.${queue.oneRunningPer}`}), '')`;
  const rows = await sql<DueJob>`
    select id, payload, attempts, state from (
      select id, payload, attempts, state, run_after,
        row_number() over (partition by ${value} order by run_after, id) as nth
      from jobs
      where queue = ${queue.name} and state in ('waiting', 'retrying') and run_after <= ${iso(now)}
        and ${value} not in (
          select ${value} from jobs where queue = ${queue.name} and state = 'running')
    ) where nth = 1
    order by run_after, id
    limit ${limit}`.execute(db);
  return rows.rows;
}

/**
 * Jobs in the `jobs` table: SQLite serves one process by design, and each claim is a conditional
 * update, so even a second process (the CLI) never runs a job twice.
 */
export function sqliteJobStore(db: Kysely<Database>): JobStore {
  return {
    engine: 'sqlite',
    prepare: () => Promise.resolve(),
    async insert(trx, queue, payload, { now, runAfter }) {
      const id = uuidv7();
      await trx
        .insertInto('jobs')
        .values({
          id,
          queue: queue.name,
          payload: JSON.stringify(payload),
          state: 'waiting',
          attempts: 0,
          retry_limit: queue.retryLimit,
          retry_delay_seconds: queue.retryDelaySeconds,
          run_after: iso(runAfter),
          created_at: iso(now),
          started_at: null,
          finished_at: null,
          last_error: null,
        })
        .execute();
      return id;
    },
    async claim(queue, now, limit) {
      const due = await dueJobs(db, queue, now, limit);
      const claimed = [];
      for (const row of due) {
        const taken = await db
          .updateTable('jobs')
          .set({ state: 'running', attempts: row.attempts + 1, started_at: iso(now) })
          .where('id', '=', row.id)
          .where('state', '=', row.state)
          .where('attempts', '=', row.attempts)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) {
          const data = readJson('jobs.payload', row.payload);
          claimed.push({ id: row.id, queue: queue.name, data, attempt: row.attempts + 1 });
        }
      }
      return claimed;
    },
    async complete(job, now) {
      await db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: iso(now), last_error: null })
        .where('id', '=', job.id)
        .execute();
    },
    async fail(job, queue, { message, permanent }, now) {
      const dead = permanent || job.attempt > queue.retryLimit;
      const next = new Date(now.getTime() + retryDelay(queue, job.attempt) * 1000);
      await db
        .updateTable('jobs')
        .set({
          state: dead ? 'dead' : 'retrying',
          run_after: iso(dead ? now : next),
          finished_at: dead ? iso(now) : null,
          last_error: message,
        })
        .where('id', '=', job.id)
        .execute();
    },
    async queues(names, orgId) {
      let query = db
        .selectFrom('jobs')
        .select(['queue', 'state', (eb) => eb.fn.countAll<number>().as('count')])
        .where('state', 'in', ['waiting', 'running', 'retrying', 'dead']);
      if (orgId !== undefined) {
        query = query.where(ORG_OF_PAYLOAD, '=', orgId);
      }
      const rows = await query.groupBy(['queue', 'state']).execute();
      return names.map((queue) => {
        const count = (state: string) =>
          rows.find((r) => r.queue === queue && r.state === state)?.count ?? 0;
        return {
          queue,
          waiting: count('waiting'),
          running: count('running'),
          retrying: count('retrying'),
          dead: count('dead'),
        };
      });
    },
    async list(filter) {
      let query = db.selectFrom('jobs').selectAll();
      if (filter.state) {
        query = query.where('state', '=', filter.state);
      }
      if (filter.queue) {
        query = query.where('queue', '=', filter.queue);
      }
      if (filter.orgId !== undefined) {
        query = query.where(ORG_OF_PAYLOAD, '=', filter.orgId);
      }
      const rows = await query.orderBy('created_at', 'desc').limit(filter.limit).execute();
      return rows.map(view);
    },
    async retry(id, now, orgId) {
      let query = db
        .updateTable('jobs')
        .set({ state: 'waiting', run_after: iso(now), finished_at: null, attempts: 0 })
        .where('id', '=', id)
        .where('state', 'in', ['dead', 'cancelled']);
      if (orgId !== undefined) {
        query = query.where(ORG_OF_PAYLOAD, '=', orgId);
      }
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recover(now) {
      // SQLite has one serving process: a job still running at its start was cut off by a crash.
      await db
        .updateTable('jobs')
        .set({ state: 'retrying', run_after: iso(now), last_error: 'interrupted by a restart' })
        .where('state', '=', 'running')
        .execute();
    },
    maintain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
