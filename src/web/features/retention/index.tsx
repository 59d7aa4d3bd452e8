import { IconArchive } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of retention and legal holds (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'retention',
  pages: [
    needs('retention.read', {
      path: 'retention',
      lazy: async () => ({ Component: (await import('./RetentionPage')).RetentionPage }),
    }),
  ],
  navigation: [
    {
      group: 'Documentation',
      order: 90,
      label: 'Retention register',
      path: '/retention',
      icon: IconArchive,
      summary: 'What is kept until when, and the legal holds on it',
      permission: 'retention.read',
    },
  ],
};
