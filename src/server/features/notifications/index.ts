import type { Feature } from '../../platform/feature';
import { notificationsDemo } from './demo';
import { DIGEST_SCHEDULE, digestJob } from './digest';
import * as createNotifications from './migrations/0017_create_notifications';
import { registerNotificationsRoutes } from './routes';

/** Notifications: the bell, the list, each person's choices, immediate emails and the digest. */
export const feature: Feature = {
  name: 'notifications',
  tables: [
    'notifications',
    'notification_preferences',
    'notification_settings',
    'notification_digests',
  ],
  migrations: { '0017_create_notifications': createNotifications },
  routes: registerNotificationsRoutes,
  records: { notificationId: 'notifications' },
  jobs: (deps) => [digestJob(deps)],
  schedules: [DIGEST_SCHEDULE],
  demo: notificationsDemo,
};
