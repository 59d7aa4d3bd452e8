import { IconChecklist, IconSignature } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of policy acknowledgements and My policies (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'attestations',
  pages: [
    needs('my_policies.read', {
      path: 'my-policies',
      lazy: async () => ({ Component: (await import('./MyPoliciesPage')).MyPoliciesPage }),
    }),
    needs('my_policies.read', {
      path: 'my-policies/:versionId',
      lazy: async () => ({ Component: (await import('./MyPolicyPage')).MyPolicyPage }),
    }),
    needs('attestations.read', {
      path: 'acknowledgements',
      lazy: async () => ({
        Component: (await import('./AcknowledgementsPage')).AcknowledgementsPage,
      }),
    }),
  ],
  navigation: [
    {
      group: 'Program',
      order: 25,
      label: 'My policies',
      path: '/my-policies',
      icon: IconSignature,
      summary: 'The policies that apply to you: read and acknowledge them',
      permission: 'my_policies.read',
    },
    {
      group: 'Documentation',
      order: 20,
      label: 'Acknowledgements',
      path: '/acknowledgements',
      icon: IconChecklist,
      summary: 'Who has acknowledged the policies in effect, per policy and per person',
      permission: 'attestations.read',
    },
  ],
};
