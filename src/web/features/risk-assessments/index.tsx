import { IconReportSearch } from '@tabler/icons-react';
import type { WebFeature } from '../../app/web-feature';

/** The web manifest of risk-assessments (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'risk-assessments',
  pages: [
    {
      path: 'risk-assessments',
      lazy: async () => ({ Component: (await import('./AssessmentsPage')).AssessmentsPage }),
    },
    {
      path: 'risk-assessments/:assessmentId',
      lazy: async () => ({ Component: (await import('./AssessmentPage')).AssessmentPage }),
    },
  ],
  navigation: [
    {
      group: 'Risk',
      order: 30,
      label: 'Risk assessments',
      path: '/risk-assessments',
      icon: IconReportSearch,
      summary: 'Draft, review and approve the risk analysis; the PDF report',
      permission: 'risks.read',
    },
  ],
};
