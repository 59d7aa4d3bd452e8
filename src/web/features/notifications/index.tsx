import type { WebFeature } from '../../app/web-feature';

/**
 * The web manifest of notifications (app/web-feature.ts). The page is reached from the header's
 * bell (NotificationBell, drawn by the shell), not from the navigation.
 */
export const manifest: WebFeature = {
  feature: 'notifications',
  pages: [
    {
      path: 'notifications',
      lazy: async () => ({ Component: (await import('./NotificationsPage')).NotificationsPage }),
    },
  ],
};
