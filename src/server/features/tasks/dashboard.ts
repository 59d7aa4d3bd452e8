import { taskRoutes } from '../../../contracts/tasks';
import { oncePerAsk, type DashboardContribution } from '../../platform/dashboard';
import { taskSummary } from './service';

/** The task figures of one dashboard request (the dashboard shows them too). */
export const taskSummaryFor = oncePerAsk((ask) => taskSummary(ask.deps, ask.orgId, ask.userId));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The person's own overdue tasks. */
export const tasksDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const { mineOverdue } = await taskSummaryFor(ask);
    return mineOverdue > 0
      ? [
          {
            rank: 40,
            for: [taskRoutes.list.permission, taskRoutes.complete.permission],
            item: {
              id: 'my-overdue-tasks',
              title: `You have ${plural(mineOverdue, 'overdue task', 'overdue tasks')}`,
              detail: 'Finish them or move their due dates.',
              href: '/tasks?owner=me&overdue=true',
            },
          },
        ]
      : [];
  },
};
