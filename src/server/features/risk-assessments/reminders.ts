import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { addDays, addMonths } from '../../platform/time';
import { openTaskTitled } from '../tasks/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import type { Transaction } from 'kysely';

export const CHANGE_TASK_TITLE = 'Update the risk analysis for significant changes';
const CHANGE_LABELS = {
  new_system: 'New system with ePHI',
  new_vendor: 'New vendor',
  security_incident: 'Security incident',
  other: 'Other change',
} as const;

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
  change: { kind: keyof typeof CHANGE_LABELS; description: string },
): Promise<void> {
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'risk_analysis.change_recorded',
    changes: { kind: { after: change.kind }, description: { after: change.description } },
  });
  if (await openTaskTitled(trx, orgId, CHANGE_TASK_TITLE)) return;
  const today = await organizationToday(trx, deps.clock, orgId);
  await createSystemTaskIn(trx, deps, context, orgId, {
    title: CHANGE_TASK_TITLE,
    description: `${CHANGE_LABELS[change.kind]}: ${change.description}. Add its assets, flows and risks to the register and rate them (164.308(a)(1)(ii)(A)). Later changes are in the audit trail.`,
    dueOn: addDays(today, 30),
    priority: 'high',
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
  });
}
