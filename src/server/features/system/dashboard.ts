import { systemRoutes } from '../../../contracts/system';
import { countOf } from '../../../contracts/words';
import type { DashboardContribution } from '../../platform/dashboard';

/** Background jobs of the organization that gave up (mail not sent, deliveries not made). */
export const systemDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    // Only for roles that may open the jobs page and retry: the query is skipped for the others.
    if (!ask.holds(systemRoutes.jobs.permission) || !ask.holds(systemRoutes.retryJobs.permission)) {
      return [];
    }
    const dead = (await ask.deps.jobs.queues({ orgId: ask.orgId })).reduce(
      (sum, q) => sum + q.dead,
      0,
    );
    if (dead === 0) return [];
    return [
      {
        rank: 5,
        for: [systemRoutes.jobs.permission, systemRoutes.retryJobs.permission],
        item: {
          id: 'retry-failed-jobs',
          title: `${countOf(dead, 'background job')} gave up`,
          detail: 'Email or deliveries that failed every retry: see why, then retry them.',
          href: '/admin/jobs',
        },
      },
    ];
  },
};
