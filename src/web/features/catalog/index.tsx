import { IconBook } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of catalog (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'catalog',
  pages: [
    {
      path: 'catalog',
      lazy: async () => ({ Component: (await import('./CatalogPage')).CatalogPage }),
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 40,
      label: 'Rule catalog',
      path: '/catalog',
      icon: IconBook,
      summary: 'What each standard and implementation specification asks',
    },
  ],
};
