import { IconHistory } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of audit-log (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'audit-log',
  pages: [
    needs('audit.read', {
      path: 'admin/audit-log',
      lazy: async () => ({ Component: (await import('./AuditLogPage')).AuditLogPage }),
    }),
  ],
  navigation: [
    {
      group: 'Administration',
      order: 20,
      label: 'Audit log',
      path: '/admin/audit-log',
      icon: IconHistory,
      summary: 'The tamper-evident trail of every change',
      permission: 'audit.read',
    },
  ],
};
