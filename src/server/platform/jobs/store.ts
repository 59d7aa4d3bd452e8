import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { JobFilter, JobKind, JobPayload, JobView, QueueView } from './types';

/** A kind's retry settings, with the defaults filled in. */
export interface QueueSettings {
  readonly name: string;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  readonly concurrency: number;
  /** The payload field of which at most one job per value runs at a time; null: no such limit. */
  readonly oneRunningPer: string | null;
}

export function queueSettings(kind: JobKind): QueueSettings {
  if (kind.oneRunningPer !== undefined && !/^[A-Za-z_]\w*$/.test(kind.oneRunningPer)) {
    throw new Error(`job kind "${kind.name}": oneRunningPer must name a payload field`);
  }
  return {
    name: kind.name,
    retryLimit: kind.retryLimit ?? 5,
    retryDelaySeconds: kind.retryDelaySeconds ?? 30,
    concurrency: Math.max(1, kind.concurrency ?? 1),
    oneRunningPer: kind.oneRunningPer ?? null,
  };
}

/** A job taken for running by this process. */
export interface ClaimedJob {
  readonly id: string;
  readonly queue: string;
  readonly data: unknown;
  readonly attempt: number;
}

/** Where jobs live: the `jobs` table on SQLite, pg-boss on PostgreSQL. The runner is the same. */
export interface JobStore {
  readonly engine: 'sqlite' | 'pg-boss';
  /** Makes the queues ready (pg-boss: installs its schema and creates the queues). */
  prepare(queues: readonly QueueSettings[]): Promise<void>;
  insert(
    trx: Transaction<Database>,
    queue: QueueSettings,
    payload: JobPayload,
    times: { now: Date; runAfter: Date },
  ): Promise<string>;
  /**
   * Takes up to `limit` due jobs of `queue`; each is taken by one process only. With
   * `queue.oneRunningPer`, a job whose value of that field has a running job is skipped, and at
   * most one job per value is taken.
   */
  claim(queue: QueueSettings, now: Date, limit: number): Promise<ClaimedJob[]>;
  complete(job: ClaimedJob, now: Date): Promise<void>;
  /**
   * Records a failed attempt: retried later with a doubled delay, or dead past the limit, or at
   * once when `permanent` (the job said retrying cannot help).
   */
  fail(
    job: ClaimedJob,
    queue: QueueSettings,
    failure: { message: string; permanent: boolean },
    now: Date,
  ): Promise<void>;
  /** Counts per queue (`label` is filled in by the runner). */
  queues(names: readonly string[], orgId?: string): Promise<Omit<QueueView, 'label'>[]>;
  list(filter: JobFilter & { limit: number }): Promise<JobView[]>;
  retry(id: string, now: Date, orgId?: string): Promise<boolean>;
  /** At the start of the serving process: jobs left running by a crash are retried. */
  recover(now: Date): Promise<void>;
  /** Housekeeping the engine needs now and then (pg-boss: archive and expire). */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

/** Seconds before retry number `attempt` (1-based) of a job: the delay doubles each time. */
export function retryDelay(queue: QueueSettings, attempt: number): number {
  return queue.retryDelaySeconds * 2 ** Math.max(0, attempt - 1);
}

/** A failure's message as kept for operators: one line, short, never a stack. */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300) || 'failed';
}
