import type { Feature } from '../../platform/feature';
import { registerRiskRoutes } from './routes';
import { riskContent } from './content';
import { riskLink } from './link';

/** The risk register, the matrix and the threat library (164.308(a)(1)(ii)(B)). */
export const feature: Feature = {
  name: 'risks',
  tables: ['risks', 'risk_assets', 'risk_library_items'],
  routes: registerRiskRoutes,
  checkContent: () => {
    riskContent();
  },
  records: { riskId: 'risks' },
  link: riskLink,
};
