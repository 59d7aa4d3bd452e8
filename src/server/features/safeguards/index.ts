import type { Feature } from '../../platform/feature';
import { registerSafeguardRoutes } from './routes';

/**
 * Safeguard records: status, owner, statement, decisions on addressable specifications. Its paths
 * name a requirement by citation (`:requirementId`), a catalog id rather than a row: a record is
 * stored only once something is recorded, so it declares no `records`.
 */
export const safeguardsFeature: Feature = {
  name: 'safeguards',
  routes: registerSafeguardRoutes,
};
