import type { Feature } from '../../platform/feature';
import { registerCatalogRoutes } from './routes';
import { catalog } from './content';

/** The regulation catalog: Subpart C and its NIST SP 800-66r2 guidance. */
export const feature: Feature = {
  name: 'catalog',
  routes: registerCatalogRoutes,
  checkContent: () => {
    catalog();
  },
};
