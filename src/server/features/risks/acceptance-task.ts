import type { Database } from '../../db/schema';
import type { RisksTable } from './tables';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { linkedIds } from '../links/service';
import { taskSummaries } from '../tasks/summaries';
import { closeTaskIn } from '../tasks/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import type { Transaction } from 'kysely';

// 164.308(a)(1)(ii)(B): a risk kept rather than reduced is a decision someone with authority owns.
// Who approved is who acted (design.md §6.2): an editor sets the treatment "accept", which stays
// pending until an approver accepts it with their own request; a task asks them to.

/** The title of the task asking an approver to accept (or decline) a risk. */
export function acceptanceTaskTitle(reference: string): string {
  return `Approve or decline accepting ${reference}`;
}

/** Open tasks asking an approver to accept this risk. */
export async function openAcceptanceTasks(
  trx: Transaction<Database>,
  orgId: string,
  risk: Pick<RisksTable, 'id' | 'number'>,
) {
  const ids = (await linkedIds(trx, orgId, 'risk', [risk.id], 'task')).get(risk.id) ?? [];
  const tasks = await taskSummaries(trx, orgId, ids);
  const title = acceptanceTaskTitle(`RISK-${risk.number}`);
  return [...tasks.values()].filter(
    (t) => t.title === title && (t.status === 'open' || t.status === 'in_progress'),
  );
}

/**
 * Keeps the acceptance task in step with a change of treatment made by an editor: moving to
 * "accept" without an approver raises one, owned by the first who may approve of the risk's owner,
 * the Security Official and the editor (`systemTaskOwnerIn`), moving away from "accept" cancels it.
 */
export async function followAcceptanceIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  before: Pick<RisksTable, 'treatment'>,
  after: Pick<RisksTable, 'id' | 'number' | 'title' | 'treatment' | 'accepted_by' | 'owner_id'>,
): Promise<void> {
  const open = await openAcceptanceTasks(trx, orgId, after);
  if (after.treatment !== 'accept') {
    for (const task of open) {
      await closeTaskIn(trx, deps, context, orgId, task.id, { status: 'cancelled' });
    }
    return;
  }
  if (before.treatment === 'accept' || after.accepted_by || open.length > 0) return;
  const today = await organizationToday(trx, deps.clock, orgId);
  await createSystemTaskIn(
    trx,
    deps,
    context,
    orgId,
    {
      title: acceptanceTaskTitle(`RISK-${after.number}`),
      description: `"${after.title}" is to be accepted rather than reduced. An owner, admin or security official accepts it on the risk with an expiry date, which records them as its approver, or declines it (164.308(a)(1)(ii)(B)).`,
      dueOn: addDays(today, 14),
      priority: 'high',
      links: [{ type: 'risk', id: after.id }],
    },
    { recordOwnerId: after.owner_id, able: 'risks.approve' },
  );
}
