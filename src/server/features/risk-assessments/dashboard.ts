import { riskAssessmentRoutes } from '../../../contracts/risk-assessments';
import type { DashboardContribution } from '../../platform/dashboard';
import { programFactsFor, riskAnalysisDone } from '../safeguards/program-facts';

// The assessments page, and starting one there.
const ASSESSMENTS = [
  riskAssessmentRoutes.list.permission,
  riskAssessmentRoutes.create.permission,
] as const;

/**
 * The risk analysis, as a first-week step and, until it is done, a next action: both read the one
 * fact `riskAnalysisDone`, so the dashboard never crosses it out in one card and asks for it in
 * the other.
 */
export const riskAssessmentsDashboard: DashboardContribution = {
  firstWeek: async (ask) => [
    {
      rank: 30,
      for: ASSESSMENTS,
      item: {
        id: 'risk-analysis',
        title: 'Run the risk analysis',
        detail:
          'Threats, vulnerabilities, likelihood, impact; approved and kept (164.308(a)(1)(ii)(A)).',
        state: riskAnalysisDone(await programFactsFor(ask)) ? 'done' : 'todo',
        href: '/risk-assessments',
      },
    },
  ],
  nextActions: async (ask) =>
    riskAnalysisDone(await programFactsFor(ask))
      ? []
      : [
          {
            rank: 30,
            for: ASSESSMENTS,
            item: {
              id: 'risk-analysis',
              title: 'Complete your risk analysis',
              detail: 'The first thing OCR asks for, and the basis of every addressable decision.',
              href: '/risk-assessments',
            },
          },
        ],
};
