import type { Db } from '../db/types';

/** Claims `key` for `queue`; false when it was claimed before (EnqueueOptions.key). */
export async function claimJobKey(
  db: Db,
  queue: string,
  key: string,
  at: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_keys')
    .values({ queue, key, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims a schedule's due time for this process; false when another process has it. */
export async function claimScheduleRun(
  db: Db,
  schedule: string,
  dueAt: string,
  at: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_schedule_runs')
    .values({ schedule, due_at: dueAt, enqueued_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}
