import type { Feature } from '../../platform/feature';
import { sanctionsDemo } from './demo';
import * as createSanctions from './migrations/0031_create_sanctions';
import * as addRetraining from './migrations/0038_add_sanction_retraining';
import * as addAcknowledgement from './migrations/0042_add_sanction_acknowledgement';
import { sanctionsDashboard } from './dashboard';
import { registerSanctionRoutes } from './routes';

/** Sanctions (164.308(a)(1)(ii)(C)): the manifest (platform/feature.ts). */
export const feature: Feature = {
  name: 'sanctions',
  tables: ['sanction_tiers', 'sanctions'],
  migrations: {
    '0031_create_sanctions': createSanctions,
    '0038_add_sanction_retraining': addRetraining,
    '0042_add_sanction_acknowledgement': addAcknowledgement,
  },
  routes: registerSanctionRoutes,
  records: { sanctionId: 'sanctions' },
  dashboard: sanctionsDashboard,
  demo: sanctionsDemo,
};
