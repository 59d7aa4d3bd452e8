import { z } from 'zod';
import { RecurrenceSchema, TASK_PRIORITIES, type TaskCreateBody } from '../../../contracts/tasks';
import { demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { completeTask, createTaskIn } from './service';

const Tasks = z.object({
  tasks: z.array(
    z.object({
      title: z.string(),
      owner: z.string(),
      dueInDays: z.number().int().nullable(),
      priority: z.enum(TASK_PRIORITIES),
      recurrence: RecurrenceSchema.optional(),
      safeguard: z.string(),
      done: z.string().optional(),
    }),
  ),
});

/** The clinic's tasks, each about a safeguard; some already done. */
const tasks = demoStep(
  60,
  Tasks,
  async ({ deps, context, orgId, today, person, remember }, data) => {
    for (const { done, owner, dueInDays, safeguard, ...rest } of data.tasks) {
      const task: TaskCreateBody = {
        ...rest,
        ownerId: person(owner),
        dueOn: dueInDays === null ? null : addDays(today, dueInDays),
        links: [{ type: 'safeguard', id: safeguard }],
      };
      const taskId = await deps.database.db
        .transaction()
        .execute((trx) => createTaskIn(trx, deps, context, orgId, task));
      remember('task', rest.title, taskId);
      if (done) {
        await completeTask(
          deps,
          context,
          orgId,
          { userId: task.ownerId ?? '', seesAll: true },
          taskId,
          { note: done },
        );
      }
    }
  },
);

export const tasksDemo = [tasks];
