import type { Transaction } from 'kysely';
import type { TaskCreateBody } from '../../../contracts/tasks';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { createTaskIn } from './service';
import { systemTaskOwnerIn, type TaskSubject } from './task-owner';

/**
 * Creates a task the system raises (a reminder, an approval to give, a next occurrence) in the
 * caller's transaction, always with an owner when one can be found (issue 12): `body.ownerId`
 * when given, else the owner `systemTaskOwnerIn` picks.
 */
export async function createSystemTaskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: TaskCreateBody,
  subject: TaskSubject = {},
): Promise<string> {
  const ownerId = body.ownerId ?? (await systemTaskOwnerIn(trx, deps, context, orgId, subject));
  return createTaskIn(trx, deps, context, orgId, { ...body, ownerId });
}
