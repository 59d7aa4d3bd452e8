import { sanctionsRoutes } from '../../../contracts/sanctions';
import { countOf } from '../../../contracts/words';
import type { DashboardContribution } from '../../platform/dashboard';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { countAwaiting } from './repository';

/** How long a decided sanction may wait for the HR sign-off or the acknowledgement. */
export const AWAITING_DAYS = 14;

export const sanctionsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    // Concealed records (164.308(a)(1)(ii)(C)): only the roles that read sanctions hear of them.
    if (!ask.holds(sanctionsRoutes.list.permission)) return [];
    const db = ask.deps.database.db;
    const today = await organizationToday(db, ask.deps.clock, ask.orgId);
    const waiting = await countAwaiting(db, ask.orgId, addDays(today, -AWAITING_DAYS - 1));
    if (waiting === 0) return [];
    return [
      {
        rank: 30,
        for: [sanctionsRoutes.list.permission, sanctionsRoutes.update.permission],
        item: {
          id: 'sanctions-awaiting',
          title:
            waiting === 1
              ? 'Complete the sanction record awaiting sign-off or acknowledgement'
              : `Complete the ${waiting} sanction records awaiting sign-off or acknowledgement`,
          detail: `${countOf(waiting, 'sanction record')} decided more than ${AWAITING_DAYS} days ago still ${waiting === 1 ? 'lacks' : 'lack'} the HR sign-off or the person's acknowledgement.`,
          href: '/sanctions?awaiting=1',
        },
      },
    ];
  },
};
