import type { Feature } from '../../platform/feature';
import { systemDashboard } from './dashboard';
import { registerSystemRoutes } from './routes';

/** System: health probes and the installation's status. */
export const feature: Feature = {
  name: 'system',
  tables: ['instance'],
  routes: registerSystemRoutes,
  dashboard: systemDashboard,
};
