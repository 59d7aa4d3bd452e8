import { IconHeartbeat, IconMessageReport } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of incidents (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'incidents',
  pages: [
    needs('incidents.read', {
      path: 'incidents',
      lazy: async () => ({ Component: (await import('./IncidentsPage')).IncidentsPage }),
    }),
    // 164.408(c): the yearly log, for roles that read breach determinations.
    needs('incidents.breach_read', {
      path: 'incidents/breach-log',
      lazy: async () => ({ Component: (await import('./BreachLogPage')).BreachLogPage }),
    }),
    {
      path: 'incidents/:incidentId',
      lazy: async () => ({ Component: (await import('./IncidentPage')).IncidentPage }),
    },
    needs('incidents.report', {
      path: 'report-a-problem',
      lazy: async () => ({ Component: (await import('./ReportProblemPage')).ReportProblemPage }),
    }),
  ],
  fullPages: [
    {
      path: 'report',
      lazy: async () => ({
        Component: (await import('./AnonymousReportPage')).AnonymousReportPage,
      }),
    },
  ],
  navigation: [
    {
      group: 'Operations',
      order: 10,
      label: 'Incidents',
      path: '/incidents',
      icon: IconHeartbeat,
      summary: 'Security incidents: the register, the response and its review',
      permission: 'incidents.read',
    },
    {
      group: 'Operations',
      order: 5,
      label: 'Report a problem',
      path: '/report-a-problem',
      icon: IconMessageReport,
      summary: 'Tell the Security Official about something that looks wrong, in two minutes',
      permission: 'incidents.report',
    },
  ],
};
