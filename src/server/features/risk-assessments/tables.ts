import type { Assessment } from '../../../contracts/risk-assessments';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    risk_assessments: RiskAssessmentsTable;
    risk_reports: RiskReportsTable;
    negligible_pairs: NegligiblePairsTable;
  }
}

export interface RiskAssessmentsTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  scope: string;
  method: string;
  /** JSON array of { name, role }. */
  participants: string;
  starts_on: string | null;
  ends_on: string | null;
  status: Assessment['status'];
  based_on_id: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approval_note: string | null;
  /** JSON, frozen on approval. */
  matrix: string | null;
  /** JSON, frozen on approval. */
  snapshot: string | null;
  /** JSON open risks per level, at approval. */
  level_counts: string | null;
  /** JSON Gaps acknowledged on submission; null when nothing was left incomplete. */
  submission_gaps: string | null;
  /** JSON Gaps acknowledged on approval; null when nothing was left incomplete. */
  approval_gaps: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface RiskReportsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  sha256: string;
  size: number;
  content: Buffer;
  created_at: string;
}

/** A guided pair (asset × threat) an assessment considered and judged negligible, and why. */
export interface NegligiblePairsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  asset_id: string;
  threat_id: string;
  reason: string;
  decided_by: string | null;
  decided_at: string;
}
