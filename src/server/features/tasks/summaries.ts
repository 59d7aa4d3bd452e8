import type { Db } from '../../platform/db/types';
import { findTaskSummaries } from './repository';

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
