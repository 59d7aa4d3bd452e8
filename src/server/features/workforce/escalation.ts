import type { AppDeps } from '../../platform/deps';
import type { OrganizationCalendar } from '../../platform/org-calendar';
import { dueDayIn } from './end-of-day';
import type { NotifyInput } from '../notifications/notify';
import { reminderSweep } from '../notifications/sweep';
import { overdueTerminationItems } from './checklists';

/**
 * Termination items past their deadline, by the hour rather than the day: the task's owner is told,
 * and the Security Official at once (164.308(a)(2): the official answers for the program;
 * 164.308(a)(3)(ii)(C): access must end when employment ends). Once per item and person, ever.
 */
export async function terminationNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const items = await overdueTerminationItems(deps, org.orgId);
  return items.flatMap((item) => {
    const notice = (userId: string, kind: NotifyInput['kind']): NotifyInput => ({
      orgId: org.orgId,
      userId,
      kind,
      record: { type: 'task', id: item.task_id },
      title: `${item.reference} ${item.title}`,
      dueOn: dueDayIn(org.timeZone, new Date(item.due_at)),
      key: `termination:${kind}:${item.id}`,
    });
    return [
      ...(item.ownerId ? [notice(item.ownerId, 'task.overdue')] : []),
      ...(org.securityOfficialId ? [notice(org.securityOfficialId, 'task.escalated')] : []),
    ];
  });
}

export const terminationEscalation = reminderSweep(
  'workforce.escalate',
  'Overdue termination tasks',
  terminationNotices,
);
