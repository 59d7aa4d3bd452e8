import type { Db } from '../../platform/db/types';
import { findTaskStates, findTaskSummaries, listTasks } from './repository';

/** Tasks by id with reference, title and status (for plans made of tasks). */
export async function taskSummaries(db: Db, orgId: string, ids: readonly string[]) {
  const rows = await findTaskSummaries(db, orgId, ids);
  return new Map(
    rows.map((t) => [
      t.id,
      { id: t.id, reference: `TASK-${t.number}`, title: t.title, status: t.status },
    ]),
  );
}

/**
 * A person's open tasks due on or before `until` (overdue ones included), earliest first, at most
 * `limit`: what the notifications digest lists.
 */
export async function openTasksOfOwnerDueBy(
  db: Db,
  orgId: string,
  ownerId: string,
  until: string,
  limit: number,
) {
  const rows = await listTasks(db, orgId, { statuses: ['open', 'in_progress'], ownerId, limit });
  return rows
    .filter((t) => t.due_on !== null && t.due_on <= until)
    .map((t) => ({
      id: t.id,
      reference: `TASK-${t.number}`,
      title: t.title,
      dueOn: t.due_on ?? until,
    }));
}

/** Tasks by id with reference, status, owner and due date (checklists made of tasks). */
export async function taskStates(db: Db, orgId: string, ids: readonly string[]) {
  const rows = await findTaskStates(db, orgId, ids);
  return new Map(
    rows.map((t) => [
      t.id,
      {
        id: t.id,
        reference: `TASK-${t.number}`,
        status: t.status,
        owner: t.owner_id ? { id: t.owner_id, name: t.owner_name ?? 'Former member' } : null,
        dueOn: t.due_on,
      },
    ]),
  );
}
