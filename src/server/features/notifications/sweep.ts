import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import {
  organizationCalendarsUnscoped,
  type OrganizationCalendar,
} from '../../platform/org-calendar';
import { notifyEachOnceIn, notifyMemo, type NotifyInput } from './notify';

/** What a feature's sweep finds due in one organization today. */
export type NoticesOf = (
  deps: AppDeps,
  org: OrganizationCalendar,
) => Promise<readonly NotifyInput[]>;

/** Notices per transaction: a backlog is written in short transactions, memory bounded. */
const SLICE = 500;

/**
 * Runs `noticesOf` for every organization, on its own day, and sends each notice once, ever (its
 * key): running the sweep again changes nothing. A person gets a few emails from one sweep; the
 * rest of a backlog waits for their digest (notify.ts).
 */
export async function sweepEveryOrganization(deps: AppDeps, noticesOf: NoticesOf): Promise<number> {
  let sent = 0;
  for (const org of await organizationCalendarsUnscoped(deps.database.db, deps.clock)) {
    const notices = await noticesOf(deps, org);
    const memo = notifyMemo();
    for (let start = 0; start < notices.length; start += SLICE) {
      const slice = notices.slice(start, start + SLICE);
      sent += await deps.database.db
        .transaction()
        .execute((trx) => notifyEachOnceIn(trx, deps, org.orgId, slice, memo));
    }
  }
  return sent;
}

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });

/**
 * A feature's reminder sweep as a job kind and its schedule (every 15 minutes): declare `kind` in
 * the manifest's `jobs` and `schedule` in its `schedules`.
 */
export function reminderSweep(
  name: string,
  label: string,
  noticesOf: NoticesOf,
): { kind: (deps: AppDeps) => JobKind; schedule: JobSchedule } {
  return {
    kind: (deps) => ({
      name,
      label,
      parse: (data) => Scheduled.parse(data),
      run: async () => {
        await sweepEveryOrganization(deps, noticesOf);
      },
    }),
    schedule: { name, cron: '*/15 * * * *', job: name },
  };
}

/** Days from `from` to `to` (dates, YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** How far back sweeps look for what fell due: older notices were sent when it fell due. */
export const LOOK_BACK_DAYS = 60;
