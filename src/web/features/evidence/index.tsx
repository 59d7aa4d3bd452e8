import { IconFileCertificate } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of evidence (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'evidence',
  pages: [
    needs('evidence.read', {
      path: 'evidence',
      lazy: async () => ({ Component: (await import('./EvidencePage')).EvidencePage }),
    }),
    needs('evidence.read', {
      path: 'evidence/:evidenceItemId',
      lazy: async () => ({
        Component: (await import('./EvidenceDetailPage')).EvidenceDetailPage,
      }),
    }),
  ],
  navigation: [
    {
      group: 'Program',
      order: 90,
      label: 'Evidence',
      path: '/evidence',
      icon: IconFileCertificate,
      summary: 'Files and links that show the safeguards work, kept encrypted',
      permission: 'evidence.read',
    },
  ],
};
