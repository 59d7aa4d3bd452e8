import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { syncTrainingIn } from './sync';

/**
 * Asks a person just added to the roster, or moved into a department or role, for the training
 * their audiences owe today (once, yearly, at hire), in the caller's transaction: as the assign
 * dialog promises, without waiting for the next sweep (164.308(a)(5)(i): training for each member
 * of the workforce). Audited when it asks anything.
 */
export async function askTrainingOfPersonIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  personId: string,
): Promise<number> {
  const today = await organizationToday(trx, deps.clock, orgId);
  const now = deps.clock.now().toISOString();
  const added = await syncTrainingIn(trx, orgId, today, now, undefined, [personId]);
  if (added > 0) {
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training.cycles_added',
      entity: { type: 'person', id: personId },
      changes: { records: { after: added } },
    });
  }
  return added;
}
