import { IconReportSearch } from '@tabler/icons-react';
import { needs, type WebFeature } from '../../app/web-feature';

/** The web manifest of risk-assessments (app/web-feature.ts). */
export const manifest: WebFeature = {
  feature: 'risk-assessments',
  pages: [
    needs('risks.read', {
      path: 'risk-assessments',
      lazy: async () => ({ Component: (await import('./AssessmentsPage')).AssessmentsPage }),
    }),
    needs('risks.read', {
      path: 'risk-assessments/:assessmentId',
      lazy: async () => ({ Component: (await import('./AssessmentPage')).AssessmentPage }),
    }),
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
