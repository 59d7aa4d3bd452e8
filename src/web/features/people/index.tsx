import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of people (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'people',
  pages: [
    {
      path: 'people',
      lazy: async () => ({ Component: (await import('./PeoplePage')).PeoplePage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'People',
      path: '/people',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary: 'The workforce roster: employees, contractors, volunteers, trainees and students',
      permission: 'people.read',
    },
  ],
};
