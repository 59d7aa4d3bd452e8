import type { Feature } from '../../platform/feature';
import { securityRemindersDashboard } from './dashboard';
import { securityRemindersDemo } from './demo';
import { sendKind, sendSchedule } from './jobs';
import { securityReminderLink } from './link';
import * as createSecurityReminders from './migrations/0037_create_security_reminders';
import { registerSecurityRemindersRoutes } from './routes';

/**
 * Security reminders (164.308(a)(5)(ii)(A) periodic security updates): messages scheduled once,
 * monthly, quarterly or yearly to roles, departments and people, sent as notifications and email,
 * each sending logged with who got it and how.
 */
export const feature: Feature = {
  name: 'security-reminders',
  tables: [
    'security_reminders',
    'security_reminder_audience',
    'security_reminder_sendings',
    'security_reminder_deliveries',
  ],
  migrations: { '0037_create_security_reminders': createSecurityReminders },
  routes: registerSecurityRemindersRoutes,
  records: { securityReminderId: 'security_reminders' },
  link: securityReminderLink,
  dashboard: securityRemindersDashboard,
  jobs: (deps) => [sendKind(deps)],
  schedules: [sendSchedule],
  demo: securityRemindersDemo,
};
