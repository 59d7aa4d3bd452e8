import type { Safeguard, SafeguardStatus } from '../../../contracts/safeguards';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    safeguards: SafeguardsTable;
  }
}

export interface SafeguardsTable {
  id: string;
  org_id: string;
  requirement_id: string;
  status: SafeguardStatus;
  owner_id: string | null;
  statement: string;
  review_interval_months: number | null;
  next_review_on: string | null;
  decision: NonNullable<Safeguard['decision']>['decision'] | null;
  decision_rationale: string | null;
  decision_alternative: string | null;
  decision_approved_by: string | null;
  decision_approved_on: string | null;
  decision_basis: string | null;
  /** The approved risk assessment the decision rests on (migration 0012). */
  decision_basis_assessment_id: string | null;
  updated_at: string;
}
