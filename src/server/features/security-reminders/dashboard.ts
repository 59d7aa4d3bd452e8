import { securityRemindersRoutes } from '../../../contracts/security-reminders';
import type { DashboardContribution } from '../../platform/dashboard';
import { countScheduled } from './repository';

/**
 * A next action while no reminder is scheduled to go out (164.308(a)(5)(ii)(A) periodic security
 * updates), for those who schedule them.
 */
export const securityRemindersDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    if (!ask.holds(securityRemindersRoutes.create.permission)) return [];
    if ((await countScheduled(ask.deps.database.db, ask.orgId)) > 0) return [];
    return [
      {
        rank: 58,
        for: [securityRemindersRoutes.list.permission, securityRemindersRoutes.create.permission],
        item: {
          id: 'security-reminder',
          title: 'Send a security reminder',
          detail:
            'Nothing is scheduled: remind the workforce of a security practice every month or quarter (164.308(a)(5)(ii)(A)).',
          href: '/security-reminders',
        },
      },
    ];
  },
};
