import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { addDays, addMonths } from '../../platform/time';
import { closeTaskIn, openTaskTitled } from '../tasks/service';
import { changeRecordedFor, findChangeKindsSince } from './changes-repository';
import { createLinkIn } from '../links/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import type { Transaction } from 'kysely';

/** The risk analysis requirement: the record these reminders are about. */
const RISK_ANALYSIS = '164.308(a)(1)(ii)(A)';

export const CHANGE_TASK_TITLE = 'Update the risk analysis for significant changes';
const CHANGE_LABELS = {
  new_system: 'New system with ePHI',
  new_vendor: 'New vendor',
  security_incident: 'Security incident',
  other: 'Other change',
} as const;

/** The record a change is about, when it has one (an incident): linked to the task, once. */
export interface ChangeSubject {
  readonly type: 'incident';
  readonly id: string;
}

/**
 * Records a significant change to the environment and makes sure a task asks for the risk analysis
 * to be updated (164.308(a)(1)(ii)(A)–(B), 164.316(b)(2)(iii): review in response to changes). One
 * open task collects the changes; each change is in the audit trail. The task is about the risk
 * analysis, which has no owner of its own: the Security Official owns it, else who recorded it.
 */
export async function recordSignificantChangeIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  change: { kind: keyof typeof CHANGE_LABELS; description: string; subject?: ChangeSubject },
): Promise<void> {
  const { subject } = change;
  // A record is a significant change once, however often it is saved (a serious incident).
  if (subject && (await changeRecordedFor(trx, orgId, subject))) return;
  // The task first: every change it collects is then recorded no earlier than it was raised.
  const open = await openTaskTitled(trx, orgId, CHANGE_TASK_TITLE);
  if (!open) {
    const today = await organizationToday(trx, deps.clock, orgId);
    await createSystemTaskIn(trx, deps, context, orgId, {
      title: CHANGE_TASK_TITLE,
      description: `${CHANGE_LABELS[change.kind]}: ${change.description}. Add its assets, flows and risks to the register and rate them (164.308(a)(1)(ii)(A)). Later changes are in the audit trail.`,
      dueOn: addDays(today, 30),
      priority: 'high',
      links: [{ type: 'safeguard', id: RISK_ANALYSIS }, ...(subject ? [subject] : [])],
    });
  } else if (subject) {
    // The open task collects the change: linked to its record, so both show the other.
    await createLinkIn(trx, deps, context, orgId, {
      from: { type: 'task', id: open.id },
      to: subject,
    });
  }
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'risk_analysis.change_recorded',
    ...(subject ? { entity: subject } : {}),
    changes: { kind: { after: change.kind }, description: { after: change.description } },
  });
}

/**
 * After an approval: the open "significant changes" task is done when the approved assessment
 * covers every change recorded since it was raised. A new system with ePHI is covered (the
 * approval's snapshot holds the inventory as it is now); a vendor, an incident or another change
 * is left for a person to judge. Completed by the approver, naming the assessment, audited
 * (164.308(a)(1)(ii)(A), 164.316(b)(2)(iii): the analysis updated in response to the change).
 */
export async function completeCoveredChangeTaskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reference: string,
): Promise<void> {
  const task = await openTaskTitled(trx, orgId, CHANGE_TASK_TITLE);
  if (!task) return;
  const kinds = await findChangeKindsSince(trx, orgId, task.createdAt);
  if (kinds.length === 0 || kinds.some((kind) => kind !== 'new_system')) return;
  await closeTaskIn(trx, deps, context, orgId, task.id, {
    status: 'done',
    note: `Covered by the approval of ${reference}: its inventory holds the new systems with ePHI.`,
  });
}

/** POST …/significant-changes: records the change in its own transaction. */
export async function recordSignificantChange(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  change: { kind: keyof typeof CHANGE_LABELS; description: string },
): Promise<void> {
  await deps.database.db
    .transaction()
    .execute((trx) => recordSignificantChangeIn(trx, deps, context, orgId, change));
}

/**
 * The yearly update of an approved analysis, due twelve months after its approval; the Security
 * Official's, else the approver's.
 */
export async function scheduleReviewIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reference: string,
  approvedOn: string,
): Promise<void> {
  await createSystemTaskIn(trx, deps, context, orgId, {
    title: `Update the risk analysis (${reference} turns 12 months old)`,
    description:
      'Start a new assessment from the approved one, review every risk and approve it (164.308(a)(1)(ii)(A), 164.316(b)(2)(iii)).',
    dueOn: addMonths(approvedOn, 12),
    priority: 'high',
    // Listed among the open tasks of the risk analysis record.
    links: [{ type: 'safeguard', id: RISK_ANALYSIS }],
  });
}
