import { IconFileText } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of policies and procedures (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'documents',
  pages: [
    needs('documents.read', {
      path: 'documents',
      lazy: async () => ({ Component: (await import('./DocumentsPage')).DocumentsPage }),
    }),
    needs('documents.read', {
      path: 'documents/:documentId',
      lazy: async () => ({ Component: (await import('./DocumentPage')).DocumentPage }),
    }),
  ],
  navigation: [
    {
      group: 'Documentation',
      order: 10,
      label: 'Policies',
      path: '/documents',
      icon: IconFileText,
      summary: 'Policies and procedures: versions, approvals, reviews',
      permission: 'documents.read',
    },
  ],
};
