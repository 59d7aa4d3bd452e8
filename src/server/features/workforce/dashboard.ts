import { workforceRoutes } from '../../../contracts/workforce';
import { countOf } from '../../../contracts/words';
import type { DashboardAsk, DashboardContribution } from '../../platform/dashboard';
import { overdueTerminationItems } from './checklists';
import { clearanceWarningsIn } from './clearance';

/** Overdue termination items stand out: 164.308(a)(3)(ii)(C), access must end with employment. */
export const workforceDashboard: DashboardContribution = {
  nextActions: async (ask) => [
    ...(await overdueTerminations(ask)),
    ...(await unclearedAccess(ask)),
  ],
};

async function overdueTerminations(ask: DashboardAsk) {
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
}

/** 164.308(a)(3)(ii)(B): access to ePHI before (or despite) the background check. */
async function unclearedAccess(ask: DashboardAsk) {
  const warnings = await clearanceWarningsIn(ask.deps.database.db, ask.deps, ask.orgId);
  if (warnings.length === 0) return [];
  const first = warnings[0];
  return [
    {
      rank: 6,
      for: [workforceRoutes.endEmployment.permission],
      item: {
        id: 'uncleared-ephi-access',
        title: `${countOf(warnings.length, 'person has', 'people have')} access to ePHI without clearance`,
        detail:
          'Their background check is pending or failed, yet they hold access to systems with ePHI: end the access or record the outcome.',
        href: warnings.length === 1 && first ? `/people/${first.person.id}` : '/people',
      },
    },
  ];
}
