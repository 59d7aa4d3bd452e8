import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findTaskSummaries } from './repository';

/** Tasks as ends of links: `TASK-12 Review access`. */
export const taskLink: LinkTarget = {
  type: 'task',
  exists: async (db, orgId, ids) =>
    new Set((await findTaskSummaries(db, orgId, uuidsOnly(ids))).map((t) => t.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findTaskSummaries(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((t) => [t.id, `TASK-${t.number} ${t.title}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Task']));
  },
};
