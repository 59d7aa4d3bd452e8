import { IconUsers } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of the workforce roster (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'people',
  pages: [
    needs('people.read', {
      path: 'people',
      lazy: async () => ({ Component: (await import('./PeoplePage')).PeoplePage }),
    }),
    needs('people.read', {
      path: 'people/:personId',
      lazy: async () => ({ Component: (await import('./PersonPage')).PersonPage }),
    }),
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 10,
      label: 'People',
      path: '/people',
      icon: IconUsers,
      summary: 'The workforce roster: who works here, cleared, authorized and supervised',
      permission: 'people.read',
    },
  ],
};
