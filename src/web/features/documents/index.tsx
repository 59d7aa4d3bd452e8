import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of policies (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'documents',
  pages: [
    {
      path: 'documents',
      lazy: async () => ({ Component: (await import('./DocumentsPage')).DocumentsPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Policies',
      path: '/documents',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary: "The organization's policies and procedures",
      permission: 'documents.read',
    },
  ],
};
