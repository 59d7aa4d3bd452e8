import { z } from 'zod';
import type { NotificationKind } from '../../../contracts/notifications';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { markDigested } from './digest-repository';
import { notifyIn } from './notify';
import { listNotificationRows, markRead } from './repository';

// The demo's notifications, from its open tasks (content/demo: `tasks`), in every state: emailed
// at once (overdue, assigned), kept for the digest and digested (due soon), read and unread.
const Tasks = z.object({
  tasks: z.array(
    z.object({
      title: z.string(),
      owner: z.string(),
      dueInDays: z.number().int().nullable(),
      done: z.string().optional(),
    }),
  ),
});

function kindOf(dueInDays: number | null): NotificationKind {
  if (dueInDays !== null && dueInDays < 0) return 'task.overdue';
  if (dueInDays !== null && dueInDays <= 7) return 'task.due_soon';
  return 'task.assigned';
}

const notifications = demoStep(90, Tasks, async (clinic, data) => {
  const { deps, orgId, today } = clinic;
  const now = deps.clock.now().toISOString();
  const people = new Set<string>();
  const open = data.tasks.filter((t) => t.done === undefined);
  const taskIds = open.map((t) => clinic.recall('task', t.title));
  // Titles as the app names tasks: `TASK-12 Review access`.
  const labels =
    (await deps.links.target('task')?.labels(deps.database.db, orgId, taskIds)) ??
    new Map<string, string>();
  await deps.database.db.transaction().execute(async (trx) => {
    for (const [index, task] of open.entries()) {
      const userId = clinic.person(task.owner);
      const taskId = taskIds[index] ?? '';
      const kind = kindOf(task.dueInDays);
      const dueOn = task.dueInDays === null ? null : addDays(today, task.dueInDays);
      people.add(userId);
      await notifyIn(trx, deps, {
        orgId,
        userId,
        kind,
        record: { type: 'task', id: taskId },
        title: labels.get(taskId) ?? task.title,
        dueOn,
        key: `${kind}:${taskId}:${dueOn ?? 'undated'}`,
      });
    }
    // Each person has read their oldest notice and had their due-soon ones in a digest.
    for (const userId of people) {
      const rows = await listNotificationRows(trx, orgId, userId, {
        unread: false,
        before: undefined,
        limit: 100,
      });
      const oldest = rows.at(-1);
      if (oldest && rows.length > 1) await markRead(trx, orgId, userId, now, oldest.id);
      const pending = rows.filter((r) => r.digest_pending === 1).slice(0, 1);
      await markDigested(
        trx,
        orgId,
        userId,
        pending.map((r) => r.id),
        now,
      );
    }
  });
});

export const notificationsDemo = [notifications];
