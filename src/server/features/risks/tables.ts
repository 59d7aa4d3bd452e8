import type { LibraryItemBody, Threat } from '../../../contracts/risk-library';
import type { Risk } from '../../../contracts/risks';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    risk_library_items: RiskLibraryItemsTable;
    risks: RisksTable;
    risk_assets: RiskAssetsTable;
  }
}

export interface RiskLibraryItemsTable {
  id: string;
  org_id: string;
  key: string;
  kind: LibraryItemBody['kind'];
  title: string;
  description: string;
  source_type: Threat['sourceType'] | null;
  /** JSON array of citations. */
  requirements: string;
  /** JSON array of vulnerability keys. */
  vulnerabilities: string;
  created_at: string;
}

export interface RisksTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  description: string;
  status: Risk['status'];
  owner_id: string | null;
  threat_id: string | null;
  vulnerability_id: string | null;
  likelihood: number | null;
  impact: number | null;
  inherent_level: number | null;
  rating_rationale: string;
  treatment: Risk['treatment'];
  treatment_plan: string;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_level: number | null;
  residual_rationale: string;
  accepted_by: string | null;
  accepted_on: string | null;
  acceptance_expires_on: string | null;
  identified_on: string;
  last_reviewed_on: string | null;
  next_review_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskAssetsTable {
  org_id: string;
  risk_id: string;
  asset_id: string;
}
