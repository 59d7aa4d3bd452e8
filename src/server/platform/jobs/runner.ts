import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { claimJobKey, claimScheduleRun } from './keys-repository';
import { PermanentJobError } from './permanent-error';
import { latestDueTime } from './schedule';
import {
  failureMessage,
  queueSettings,
  type ClaimedJob,
  type JobStore,
  type QueueSettings,
} from './store';
import type { JobKind, JobPayload, Jobs, JobSchedule } from './types';

const BATCH = 20;
const POLL_MS = 1000;
const TICK_MS = 20_000;
const MAINTAIN_MS = 10 * 60_000;

export interface JobRunner extends Jobs {
  /** Declares a kind of job; before prepare(). */
  define<P extends JobPayload>(kind: JobKind<P>): void;
  /** Declares a schedule; its job kind must be defined. */
  defineSchedule(schedule: JobSchedule): void;
  /** Makes the store ready for every defined kind (pg-boss: schema and queues). */
  prepare(): Promise<void>;
}

interface RunnerOptions {
  db: Kysely<Database>;
  clock: Clock;
  store: JobStore;
  /** Where failures of jobs and of the loop are reported (the app's log). */
  onError: (error: unknown, job?: { id: string; queue: string }) => void;
}

/** The one runner over either store: enqueue, schedules, polling, drain (see types.ts). */
export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db, clock, store, onError } = options;
  const kinds = new Map<string, { kind: JobKind; queue: QueueSettings }>();
  const schedules: JobSchedule[] = [];
  let timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();

  const known = (name: string) => {
    const found = kinds.get(name);
    if (!found) {
      throw new Error(`no job kind "${name}" is defined`);
    }
    return found;
  };

  async function runOne(job: ClaimedJob, kind: JobKind, queue: QueueSettings): Promise<void> {
    try {
      const payload = kind.parse(job.data);
      await kind.run(payload, { db, clock, jobId: job.id, attempt: job.attempt });
      await store.complete(job, clock.now());
    } catch (error) {
      onError(error, { id: job.id, queue: job.queue });
      const permanent = error instanceof PermanentJobError;
      await store.fail(job, queue, { message: failureMessage(error), permanent }, clock.now());
    }
  }

  /**
   * One pass over every queue; returns how many jobs ran. Queues run side by side, each its jobs
   * in turn: slow webhook receivers never hold up email, nor a sweep the mail it sends.
   */
  async function pass(): Promise<number> {
    const lanes = [...kinds.values()].map(async ({ kind, queue }) => {
      if (queue.concurrency > 1) {
        return runSideBySide(kind, queue);
      }
      let ran = 0;
      for (const job of await store.claim(queue, clock.now(), BATCH)) {
        await runOne(job, kind, queue);
        ran += 1;
      }
      return ran;
    });
    return (await Promise.all(lanes)).reduce((a, b) => a + b, 0);
  }

  /**
   * A queue's jobs, up to `concurrency` at once, each worker taking one job at a time, so a job
   * taken is a job started (with `oneRunningPer`, the store skips values already running). A
   * worker that finds nothing while another is busy waits until a job is taken or ends (which may
   * free a value); the last one to find nothing ends the pass.
   */
  async function runSideBySide(kind: JobKind, queue: QueueSettings): Promise<number> {
    let ran = 0;
    let busy = 0;
    // Counts jobs taken and ended: a worker whose claim found nothing tries again if it moved.
    let changes = 0;
    let waiting: (() => void)[] = [];
    const changed = () => {
      changes += 1;
      const woken = waiting;
      waiting = [];
      woken.forEach((resolve) => resolve());
    };
    const worker = async (): Promise<void> => {
      for (;;) {
        const seen = changes;
        busy += 1;
        let job: ClaimedJob | undefined;
        try {
          [job] = await store.claim(queue, clock.now(), 1);
        } catch (error) {
          busy -= 1;
          changed();
          throw error;
        }
        if (job) {
          changed();
          try {
            await runOne(job, kind, queue);
          } finally {
            busy -= 1;
            ran += 1;
            changed();
          }
        } else if (--busy === 0) {
          changed();
          return;
        } else if (seen === changes) {
          await new Promise<void>((resolve) => waiting.push(resolve));
        }
      }
    };
    await Promise.all(Array.from({ length: queue.concurrency }, worker));
    return ran;
  }

  // One loop at a time in this process: the poll, a tick and a drain never overlap.
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  }

  const runner: JobRunner = {
    engine: store.engine,
    define(kind) {
      if (kinds.has(kind.name)) {
        throw new Error(`job kind "${kind.name}" is defined twice`);
      }
      kinds.set(kind.name, { kind, queue: queueSettings(kind) });
    },
    defineSchedule(schedule) {
      known(schedule.job);
      if (schedules.some((s) => s.name === schedule.name)) {
        throw new Error(`schedule "${schedule.name}" is defined twice`);
      }
      latestDueTime(schedule, clock.now());
      schedules.push(schedule);
    },
    async prepare() {
      await store.prepare([...kinds.values()].map((k) => k.queue));
    },
    async enqueueIn(trx, name, payload: JobPayload, enqueue = {}) {
      const { queue } = known(name);
      const now = clock.now();
      if (
        enqueue.key !== undefined &&
        !(await claimJobKey(trx, name, enqueue.key, now.toISOString()))
      ) {
        return null;
      }
      return store.insert(trx, queue, payload, { now, runAfter: enqueue.startAfter ?? now });
    },
    tick() {
      return exclusive(async () => {
        let enqueued = 0;
        const now = clock.now();
        for (const schedule of schedules) {
          const dueAt = latestDueTime(schedule, now).toISOString();
          // The primary key (schedule, due_at) lets one process win each due time.
          const won = await db.transaction().execute(async (trx) => {
            if (!(await claimScheduleRun(trx, schedule.name, dueAt, now.toISOString()))) {
              return false;
            }
            await runner.enqueueIn(trx, schedule.job, { dueAt, schedule: schedule.name });
            return true;
          });
          enqueued += won ? 1 : 0;
        }
        return enqueued;
      });
    },
    drain() {
      return exclusive(async () => {
        let total = 0;
        for (let ran = await pass(); ran > 0; ran = await pass()) {
          total += ran;
        }
        return total;
      });
    },
    async start() {
      await store.recover(clock.now());
      const every = (ms: number, work: () => Promise<unknown>) => {
        let busy = false;
        const timer = setInterval(() => {
          if (busy) {
            return;
          }
          busy = true;
          work()
            .catch((error: unknown) => onError(error))
            .finally(() => {
              busy = false;
            });
        }, ms);
        timer.unref();
        timers.push(timer);
      };
      every(POLL_MS, () => runner.drain());
      every(TICK_MS, () => runner.tick());
      every(MAINTAIN_MS, () => exclusive(() => store.maintain()));
      // The first tick at once: a schedule missed while no process ran is caught up now.
      await runner.tick().catch((error: unknown) => onError(error));
    },
    async stop() {
      for (const timer of timers) {
        clearInterval(timer);
      }
      timers = [];
      await running;
      await store.close();
    },
    async queues(filter = {}) {
      const counts = await store.queues([...kinds.keys()], filter.orgId);
      return counts.map((count) => ({ ...count, label: known(count.queue).kind.label }));
    },
    list(filter = {}) {
      return store.list({ ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    },
    retry(id, filter = {}) {
      return store.retry(id, clock.now(), filter.orgId);
    },
  };
  return runner;
}
