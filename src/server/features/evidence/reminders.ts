import type { AppDeps } from '../../platform/deps';
import type { OrganizationCalendar } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { LOOK_BACK_DAYS, reminderSweep } from '../notifications/sweep';
import { reference } from './presenter';
import { listEvidenceDueForRefresh } from './repository';

/**
 * Evidence whose refresh date has passed tells its owner, once per refresh date (the key names the
 * item and the date: a new refresh date is a new reminder). 164.316(b)(2)(iii): documentation is
 * reviewed and updated; stale evidence no longer shows a safeguard working.
 */
export async function staleEvidenceNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const items = await listEvidenceDueForRefresh(
    deps.database.db,
    org.orgId,
    addDays(org.today, -LOOK_BACK_DAYS),
    addDays(org.today, -1),
  );
  return items.flatMap((item) =>
    item.owner_id === null || item.refresh_on === null
      ? []
      : [
          {
            orgId: org.orgId,
            userId: item.owner_id,
            kind: 'evidence.stale' as const,
            record: { type: 'evidence' as const, id: item.id },
            title: `${reference(item.number)} ${item.title}`,
            dueOn: item.refresh_on,
            key: `evidence.stale:${item.id}:${item.refresh_on}`,
          },
        ],
  );
}

export const evidenceReminders = reminderSweep(
  'evidence.remind',
  'Stale evidence reminders',
  staleEvidenceNotices,
);
