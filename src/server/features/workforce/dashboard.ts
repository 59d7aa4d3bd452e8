import { workforceRoutes } from '../../../contracts/workforce';
import { countOf } from '../../../contracts/words';
import type { DashboardContribution } from '../../platform/dashboard';
import { overdueTerminationItems } from './checklists';

/** Overdue termination items stand out: 164.308(a)(3)(ii)(C), access must end with employment. */
export const workforceDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const overdue = await overdueTerminationItems(ask.deps, ask.orgId);
    if (overdue.length === 0) return [];
    const people = [...new Set(overdue.map((i) => i.person_id))];
    return [
      {
        // Before everything but the officials: a leaver may still hold access to ePHI.
        rank: 5,
        for: [workforceRoutes.endEmployment.permission],
        item: {
          id: 'overdue-terminations',
          title: `${countOf(overdue.length, 'termination task is', 'termination tasks are')} overdue`,
          detail: `${countOf(people.length, 'person who left', 'people who left')} may still have access to systems with ePHI.`,
          href: people.length === 1 ? `/people/${people[0]}` : '/people?status=ended',
        },
      },
    ];
  },
};
