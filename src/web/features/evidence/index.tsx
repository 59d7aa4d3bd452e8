import { IconListDetails } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of evidence (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'evidence',
  pages: [
    {
      path: 'evidence',
      lazy: async () => ({ Component: (await import('./EvidencePage')).EvidencePage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Evidence',
      path: '/evidence',
      icon: IconListDetails,
      // Double quotes: the default summary has an apostrophe ("The organization's …").
      summary: 'Evidence files and links, encrypted at rest',
      permission: 'evidence.read',
    },
  ],
};
