import type { Feature } from '../../platform/feature';
import { riskAnalysisReminders } from './yearly-reminder';
import { riskAssessmentsDemo } from './demo';
import { riskAssessmentsDashboard } from './dashboard';
import { assessmentLink, reportLink } from './link';
import * as recordAssessmentCompleteness from './migrations/0012_record_assessment_completeness';
import { registerAssessmentRoutes } from './routes';

/** Risk assessments: scope, review, approval and the report (164.308(a)(1)(ii)(A)). */
export const feature: Feature = {
  name: 'risk-assessments',
  // Reminders of what falls due, every 15 minutes (issue 13).
  jobs: (deps) => [riskAnalysisReminders.kind(deps)],
  schedules: [riskAnalysisReminders.schedule],
  tables: ['risk_assessments', 'risk_reports', 'negligible_pairs'],
  migrations: { '0012_record_assessment_completeness': recordAssessmentCompleteness },
  routes: (app, deps) => {
    registerAssessmentRoutes(app, deps);
  },
  records: { assessmentId: 'risk_assessments', negligiblePairId: 'negligible_pairs' },
  link: [assessmentLink, reportLink],
  dashboard: riskAssessmentsDashboard,
  demo: riskAssessmentsDemo,
};
