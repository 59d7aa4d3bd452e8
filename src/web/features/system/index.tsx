import { IconDatabase, IconRefresh } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of system (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'system',
  pages: [
    needs('system.status.read', {
      path: 'admin/status',
      lazy: async () => ({ Component: (await import('./StatusPage')).StatusPage }),
    }),
    needs('jobs.read', {
      path: 'admin/jobs',
      lazy: async () => ({ Component: (await import('./JobsPage')).JobsPage }),
    }),
  ],
  navigation: [
    {
      group: 'Administration',
      order: 60,
      label: 'System status',
      path: '/admin/status',
      icon: IconDatabase,
      summary: 'Version, database and migrations',
      permission: 'system.status.read',
    },
    {
      group: 'Administration',
      order: 62,
      label: 'Background jobs',
      path: '/admin/jobs',
      icon: IconRefresh,
      summary: 'Email and deliveries: what waits, what failed',
      permission: 'jobs.read',
    },
  ],
};
