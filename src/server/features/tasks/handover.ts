import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { notifyHandoverIn } from '../notifications/notify';
import { listTasks, updateTask } from './repository';
import { systemTaskOwnerIn } from './task-owner';

/**
 * Hands on the open tasks of someone who can no longer do them (removed from the organization, or
 * now in a role that cannot complete tasks): to the Security Official, else the person acting,
 * else nobody (the dashboard then lists them as unowned). Each change is audited; the heir gets a
 * notice per task and one email for them all. Call it after
 * the membership changed, in the same transaction. 164.308(a)(3)(ii)(C): work does not stay with
 * someone whose access ended.
 */
export async function handOnOpenTasksIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  userId: string,
): Promise<number> {
  const tasks = await listTasks(trx, orgId, {
    statuses: ['open', 'in_progress'],
    ownerId: userId,
    limit: 100_000,
  });
  if (tasks.length === 0) return 0;
  const heir = await systemTaskOwnerIn(trx, deps, context, orgId, {});
  const now = deps.clock.now().toISOString();
  for (const task of tasks) {
    await updateTask(trx, orgId, task.id, { owner_id: heir, updated_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'task.changed',
      entity: { type: 'task', id: task.id },
      changes: { ownerId: { before: userId, after: heir } },
    });
  }
  // A notice per task in the bell, one email for them all (not one per task).
  await notifyHandoverIn(trx, deps, context, {
    orgId,
    ownerId: heir,
    previousOwnerId: userId,
    kind: 'task.assigned',
    records: tasks.map((task) => ({
      record: { type: 'task', id: task.id },
      title: `TASK-${task.number} ${task.title}`,
      dueOn: task.due_on,
    })),
  });
  return tasks.length;
}
