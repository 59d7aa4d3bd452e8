import type { Feature } from '../../platform/feature';
import { riskReminders } from './reminders';
import { registerRiskRoutes } from './routes';
import { riskContent } from './content';
import { riskLink } from './link';

/** The risk register, the matrix and the threat library (164.308(a)(1)(ii)(B)). */
export const feature: Feature = {
  name: 'risks',
  // Reminders of what falls due, every 15 minutes (issue 13).
  jobs: (deps) => [riskReminders.kind(deps)],
  schedules: [riskReminders.schedule],
  tables: ['risks', 'risk_assets', 'risk_library_items'],
  routes: registerRiskRoutes,
  checkContent: () => {
    riskContent();
  },
  records: { riskId: 'risks' },
  link: riskLink,
};
