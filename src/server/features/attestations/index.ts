import type { Feature } from '../../platform/feature';
import { attestationsDashboard } from './dashboard';
import { attestationsDemo } from './demo';
import * as createAttestations from './migrations/0021_create_attestations';
import { acknowledgementReminders } from './reminders';
import { registerAttestationsRoutes } from './routes';

/**
 * Policy attestations (164.316(b)(2)(ii)): who must acknowledge which policy, each person's
 * acknowledgement of the exact version in effect, My policies, reminders and escalation.
 */
export const feature: Feature = {
  name: 'attestations',
  tables: ['policy_publications', 'policy_audience', 'policy_acknowledgements'],
  migrations: { '0021_create_attestations': createAttestations },
  routes: registerAttestationsRoutes,
  dashboard: attestationsDashboard,
  jobs: (deps) => [acknowledgementReminders.kind(deps)],
  schedules: [acknowledgementReminders.schedule],
  demo: attestationsDemo,
};
