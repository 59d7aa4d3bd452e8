import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of webhooks (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'webhooks',
  pages: [
    {
      path: 'webhooks',
      lazy: async () => ({ Component: (await import('./WebhooksPage')).WebhooksPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Webhooks',
      path: '/webhooks',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary: 'Signed notifications of audit events sent to your systems',
      permission: 'webhooks.read',
    },
  ],
};
