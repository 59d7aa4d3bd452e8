import { IconListCheck } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of tasks (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'tasks',
  pages: [
    {
      path: 'tasks',
      lazy: async () => ({ Component: (await import('./TasksPage')).TasksPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 30,
      label: 'Tasks',
      path: '/tasks',
      icon: IconListCheck,
      summary: 'Owned, dated work with recurrence',
    },
  ],
};
