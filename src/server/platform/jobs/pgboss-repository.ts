import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/schema';
import type { Db } from '../db/types';
import type { ClaimedJob, JobStore, QueueSettings } from './store';
import type { JobState, JobView } from './types';

const SCHEMA = 'pgboss';

/** pg-boss runs its SQL through Kysely: our pool, and the caller's transaction when enqueuing. */
function executor(db: Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // pg-boss calls it without values for some commands, whatever its types say.
      const result = await db.executeQuery(
        CompiledQuery.raw(text, Array.isArray(values) ? values : []),
      );
      return { rows: result.rows };
    },
  };
}

const STATES: Record<string, JobState> = {
  created: 'waiting',
  retry: 'retrying',
  active: 'running',
  completed: 'done',
  failed: 'dead',
  cancelled: 'cancelled',
};
const PG_STATE = Object.fromEntries(Object.entries(STATES).map(([pg, ours]) => [ours, pg]));

interface PgJobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  started_on: string | null;
  created_on: string;
  start_after: string;
  completed_on: string | null;
  output: { message?: unknown } | null;
}

function view(row: PgJobRow): JobView {
  const state = STATES[row.state] ?? 'waiting';
  const message = row.output?.message;
  return {
    id: row.id,
    queue: row.name,
    state,
    attempts: row.started_on ? row.retry_count + 1 : 0,
    createdAt: new Date(row.created_on).toISOString(),
    runAfter:
      state === 'waiting' || state === 'retrying' ? new Date(row.start_after).toISOString() : null,
    finishedAt: row.completed_on ? new Date(row.completed_on).toISOString() : null,
    lastError: typeof message === 'string' ? message.slice(0, 300) : null,
  };
}

/**
 * pg-boss 10's fetch for `oneRunningPer` queues, which it cannot do itself (its `singleton` policy
 * fails the whole fetch when the oldest job's key is running, holding up every other key): the
 * first due job of each value with none active, taken and marked active the way its fetch does
 * (state, started_on, retry_count), so complete, fail and expiry work on it unchanged.
 */
async function claimOnePerValue(
  db: Kysely<Database>,
  queue: QueueSettings,
  field: string,
  limit: number,
): Promise<ClaimedJob[]> {
  const job = sql.id(SCHEMA, 'job');
  const rows = await sql<{ id: string; data: unknown; retry_count: number }>`
    with busy as (
      select distinct coalesce(data->>${field}, '') as value from ${job}
      where name = ${queue.name} and state = 'active'
    ), due as (
      select id, priority, created_on, coalesce(data->>${field}, '') as value from ${job}
      where name = ${queue.name} and state < 'active' and start_after < now()
    ), firsts as (
      select distinct on (value) id, priority, created_on from due
      where value not in (select value from busy)
      order by value, priority desc, created_on, id
    ), chosen as (
      select id from firsts order by priority desc, created_on, id limit ${limit}
    ), locked as (
      select j.id from ${job} j join chosen on chosen.id = j.id
      where j.name = ${queue.name} and j.state < 'active'
      for update of j skip locked
    )
    update ${job} j set
      state = 'active',
      started_on = now(),
      retry_count = case when started_on is not null then retry_count + 1 else retry_count end
    from locked
    where j.name = ${queue.name} and j.id = locked.id
    returning j.id::text as id, j.data, j.retry_count`.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    queue: queue.name,
    data: row.data,
    attempt: row.retry_count + 1,
  }));
}

/**
 * Jobs in pg-boss (issue 13: a well-kept engine on PostgreSQL): SKIP LOCKED fetching, so each job
 * runs in one process however many share the database; retries with growing delays; dead jobs kept.
 * We fetch and complete through its API in our own loop (runner.ts), the same loop as on SQLite.
 */
export function pgBossJobStore(db: Kysely<Database>): JobStore {
  const boss = new PgBoss({
    db: executor(db),
    schema: SCHEMA,
    // The runner drives fetching, schedules (job_schedule_runs) and maintenance itself.
    supervise: false,
    schedule: false,
    migrate: true,
    // Dead jobs stay where `custos jobs retry` can reach them for a month.
    archiveFailedAfterSeconds: 30 * 24 * 3600,
  });
  boss.on('error', () => undefined);
  return {
    engine: 'pg-boss',
    async prepare(queues) {
      await boss.start();
      for (const queue of queues) {
        await boss.createQueue(queue.name, {
          name: queue.name,
          retryLimit: queue.retryLimit,
          retryDelay: queue.retryDelaySeconds,
          retryBackoff: true,
        });
      }
    },
    async insert(trx, queue, payload, { now, runAfter }) {
      const id = await boss.send(queue.name, payload, {
        // A delay from the app's "now", run by the database's: the same wait as on SQLite.
        startAfter: Math.max(0, Math.round((runAfter.getTime() - now.getTime()) / 1000)),
        db: executor(trx),
      });
      if (!id) {
        throw new Error(`pg-boss did not accept a ${queue.name} job`);
      }
      return id;
    },
    async claim(queue, _now, limit) {
      if (queue.oneRunningPer !== null) {
        return claimOnePerValue(db, queue, queue.oneRunningPer, limit);
      }
      const jobs = await boss.fetch<unknown>(queue.name, {
        batchSize: limit,
        includeMetadata: true,
      });
      return jobs.map((job) => ({
        id: job.id,
        queue: queue.name,
        data: job.data,
        attempt: job.retryCount + 1,
      }));
    },
    async complete(job) {
      await boss.complete(job.queue, job.id);
    },
    async fail(job, _queue, { message, permanent }) {
      if (!permanent) {
        await boss.fail(job.queue, job.id, { message });
        return;
      }
      // pg-boss retries while retry_count < retry_limit: no retries left makes this failure final.
      await db.transaction().execute(async (trx) => {
        await sql`update ${sql.id(SCHEMA, 'job')} set retry_limit = retry_count
          where name = ${job.queue} and id = ${job.id}::uuid`.execute(trx);
        await boss.fail(job.queue, job.id, { message }, { db: executor(trx) });
      });
    },
    async queues(queueNames, orgId) {
      const rows = await sql<{ name: string; state: string; count: string }>`
        select name, state::text as state, count(*) as count from ${sql.id(SCHEMA, 'job')}
        where state in ('created', 'active', 'retry', 'failed')
          and (${orgId ?? null}::text is null or data->>'orgId' = ${orgId ?? null})
        group by name, state`.execute(db);
      return queueNames.map((queue) => {
        const count = (state: string) =>
          Number(rows.rows.find((r) => r.name === queue && r.state === state)?.count ?? 0);
        return {
          queue,
          waiting: count('created'),
          running: count('active'),
          retrying: count('retry'),
          dead: count('failed'),
        };
      });
    },
    async list(filter) {
      const state = filter.state ? PG_STATE[filter.state] : undefined;
      const rows = await sql<PgJobRow>`
        select id::text as id, name, state::text as state, retry_count, started_on, created_on,
          start_after, completed_on, output
        from ${sql.id(SCHEMA, 'job')}
        where (${state ?? null}::text is null or state::text = ${state ?? null})
          and (${filter.queue ?? null}::text is null or name = ${filter.queue ?? null})
          and (${filter.orgId ?? null}::text is null or data->>'orgId' = ${filter.orgId ?? null})
        order by created_on desc limit ${filter.limit}`.execute(db);
      return rows.rows.map(view);
    },
    async retry(id, _now, orgId) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) {
        return false;
      }
      const found = await sql<{ name: string }>`
        select name from ${sql.id(SCHEMA, 'job')}
        where id = ${id}::uuid and state in ('failed', 'cancelled')
          and (${orgId ?? null}::text is null or data->>'orgId' = ${orgId ?? null})`.execute(db);
      const name = found.rows[0]?.name;
      if (!name) {
        return false;
      }
      await boss.retry(name, id);
      return true;
    },
    // pg-boss gives an active job back for another try once it expires (15 min by default).
    recover: () => Promise.resolve(),
    async maintain() {
      await boss.maintain();
    },
    async close() {
      await boss.stop({ close: false, graceful: false, wait: false });
    },
  };
}
