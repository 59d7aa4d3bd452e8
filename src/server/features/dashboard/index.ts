import type { Feature } from '../../platform/feature';
import { registerDashboardRoutes } from './routes';

/** The dashboard: progress, next actions and the first week. */
export const feature: Feature = {
  name: 'dashboard',
  routes: registerDashboardRoutes,
};
