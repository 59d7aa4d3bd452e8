import { assetRoutes } from '../../../contracts/assets';
import type { DashboardContribution } from '../../platform/dashboard';
import { programFactsFor } from '../safeguards/program-facts';

/** The inventory step of the first week: done once an asset holds ePHI. */
export const assetsDashboard: DashboardContribution = {
  firstWeek: async (ask) => [
    {
      rank: 20,
      for: [assetRoutes.list.permission, assetRoutes.create.permission],
      item: {
        id: 'inventory',
        title: 'Inventory systems and ePHI',
        detail: 'List where ePHI lives and how it moves.',
        state: (await programFactsFor(ask)).anyEphiAsset ? 'done' : 'todo',
        href: '/assets',
      },
    },
  ],
};
