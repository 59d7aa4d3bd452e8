import { IconShieldCheck, IconTimeline } from '@tabler/icons-react';
import { RequireSession } from '../../app/RequireSession';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of safeguards (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'safeguards',
  pages: [
    {
      path: 'safeguards',
      lazy: async () => ({ Component: (await import('./SafeguardsPage')).SafeguardsPage }),
    },
    {
      path: 'safeguards/:requirementId',
      lazy: async () => ({
        Component: (await import('./SafeguardDetailPage')).SafeguardDetailPage,
      }),
    },
    {
      path: 'readiness',
      lazy: async () => ({ Component: (await import('./ReadinessPage')).ReadinessPage }),
    },
  ],
  fullPages: [
    {
      path: 'safeguards/print',
      // The printable register: signed in, but without the shell around it.
      lazy: async () => {
        const { PrintRegisterPage } = await import('./PrintRegisterPage');
        return {
          Component: () => (
            <RequireSession>
              <PrintRegisterPage />
            </RequireSession>
          ),
        };
      },
    },
  ],
  navigation: [
    {
      group: 'Program',
      order: 20,
      label: 'Safeguards',
      path: '/safeguards',
      icon: IconShieldCheck,
      summary: 'Every standard and implementation specification, with its decision on record',
      permission: 'program.read',
    },
    {
      group: 'Program',
      order: 50,
      label: 'Proposed rule',
      path: '/readiness',
      icon: IconTimeline,
      summary: 'Readiness for the 2025 proposed changes (not final)',
      permission: 'program.read',
    },
  ],
};
