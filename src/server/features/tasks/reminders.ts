import type { OrganizationCalendar } from '../../platform/org-calendar';
import type { AppDeps } from '../../platform/deps';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { daysBetween, LOOK_BACK_DAYS, reminderSweep } from '../notifications/sweep';
import { listOpenTasksDueBetween } from './reminders-repository';

/**
 * What the organization's open tasks call for today: the owner of a task due today or tomorrow is
 * reminded, the owner of an overdue one told, and the Security Official told of one overdue by the
 * organization's number of days (164.308(a)(2): the official answers for the program). Keys name
 * the task and its due date: a new due date is a new reminder.
 */
export async function taskNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const from = addDays(org.today, -(LOOK_BACK_DAYS + org.escalateOverdueAfterDays));
  const to = addDays(org.today, 1);
  const tasks = await listOpenTasksDueBetween(deps.database.db, org.orgId, from, to);
  return tasks.flatMap((task) => {
    const dueOn = task.due_on ?? org.today;
    const late = daysBetween(dueOn, org.today);
    const notice = (userId: string, kind: NotifyInput['kind']): NotifyInput => ({
      orgId: org.orgId,
      userId,
      kind,
      record: { type: 'task', id: task.id },
      title: `TASK-${task.number} ${task.title}`,
      dueOn,
      key: `${kind}:${task.id}:${dueOn}`,
    });
    const notices: NotifyInput[] = [];
    if (task.owner_id && late <= 0) notices.push(notice(task.owner_id, 'task.due_soon'));
    if (task.owner_id && late > 0 && late <= LOOK_BACK_DAYS) {
      notices.push(notice(task.owner_id, 'task.overdue'));
    }
    if (org.securityOfficialId && late >= org.escalateOverdueAfterDays) {
      notices.push(notice(org.securityOfficialId, 'task.escalated'));
    }
    return notices;
  });
}

export const taskReminders = reminderSweep('tasks.remind', 'Task reminders', taskNotices);
