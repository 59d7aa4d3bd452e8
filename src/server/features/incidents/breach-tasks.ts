import type { Transaction } from 'kysely';
import {
  US_JURISDICTION_CODE_LABELS,
  computeBreachDeadlines,
  type BreachDeadlinesInput,
} from '../../../contracts/breach-deadlines';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { reference } from './presenter';
import type { IncidentRow } from './repository';

const STATE_NAMES = new Map<string, string>(Object.entries(US_JURISDICTION_CODE_LABELS));

/**
 * The notices an approved breach makes due, as tasks due on the engine's dates and linked to the
 * incident. The task reminders remind their owner before the date, then when overdue, and tell
 * the Security Official after the organization's days (tasks/reminders.ts): the escalation.
 */
export async function raiseNoticeTasksIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incident: IncidentRow,
  input: BreachDeadlinesInput,
): Promise<void> {
  const due = computeBreachDeadlines(input);
  const ref = reference(incident);
  const tasks: { title: string; dueOn: string }[] = [];
  // 164.404: each person affected (to be checked).
  if (due.individualNoticeBy) {
    tasks.push({
      title: `${ref}: send the breach notice to each person affected`,
      dueOn: due.individualNoticeBy,
    });
  }
  // 164.406: prominent media outlets in each State with more than 500 affected (to be checked).
  if (due.mediaNoticeBy) {
    const states = due.mediaNoticeRequiredStates.map((s) => STATE_NAMES.get(s) ?? s).join(', ');
    tasks.push({ title: `${ref}: notify the media in ${states}`, dueOn: due.mediaNoticeBy });
  }
  // 164.408(b) with the individual notice, or (c) the yearly log of breaches under 500.
  if (due.hhsNoticeBy) {
    tasks.push({
      title:
        due.hhsNotice === 'annual'
          ? `${ref}: report the yearly log of breaches under 500 to HHS`
          : `${ref}: notify HHS through its breach portal`,
      dueOn: due.hhsNoticeBy,
    });
  }
  // 164.410: a business associate notifies the covered entity.
  if (due.businessAssociateNoticeToCoveredEntityBy) {
    tasks.push({
      title: `${ref}: notify the covered entity of the breach`,
      dueOn: due.businessAssociateNoticeToCoveredEntityBy,
    });
  }
  for (const task of tasks) {
    await createSystemTaskIn(
      trx,
      deps,
      context,
      orgId,
      { ...task, priority: 'high', links: [{ type: 'incident', id: incident.id }] },
      { recordOwnerId: incident.owner_id },
    );
  }
}
