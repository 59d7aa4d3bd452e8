import type { Feature } from '../../platform/feature';
import { registerAssetRoutes } from './routes';
import { registerFlowRoutes } from './flow-routes';

/** Assets that hold or touch ePHI, and the data flows between them. */
export const assetsFeature: Feature = {
  name: 'assets',
  routes: (app, deps) => {
    registerAssetRoutes(app, deps);
    registerFlowRoutes(app, deps);
  },
  records: { assetId: 'assets', flowId: 'data_flows' },
};
