import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from '../../platform/db/dialect';

// Background work (platform/jobs). On PostgreSQL pg-boss keeps the jobs in its own schema, so the
// `jobs` table exists on SQLite only; keys and schedule runs are ours on both.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  if (!isPostgres(db)) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(sql.raw(`state in ('waiting','running','retrying','done','dead','cancelled')`)),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('retry_limit', 'integer', (c) => c.notNull())
      .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
      .addColumn('run_after', t.instant, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('started_at', t.instant)
      .addColumn('finished_at', t.instant)
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('jobs_due_idx')
      .on('jobs')
      .columns(['state', 'run_after'])
      .execute();
  }
  // A job enqueued with a key exists once, ever (EnqueueOptions.key).
  await db.schema
    .createTable('job_keys')
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_keys_pk', ['queue', 'key'])
    .execute();
  // Once per due time, however many processes share the database (JobSchedule).
  await db.schema
    .createTable('job_schedule_runs')
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('enqueued_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_schedule_runs_pk', ['schedule', 'due_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_schedule_runs').execute();
  await db.schema.dropTable('job_keys').execute();
  if (!isPostgres(db)) {
    await db.schema.dropTable('jobs').execute();
  }
}
