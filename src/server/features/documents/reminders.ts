import type { AppDeps } from '../../platform/deps';
import type { OrganizationCalendar } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { LOOK_BACK_DAYS, reminderSweep } from '../notifications/sweep';
import { reference } from './presenter';
import { listReviewsDueBetween } from './repository';

/** How long before its review date a policy's owner hears of it. */
export const REVIEW_NOTICE_DAYS = 30;

/**
 * A policy whose review falls due within a month (or passed lately) tells its owner, else the
 * Security Official: 164.316(b)(2)(iii), documentation is reviewed periodically and updated. The
 * key names the document and its review date: a review recorded moves the date, a new reminder.
 */
export async function documentNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const rows = await listReviewsDueBetween(
    deps.database.db,
    org.orgId,
    addDays(org.today, -LOOK_BACK_DAYS),
    addDays(org.today, REVIEW_NOTICE_DAYS),
  );
  return rows.flatMap((row) => {
    const to = row.owner_id ?? org.securityOfficialId;
    if (!to || !row.next_review_on) return [];
    return [
      {
        orgId: org.orgId,
        userId: to,
        kind: 'document.review_due',
        record: { type: 'document', id: row.id },
        title: `${reference(row.number)} ${row.title}`,
        dueOn: row.next_review_on,
        key: `document.review_due:${row.id}:${row.next_review_on}`,
      },
    ];
  });
}

export const documentReminders = reminderSweep(
  'documents.remind',
  'Policy review reminders',
  documentNotices,
);
