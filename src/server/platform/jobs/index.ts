import type { DatabaseHandle } from '../db/connection';
import type { Clock } from '../clock';
import { pgBossJobStore } from './pgboss-repository';
import { createJobRunner, type JobRunner } from './runner';
import { sqliteJobStore } from './sqlite-repository';

export { PermanentJobError } from './permanent-error';
export type { JobRunner } from './runner';
export type * from './types';

/** The runner for the database: the in-process store on SQLite, pg-boss on PostgreSQL. */
export function createJobs(options: {
  database: DatabaseHandle;
  clock: Clock;
  onError: (error: unknown, job?: { id: string; queue: string }) => void;
}): JobRunner {
  const { database, clock, onError } = options;
  const store =
    database.kind === 'postgres' ? pgBossJobStore(database.db) : sqliteJobStore(database.db);
  return createJobRunner({ db: database.db, clock, store, onError });
}
