import { IconServer2 } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of assets (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'assets',
  pages: [
    needs('assets.read', {
      path: 'assets',
      lazy: async () => ({ Component: (await import('./AssetsPage')).AssetsPage }),
    }),
  ],
  navigation: [
    {
      group: 'Risk',
      order: 10,
      label: 'Assets',
      path: '/assets',
      icon: IconServer2,
      summary: 'Systems, devices and data flows that hold ePHI',
      permission: 'assets.read',
    },
  ],
};
