import { IconLayoutDashboard } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of dashboard (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'dashboard',
  pages: [
    {
      index: true,
      lazy: async () => ({ Component: (await import('./DashboardPage')).DashboardPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 10,
      label: 'Dashboard',
      path: '/',
      icon: IconLayoutDashboard,
      summary: 'Where the program stands and what to do next',
    },
  ],
};
