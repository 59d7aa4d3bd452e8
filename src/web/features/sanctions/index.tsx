import { IconGavel } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of sanctions (app/web-feature.ts): shown only to the roles that keep them. */
export const manifest: WebFeature = {
  feature: 'sanctions',
  pages: [
    {
      path: 'sanctions',
      lazy: async () => ({ Component: (await import('./SanctionsPage')).SanctionsPage }),
    },
  ],
  navigation: [
    {
      group: 'Workforce',
      order: 40,
      label: 'Sanctions',
      path: '/sanctions',
      icon: IconGavel,
      summary: 'Sanctions for failing to comply with the security policies, decided and signed off',
      permission: 'sanctions.read',
    },
  ],
};
