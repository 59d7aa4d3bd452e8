import type { OrganizationCalendar } from '../../platform/org-calendar';
import type { AppDeps } from '../../platform/deps';
import { addDays } from '../../platform/time';
import { catalog } from '../catalog/content';
import type { NotifyInput } from '../notifications/notify';
import { LOOK_BACK_DAYS, reminderSweep } from '../notifications/sweep';
import { listReviewsDueBetween } from './reminders-repository';

const REVIEW_NOTICE_DAYS = 14;

/**
 * A safeguard record whose review falls due within two weeks (or passed lately) tells its owner,
 * else the Security Official: 164.316(b)(2)(iii), documentation is reviewed periodically.
 */
export async function safeguardNotices(
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
    const title = catalog().byId.get(row.requirement_id)?.title ?? '';
    return [
      {
        orgId: org.orgId,
        userId: to,
        kind: 'safeguard.review_due',
        record: { type: 'safeguard', id: row.requirement_id },
        title: `${row.requirement_id} ${title}`.trim(),
        dueOn: row.next_review_on,
        key: `safeguard.review_due:${row.requirement_id}:${row.next_review_on}`,
      },
    ];
  });
}

export const safeguardReminders = reminderSweep(
  'safeguards.remind',
  'Safeguard review reminders',
  safeguardNotices,
);
