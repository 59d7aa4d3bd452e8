import type { DashboardContribution } from '../../platform/dashboard';
import { holdsAnyEphi } from './service';

/** The inventory step of the first week: done once an asset holds ePHI. */
export const assetsDashboard: DashboardContribution = {
  firstWeek: async ({ deps, orgId }) => [
    {
      rank: 20,
      item: {
        id: 'inventory',
        title: 'Inventory systems and ePHI',
        detail: 'List where ePHI lives and how it moves.',
        state: (await holdsAnyEphi(deps.database.db, orgId)) ? 'done' : 'todo',
        href: '/assets',
      },
    },
  ],
};
