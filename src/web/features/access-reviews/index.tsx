import { IconKey } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of access reviews and grants (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'access-reviews',
  pages: [
    // Gated like its navigation entry: other roles read "Not open to your role".
    needs('access.read', {
      path: 'access-reviews',
      lazy: async () => ({ Component: (await import('./AccessReviewsPage')).AccessReviewsPage }),
    }),
    needs('access.read', {
      path: 'access-reviews/:accessReviewId',
      lazy: async () => ({ Component: (await import('./AccessReviewPage')).AccessReviewPage }),
    }),
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 45,
      label: 'Access reviews',
      path: '/access-reviews',
      icon: IconKey,
      summary: 'Who may reach each system, and periodic reviews of its accounts',
      permission: 'access.read',
    },
  ],
};
