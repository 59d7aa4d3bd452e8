import type { Feature } from '../../platform/feature';
import { assetsDemo } from './demo';
import { assetsDashboard } from './dashboard';
import { assetLink } from './link';
import * as createDataFlowMapPositions from './migrations/0012_create_data_flow_map_positions';
import { registerAssetRoutes } from './routes';

/** Assets that hold or touch ePHI, and the data flows between them. */
export const feature: Feature = {
  name: 'assets',
  tables: ['assets', 'data_flows', 'data_flow_map_positions'],
  migrations: { '0012_create_data_flow_map_positions': createDataFlowMapPositions },
  routes: registerAssetRoutes,
  records: { assetId: 'assets', flowId: 'data_flows' },
  link: assetLink,
  dashboard: assetsDashboard,
  demo: assetsDemo,
};
