import type { DashboardContribution } from '../../platform/dashboard';
import { lastApprovedAssessment } from './service';

/** The risk analysis step of the first week: done once an assessment is approved. */
export const riskAssessmentsDashboard: DashboardContribution = {
  firstWeek: async ({ deps, orgId }) => [
    {
      rank: 30,
      item: {
        id: 'risk-analysis',
        title: 'Run the risk analysis',
        detail:
          'Threats, vulnerabilities, likelihood, impact; approved and kept (164.308(a)(1)(ii)(A)).',
        state: (await lastApprovedAssessment(deps.database.db, orgId)) ? 'done' : 'todo',
        href: '/risk-assessments',
      },
    },
  ],
};
