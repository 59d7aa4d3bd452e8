import { z } from 'zod';
import { RECURRENCE_MONTHS } from '../../../contracts/access-reviews';
import { SYSTEM_CONTEXT } from '../../platform/audit/append';
import { memberHolds, memberIsActive } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import { organizationCalendarsUnscoped } from '../../platform/org-calendar';
import { addDays, addMonths } from '../../platform/time';
import { recurringWithoutSuccessorUnscoped } from './repository';
import { createReviewIn } from './reviews';
import type { AccessReviewsTable } from './tables';

export const RECUR_JOB = 'access-reviews.recur';

/** The period after a review's: as long in months, starting the day after it ends. */
export function nextPeriod(
  row: Pick<AccessReviewsTable, 'recurrence' | 'period_start' | 'period_end' | 'due_on'>,
) {
  const months = RECURRENCE_MONTHS[row.recurrence];
  return {
    start: addMonths(row.period_start, months),
    // Month ends stay month ends: 31 Mar + 3 months is 30 Jun (the day before 1 Jul).
    end: addDays(addMonths(addDays(row.period_end, 1), months), -1),
    dueOn: addMonths(row.due_on, months),
  };
}

/**
 * Repeats recurring reviews (164.308(a)(4)(ii)(C): access is reviewed periodically): once the next
 * period of a review has begun in its organization's calendar, the next review is created, with the
 * same system, reviewer (or the Security Official when the reviewer's access ended) and source.
 * The unique (org, previous) key makes a second run, or a second process, create nothing more.
 */
export async function repeatReviews(deps: AppDeps): Promise<number> {
  const db = deps.database.db;
  const calendars = new Map(
    (await organizationCalendarsUnscoped(db, deps.clock)).map((c) => [c.orgId, c]),
  );
  const now = deps.clock.now().toISOString();
  let created = 0;
  for (const row of await recurringWithoutSuccessorUnscoped(db)) {
    const calendar = calendars.get(row.org_id);
    const next = nextPeriod(row);
    if (!calendar || calendar.today < next.start) continue;
    await db.transaction().execute(async (trx) => {
      const fit = async (id: string | null) =>
        id !== null &&
        (await memberIsActive(trx, row.org_id, id, now)) &&
        (await memberHolds(trx, row.org_id, id, 'access.review'));
      const reviewer = (await fit(row.reviewer_id))
        ? row.reviewer_id
        : (await fit(calendar.securityOfficialId))
          ? calendar.securityOfficialId
          : null;
      if (reviewer === null) return;
      await createReviewIn(trx, deps, SYSTEM_CONTEXT, row.org_id, {
        asset_id: row.asset_id,
        reviewer_id: reviewer,
        period_start: next.start,
        period_end: next.end,
        due_on: next.dueOn,
        recurrence: row.recurrence,
        source: row.source,
        previous_id: row.id,
        created_by: null,
      });
      created += 1;
    });
  }
  return created;
}

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });

export const recurKind = (deps: AppDeps): JobKind => ({
  name: RECUR_JOB,
  label: 'Starting the next recurring access reviews',
  parse: (data) => Scheduled.parse(data),
  run: async () => {
    await repeatReviews(deps);
  },
});

/** Hourly, so each organization's new period begins within the hour of its local midnight. */
export const recurSchedule: JobSchedule = { name: RECUR_JOB, cron: '7 * * * *', job: RECUR_JOB };
