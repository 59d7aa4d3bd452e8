import type { Feature } from '../../platform/feature';
import { assetsDemo } from './demo';
import { assetsDashboard } from './dashboard';
import { registerAssetRoutes } from './routes';

/** Assets that hold or touch ePHI, and the data flows between them. */
export const feature: Feature = {
  name: 'assets',
  tables: ['assets', 'data_flows'],
  routes: registerAssetRoutes,
  records: { assetId: 'assets', flowId: 'data_flows' },
  dashboard: assetsDashboard,
  demo: assetsDemo,
};
