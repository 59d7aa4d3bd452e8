import type { Feature } from '../../platform/feature';
import { safeguardReminders } from './reminders';
import { safeguardsDemo } from './demo';
import { safeguardsDashboard } from './dashboard';
import { safeguardLink } from './link';
import * as addDecisionBasisAssessment from './migrations/0012_add_decision_basis_assessment';
import { registerSafeguardRoutes } from './routes';

/**
 * Safeguard records: status, owner, statement, decisions on addressable specifications. Its paths
 * name a requirement by citation and a rule profile by id: catalog ids, the same in every
 * organization (the organization comes from `:orgId`).
 */
export const feature: Feature = {
  name: 'safeguards',
  // Reminders of what falls due, every 15 minutes (issue 13).
  jobs: (deps) => [safeguardReminders.kind(deps)],
  schedules: [safeguardReminders.schedule],
  tables: ['safeguards'],
  migrations: { '0012_add_decision_basis_assessment': addDecisionBasisAssessment },
  routes: registerSafeguardRoutes,
  records: {
    requirementId: { shared: '164.312(a)(2)(iv)' },
    profileId: { shared: 'proposed-2025' },
  },
  link: safeguardLink,
  dashboard: safeguardsDashboard,
  demo: safeguardsDemo,
};
