import type { Checklist } from '../../../contracts/workforce';
import type { AppDeps } from '../../platform/deps';
import { allAssets } from '../assets/service';
import { taskStates } from '../tasks/summaries';
import { listChecklistItems, listChecklistsOf, listTerminationItemsDueBefore } from './repository';
import { personOrThrow } from './termination';

/** A person's two checklists, each item with its task's state and owner. */
export async function personChecklists(deps: AppDeps, orgId: string, personId: string) {
  const db = deps.database.db;
  await personOrThrow(db, orgId, personId);
  const lists = await listChecklistsOf(db, orgId, personId);
  const items = await listChecklistItems(
    db,
    orgId,
    lists.map((l) => l.id),
  );
  const tasks = await taskStates(
    db,
    orgId,
    items.map((i) => i.task_id),
  );
  const assets = new Map(
    items.some((i) => i.asset_id !== null)
      ? (await allAssets(db, orgId)).map((a) => [a.id, a.name])
      : [],
  );
  const now = deps.clock.now().toISOString();
  const present = (kind: 'onboarding' | 'termination'): Checklist | null => {
    const list = lists.find((l) => l.kind === kind);
    if (!list) return null;
    return {
      kind,
      status: list.status,
      endDate: list.end_date,
      reason: list.reason,
      accessEndsAt: list.access_ends_at,
      startedAt: list.started_at,
      items: items
        .filter((i) => i.checklist_id === list.id)
        .flatMap((i) => {
          const task = tasks.get(i.task_id);
          if (!task) return [];
          const open = task.status === 'open' || task.status === 'in_progress';
          return [
            {
              id: i.id,
              source: i.source,
              title: i.title,
              asset: i.asset_id
                ? { id: i.asset_id, name: assets.get(i.asset_id) ?? 'Removed asset' }
                : null,
              dueAt: i.due_at,
              overdue: open && i.due_at < now,
              task: {
                id: task.id,
                reference: task.reference,
                status: task.status,
                owner: task.owner,
              },
            },
          ];
        }),
    };
  };
  return { onboarding: present('onboarding'), termination: present('termination') };
}

/** The open termination items past their deadline (the dashboard, the escalation sweep). */
export async function overdueTerminationItems(deps: AppDeps, orgId: string) {
  const db = deps.database.db;
  const due = await listTerminationItemsDueBefore(db, orgId, deps.clock.now().toISOString());
  const tasks = await taskStates(
    db,
    orgId,
    due.map((i) => i.task_id),
  );
  return due.flatMap((i) => {
    const task = tasks.get(i.task_id);
    return task && (task.status === 'open' || task.status === 'in_progress')
      ? [{ ...i, reference: task.reference, ownerId: task.owner?.id ?? null }]
      : [];
  });
}
