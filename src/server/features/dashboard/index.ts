import type { Feature } from '../../platform/feature';
import { registerDashboardRoutes } from './routes';

/** The dashboard: progress, next actions and the first week. */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  routes: registerDashboardRoutes,
};
