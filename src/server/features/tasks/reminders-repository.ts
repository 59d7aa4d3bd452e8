import type { Db } from '../../platform/db/types';

/** Open tasks of the organization falling due from `from` to `to` (inclusive), by due date. */
export async function listOpenTasksDueBetween(db: Db, orgId: string, from: string, to: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'number', 'title', 'owner_id', 'due_on'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['open', 'in_progress'])
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .orderBy('due_on')
    .execute();
}
