import { IconGavel } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/**
 * The web manifest of sanctions (app/web-feature.ts): the records are shown only to the roles that
 * keep them (others get the server's "no such page"); /my-sanctions to anyone, with only their own.
 */
export const manifest: WebFeature = {
  feature: 'sanctions',
  pages: [
    {
      path: 'sanctions',
      lazy: async () => ({ Component: (await import('./SanctionsPage')).SanctionsPage }),
    },
    {
      path: 'sanctions/:sanctionId',
      lazy: async () => ({ Component: (await import('./SanctionPage')).SanctionPage }),
    },
    {
      path: 'my-sanctions',
      lazy: async () => ({ Component: (await import('./MySanctionsPage')).MySanctionsPage }),
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
