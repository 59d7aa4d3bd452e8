import type { Feature } from '../../platform/feature';
import { safeguardLink } from './link';
import { registerSafeguardRoutes } from './routes';

/** Safeguard records: status, owner, statement, decisions on addressable specifications. */
export const safeguardsFeature: Feature = {
  name: 'safeguards',
  routes: (app, deps) => {
    registerSafeguardRoutes(app, deps);
  },
  link: safeguardLink,
};
