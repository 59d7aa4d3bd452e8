import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { evidenceLinkForIn } from '../evidence/link-for';
import { createLinkIn } from '../links/service';

/**
 * The address a task was completed with becomes evidence (issue 14): an evidence item of kind link,
 * collected on the day of completion and linked to the task, so it is dated, kept and listed with
 * the rest of the evidence (164.316(b)(2)(i)) rather than a field of the task.
 */
export async function recordCompletionEvidenceIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  task: { id: string; number: number; title: string },
  url: string,
): Promise<void> {
  const evidenceId = await evidenceLinkForIn(trx, deps, context, orgId, {
    url,
    title: `Completion of TASK-${task.number} ${task.title}`,
    collectedOn: await organizationToday(trx, deps.clock, orgId),
  });
  await createLinkIn(
    trx,
    deps,
    context,
    orgId,
    { from: { type: 'task', id: task.id }, to: { type: 'evidence', id: evidenceId } },
    { from: 'params.taskId', to: 'body.evidenceUrl' },
  );
}
