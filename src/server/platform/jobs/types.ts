import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';

/**
 * What a job carries: ids, references and dates, never PHI (164.312(a)(1): a job row is read by
 * operators through `custos jobs`). Flat, so both engines store it as plain JSON.
 */
export type JobPayload = Readonly<Record<string, string | number | boolean | null>>;

/** What a job's `run` receives besides its payload. */
export interface JobContext {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** The job's id, as `custos jobs` shows it. */
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
}

/**
 * A kind of background work, declared by the feature that owns it (its manifest's `jobs`). The
 * name is the queue: `<feature>.<verb>`, e.g. `mail.send`, `webhooks.deliver`.
 */
export interface JobKind<P extends JobPayload = JobPayload> {
  readonly name: string;
  /** What the queue does, for people ("Sending email"). */
  readonly label: string;
  /** Retries after the first attempt before the job is dead (default 5). */
  readonly retryLimit?: number;
  /** Seconds before the first retry; each later one waits twice as long (default 30). */
  readonly retryDelaySeconds?: number;
  /** How many jobs of this kind one process runs at once (default 1: one after another). */
  readonly concurrency?: number;
  /**
   * A payload field, e.g. `orgId`: a job does not start while another job of this kind with the
   * same value runs, so one organization's slow jobs never hold up another's (with `concurrency`).
   */
  readonly oneRunningPer?: string;
  /** Checks the stored payload when the job runs; throws when it is not this kind's. */
  readonly parse: (data: unknown) => P;
  /**
   * Does the work; a throw fails this attempt (retried, then dead; a `PermanentJobError`: dead at
   * once). Must be safe to run twice.
   * (Method syntax, so a kind of any payload fits a list of kinds.)
   */
  run(payload: P, context: JobContext): Promise<void>;
}

/**
 * Work on a timetable, e.g. the reminder sweep every 15 minutes. At each due time the runner
 * enqueues `job` once with `{ dueAt }` (ISO), however many Custos processes share the database.
 */
export interface JobSchedule {
  /** Unique among schedules; the once-per-due-time key. */
  readonly name: string;
  /** Five-field cron expression (minute hour day month weekday). */
  readonly cron: string;
  /** Zone the cron is read in; UTC by default. Per-organization hours are the job's business. */
  readonly timeZone?: string;
  /** The JobKind to enqueue. */
  readonly job: string;
}

export interface EnqueueOptions {
  /** Not before this time (the app clock's time). */
  readonly startAfter?: Date;
  /**
   * At most one job with this key ever exists for the kind: a second enqueue with the same key is
   * ignored (e.g. `reminder:<taskId>:<dueOn>`).
   */
  readonly key?: string;
}

/** How a job stands, in words the jobs page and `custos jobs` show. */
export type JobState = 'waiting' | 'running' | 'retrying' | 'done' | 'dead' | 'cancelled';

export interface JobView {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  /** Attempts made so far. */
  readonly attempts: number;
  readonly createdAt: string;
  /** When it may next run (waiting, retrying). */
  readonly runAfter: string | null;
  readonly finishedAt: string | null;
  /** The last failure's message, cut short; never a payload. */
  readonly lastError: string | null;
}

/**
 * Which jobs to show. `orgId`: only jobs whose payload names that organization (`orgId`), so an
 * organization's owners see their own mail and deliveries and nothing of another organization.
 */
export interface JobFilter {
  readonly state?: JobState;
  readonly queue?: string;
  readonly orgId?: string;
  readonly limit?: number;
}

export interface QueueView {
  readonly queue: string;
  /** The kind's label. */
  readonly label: string;
  readonly waiting: number;
  readonly running: number;
  readonly retrying: number;
  readonly dead: number;
}

/**
 * Background work on either database: an in-process runner on SQLite (one process by design),
 * pg-boss on PostgreSQL. The app builds one and hands it to features through AppDeps.
 */
export interface Jobs {
  readonly engine: 'sqlite' | 'pg-boss';
  /**
   * Adds a job in the caller's transaction, so it exists only if that commits. Returns the job's
   * id, or null when `key` already names one.
   */
  enqueueIn(
    trx: Transaction<Database>,
    kind: string,
    payload: JobPayload,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /**
   * Enqueues every schedule whose due time has come (by the app clock) and that no process has
   * enqueued for that due time yet. The runner calls it each minute; tests call it directly.
   */
  tick(): Promise<number>;
  /** Runs every job that is due now, until none is left; returns how many ran (tests, CLI). */
  drain(): Promise<number>;
  /** Starts polling and the schedule tick; stop() waits for running jobs. */
  start(): Promise<void>;
  stop(): Promise<void>;
  queues(filter?: { orgId?: string }): Promise<QueueView[]>;
  list(filter?: JobFilter): Promise<JobView[]>;
  /**
   * Puts a dead (or cancelled) job back in its queue; false when no such job may be retried (with
   * `orgId`: when it is not that organization's).
   */
  retry(id: string, filter?: { orgId?: string }): Promise<boolean>;
}
