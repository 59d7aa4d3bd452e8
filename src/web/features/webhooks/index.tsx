import { IconWebhook } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of webhooks (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'webhooks',
  pages: [
    needs('webhooks.read', {
      path: 'admin/webhooks',
      lazy: async () => ({ Component: (await import('./WebhooksPage')).WebhooksPage }),
    }),
  ],
  navigation: [
    {
      group: 'Administration',
      order: 60,
      label: 'Webhooks',
      path: '/admin/webhooks',
      icon: IconWebhook,
      summary: 'Signed notices of changes, sent to your other systems as they happen.',
      permission: 'webhooks.read',
    },
  ],
};
