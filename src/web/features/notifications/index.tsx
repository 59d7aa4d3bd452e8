import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of notifications (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'notifications',
  pages: [
    {
      path: 'notifications',
      lazy: async () => ({ Component: (await import('./NotificationsPage')).NotificationsPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Notifications',
      path: '/notifications',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary:
        'Reminders and notices about your records: the bell, the list and your email choices.',
      permission: 'notifications.read',
    },
  ],
};
