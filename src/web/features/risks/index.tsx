import { IconAlertTriangle } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of risks (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'risks',
  pages: [
    needs('risks.read', {
      path: 'risks',
      lazy: async () => ({ Component: (await import('./RisksPage')).RisksPage }),
    }),
  ],
  navigation: [
    {
      group: 'Risk',
      order: 20,
      label: 'Risk register',
      path: '/risks',
      icon: IconAlertTriangle,
      summary: 'Every risk to ePHI, rated and treated, with heat maps',
      permission: 'risks.read',
    },
  ],
};
