import { appendAuditEvent, SYSTEM_CONTEXT } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { OrganizationCalendar } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import type { NotifyInput } from '../notifications/notify';
import { reminderSweep } from '../notifications/sweep';
import { listTrainings } from './repository';
import { syncTrainingIn } from './sync';

/** Days before its due date that a person is first told of their training. */
export const TRAINING_NOTICE_DAYS = 14;

/**
 * Every 15 minutes, per organization on its own day: first the assignments are brought up to date
 * (new people in an audience, new yearly cycles), then reminders (164.308(a)(5)(i)): each person
 * with an account is told once when their training is within two weeks of its due date, again once
 * overdue; the Security Official is told once per training overdue by the organization's
 * escalation days.
 */
export async function trainingNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<NotifyInput[]> {
  const now = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const added = await syncTrainingIn(trx, org.orgId, org.today, now);
    // Every write is audited (164.312(b)); the completion report also counts again on it.
    if (added > 0) {
      await appendAuditEvent(trx, deps, SYSTEM_CONTEXT, {
        orgId: org.orgId,
        action: 'training.cycles_added',
        changes: { records: { after: added } },
      });
    }
  });
  const open = (await listTrainings(deps.database.db, org.orgId, { currentOnly: true })).filter(
    (r) => r.completed_at === null,
  );
  const notices: NotifyInput[] = [];
  for (const row of open) {
    const notice = (userId: string, kind: NotifyInput['kind'], key: string): NotifyInput => ({
      orgId: org.orgId,
      userId,
      kind,
      record: { type: 'training', id: row.id },
      title: `Training: ${row.course_title}${userId === row.user_id ? '' : ` (${row.person_name})`}`,
      dueOn: row.due_on,
      key,
    });
    if (row.user_id !== null && org.today >= addDays(row.due_on, -TRAINING_NOTICE_DAYS)) {
      notices.push(notice(row.user_id, 'training.due', `training.due:${row.id}`));
    }
    if (row.user_id !== null && org.today > row.due_on) {
      notices.push(notice(row.user_id, 'training.overdue', `training.late:${row.id}`));
    }
    if (
      org.securityOfficialId &&
      org.today > row.due_on &&
      org.today >= addDays(row.due_on, org.escalateOverdueAfterDays)
    ) {
      notices.push(
        notice(org.securityOfficialId, 'training.escalated', `training.escalated:${row.id}`),
      );
    }
  }
  return notices;
}

export const trainingReminders = reminderSweep(
  'training.remind',
  'Training assignments and reminders',
  trainingNotices,
);
