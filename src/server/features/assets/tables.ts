import type { Asset, DataFlow } from '../../../contracts/assets';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    assets: AssetsTable;
    data_flows: DataFlowsTable;
    data_flow_map_positions: DataFlowMapPositionsTable;
  }
}

export interface AssetsTable {
  id: string;
  org_id: string;
  number: number;
  kind: Asset['kind'];
  name: string;
  description: string;
  owner_id: string | null;
  location: string;
  vendor: string;
  /** JSON array of ePHI roles. */
  ephi_roles: string;
  holds_ephi: number;
  record_count: number | null;
  criticality: Asset['criticality'];
  encryption_at_rest: Asset['encryptionAtRest'];
  encryption_in_transit: Asset['encryptionInTransit'];
  mfa: Asset['mfa'];
  backup: Asset['backup'];
  lifecycle: Asset['lifecycle'];
  created_at: string;
  updated_at: string;
}

export interface DataFlowsTable {
  id: string;
  org_id: string;
  number: number;
  from_asset_id: string;
  to_asset_id: string;
  ephi: string;
  protocol: string;
  encrypted: DataFlow['encrypted'];
  external: number;
  created_at: string;
  updated_at: string;
}

/** Where someone placed an asset on the data-flow map; assets without a row are laid out. */
export interface DataFlowMapPositionsTable {
  org_id: string;
  asset_id: string;
  x: number;
  y: number;
  saved_at: string;
  saved_by: string | null;
}
