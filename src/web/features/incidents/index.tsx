import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of incidents (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'incidents',
  pages: [
    {
      path: 'incidents',
      lazy: async () => ({ Component: (await import('./IncidentsPage')).IncidentsPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Incidents',
      path: '/incidents',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary: 'Security incidents: report, respond, review',
      permission: 'incidents.read',
    },
  ],
};
