import type { Feature } from '../../platform/feature';
import { loadChecklists } from './checklists';
import { incidentsDashboard } from './dashboard';
import { incidentsDemo } from './demo';
import { incidentLink } from './link';
import * as createIncidents from './migrations/0027_create_incidents';
import * as createBreachDeterminations from './migrations/0035_create_breach_determinations';
import * as createBreachLetters from './migrations/0036_create_breach_letters';
import * as createBreachLogSubmissions from './migrations/0041_create_breach_log_submissions';
import { breachLogReminders } from './breach-log-reminders';
import * as createBreachNotices from './migrations/0040_create_breach_notices';
import { registerIncidentsRoutes } from './routes';

/** Security incidents (164.308(a)(6)): the manifest the platform assembles the app from. */
export const feature: Feature = {
  name: 'incidents',
  tables: [
    'incidents',
    'incident_assets',
    'incident_people',
    'incident_timeline',
    'incident_severity_levels',
    'incident_report_links',
    'breach_determinations',
    'breach_letters',
    'breach_log_submissions',
    'breach_notices',
    'breach_media_notices',
    'breach_unreachable',
  ],
  migrations: {
    '0027_create_incidents': createIncidents,
    '0035_create_breach_determinations': createBreachDeterminations,
    '0036_create_breach_letters': createBreachLetters,
    '0040_create_breach_notices': createBreachNotices,
    '0041_create_breach_log_submissions': createBreachLogSubmissions,
  },
  jobs: (deps) => [breachLogReminders.kind(deps)],
  schedules: [breachLogReminders.schedule],
  routes: registerIncidentsRoutes,
  checkContent: () => {
    loadChecklists();
  },
  records: { incidentId: 'incidents', noticeId: 'breach_notices', state: { shared: 'TX' } },
  link: incidentLink,
  dashboard: incidentsDashboard,
  demo: incidentsDemo,
};
