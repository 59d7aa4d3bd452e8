import { IconShieldCheck, IconTimeline } from '@tabler/icons-react';
import { PermissionGate } from '../../app/PermissionGate';
import { RequireSession } from '../../app/RequireSession';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of safeguards (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'safeguards',
  pages: [
    needs('program.read', {
      path: 'safeguards',
      lazy: async () => ({ Component: (await import('./SafeguardsPage')).SafeguardsPage }),
    }),
    needs('program.read', {
      path: 'safeguards/:requirementId',
      lazy: async () => ({
        Component: (await import('./SafeguardDetailPage')).SafeguardDetailPage,
      }),
    }),
    needs('program.read', {
      path: 'readiness',
      lazy: async () => ({ Component: (await import('./ReadinessPage')).ReadinessPage }),
    }),
  ],
  fullPages: [
    needs('program.read', {
      path: 'safeguards/print',
      // The printable register: signed in, but without the shell around it.
      lazy: async () => {
        const { PrintRegisterPage } = await import('./PrintRegisterPage');
        return {
          Component: () => (
            <RequireSession>
              <PermissionGate>
                <PrintRegisterPage />
              </PermissionGate>
            </RequireSession>
          ),
        };
      },
    }),
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
