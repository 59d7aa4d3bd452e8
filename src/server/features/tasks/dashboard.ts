import { taskRoutes } from '../../../contracts/tasks';
import {
  oncePerAsk,
  type DashboardContribution,
  type NextAction,
  type Ranked,
} from '../../platform/dashboard';
import { taskSummary, unownedTaskCounts } from './service';

/** The task figures of one dashboard request (the dashboard shows them too). */
export const taskSummaryFor = oncePerAsk((ask) => taskSummary(ask.deps, ask.orgId, ask.userId));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The person's own overdue tasks (one opens the task itself, where it can be rescheduled), and,
 * for those who assign tasks, the active tasks nobody owns.
 */
export const tasksDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const actions: Ranked<NextAction>[] = [];
    const { mineOverdue, mine } = await taskSummaryFor(ask);
    // Workforce members complete their tasks; moving a due date is for those who assign them.
    const assigns = ask.holds(taskRoutes.update.permission);
    const move = assigns ? 'edit it to move its due date' : 'ask for a new due date';
    // The next five are by due date, so a single overdue task is the first of them.
    const only = mineOverdue === 1 ? mine[0] : undefined;
    if (mineOverdue > 0) {
      actions.push({
        rank: 40,
        for: [taskRoutes.list.permission, taskRoutes.complete.permission],
        item: {
          id: 'my-overdue-tasks',
          title: only
            ? `Your task ${only.reference} is overdue`
            : `You have ${plural(mineOverdue, 'overdue task', 'overdue tasks')}`,
          detail: only
            ? `${only.title}: finish it, or ${move}.`
            : `Finish them, or open each and ${move}.`,
          href: only ? `/tasks?task=${only.id}` : '/tasks?overdue=true',
        },
      });
    }
    if (assigns) {
      const unowned = await unownedTaskCounts(ask.deps, ask.orgId);
      if (unowned.all > 0) {
        actions.push({
          rank: 45,
          // The list of everyone's tasks, and assigning them.
          for: [taskRoutes.list.permission, 'tasks.read_all', taskRoutes.update.permission],
          item: {
            id: 'unowned-tasks',
            title: `${plural(unowned.all, 'open task has', 'open tasks have')} no owner`,
            detail:
              unowned.urgent > 0
                ? `${plural(unowned.urgent, 'is', 'are')} high priority. Open each and assign it to someone.`
                : 'Open each and assign it to someone.',
            href: '/tasks?scope=unowned',
          },
        });
      }
    }
    return actions;
  },
};
