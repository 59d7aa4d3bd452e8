import type { Transaction } from 'kysely';
import {
  US_JURISDICTION_CODE_LABELS,
  computeBreachDeadlines,
  type BreachDeadlinesInput,
} from '../../../contracts/breach-deadlines';
import type { NoticeDuty } from '../../../contracts/breach-notice-schemas';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { closeTaskIn, openTaskTitled } from '../tasks/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { reference } from './presenter';
import type { IncidentRow } from './repository';

const STATE_NAMES = new Map<string, string>(Object.entries(US_JURISDICTION_CODE_LABELS));

/** A State's name from its code. */
export const stateName = (code: string): string => STATE_NAMES.get(code) ?? code;

export interface NoticeTask {
  duty: NoticeDuty;
  title: string;
  dueOn: string;
}

/** The task each notice a determination makes due asks for, titled and dated from the engine. */
export function noticeTasksOf(incident: IncidentRow, input: BreachDeadlinesInput): NoticeTask[] {
  const due = computeBreachDeadlines(input);
  const ref = reference(incident);
  const tasks: NoticeTask[] = [];
  // 164.404: each person affected (to be checked).
  if (due.individualNoticeBy) {
    tasks.push({
      duty: 'individuals',
      title: `${ref}: send the breach notice to each person affected`,
      dueOn: due.individualNoticeBy,
    });
  }
  // 164.406: prominent media outlets in each State with more than 500 affected (to be checked).
  if (due.mediaNoticeBy) {
    const states = due.mediaNoticeRequiredStates.map(stateName).join(', ');
    tasks.push({
      duty: 'media',
      title: `${ref}: notify the media in ${states}`,
      dueOn: due.mediaNoticeBy,
    });
  }
  // 164.408(b) with the individual notice, or (c) the yearly log of breaches under 500.
  if (due.hhsNoticeBy) {
    tasks.push({
      duty: 'hhs',
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
      duty: 'covered_entity',
      title: `${ref}: notify the covered entity of the breach`,
      dueOn: due.businessAssociateNoticeToCoveredEntityBy,
    });
  }
  return tasks;
}

/**
 * Brings the notice tasks in line with a newly approved determination. The tasks of the version
 * before that no longer apply (no longer a breach, other States, another HHS route, a date moved
 * by a law-enforcement delay) are cancelled; those that still apply stay as they are; a notice due
 * now that has no open task gets one, unless the notices recorded already meet it (`met`). The
 * task reminders remind their owner before the date, then when overdue, and tell the Security
 * Official after the organization's days (tasks/reminders.ts): the escalation.
 */
export async function reconcileNoticeTasksIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incident: IncidentRow,
  change: {
    before: BreachDeadlinesInput | null;
    after: BreachDeadlinesInput | null;
    met: ReadonlySet<NoticeDuty>;
  },
): Promise<void> {
  const before = change.before ? noticeTasksOf(incident, change.before) : [];
  const after = change.after ? noticeTasksOf(incident, change.after) : [];
  const same = (a: NoticeTask, b: NoticeTask) => a.title === b.title && a.dueOn === b.dueOn;
  for (const old of before) {
    if (after.some((task) => same(task, old))) continue;
    const open = await openTaskTitled(trx, orgId, old.title);
    if (open) await closeTaskIn(trx, deps, context, orgId, open.id, { status: 'cancelled' });
  }
  for (const task of after) {
    if (change.met.has(task.duty)) continue;
    if (await openTaskTitled(trx, orgId, task.title)) continue;
    await createSystemTaskIn(
      trx,
      deps,
      context,
      orgId,
      {
        title: task.title,
        dueOn: task.dueOn,
        priority: 'high',
        links: [{ type: 'incident', id: incident.id }],
      },
      { recordOwnerId: incident.owner_id },
    );
  }
}

/**
 * Completes the open task of a duty the notices now meet, and says what happened to it in words:
 * completed, still open and why, or that there is none.
 */
export async function completeNoticeTaskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  task: NoticeTask | undefined,
  state: { met: boolean; why: string },
): Promise<string> {
  if (!task) return 'No deadline of this determination asks for this notice.';
  const open = await openTaskTitled(trx, orgId, task.title);
  if (!open) return `The task “${task.title}” is not open.`;
  if (!state.met) return `The task “${task.title}” stays open: ${state.why}`;
  await closeTaskIn(trx, deps, context, orgId, open.id, {
    status: 'done',
    note: `Recorded as sent: ${state.why}`,
  });
  return `The task “${task.title}” is done.`;
}
