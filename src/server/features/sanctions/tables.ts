import type { SanctionIntent, SanctionSeverity } from '../../../contracts/sanctions';

// Sanction records (164.308(a)(1)(ii)(C)), added to Kysely's `Database` from here.
declare module '../../db/schema' {
  interface Database {
    sanction_tiers: SanctionTiersTable;
    sanctions: SanctionsTable;
  }
}

/** An organization's own tiers; none means Custos's default ones. */
export interface SanctionTiersTable {
  org_id: string;
  rank: number;
  name: string;
}

export interface SanctionsTable {
  id: string;
  org_id: string;
  number: number;
  person_id: string;
  violation: string;
  document_version_id: string | null;
  incident_id: string | null;
  severity: SanctionSeverity;
  intent: SanctionIntent;
  investigation_notes: string;
  /** The tier as decided: its rank and name then (tiers may change later). */
  decision_rank: number;
  decision_name: string;
  decided_by: string;
  decided_on: string;
  hr_signed_off_by: string | null;
  hr_signed_off_at: string | null;
  acknowledged_on: string | null;
  /** How it was acknowledged, who recorded it and when (migration 0042). */
  acknowledged_way: 'in_app' | 'paper' | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  /** JSON array of the ids of the corrective-action tasks. */
  task_ids: string;
  /** The training assignment a sanction of retraining made (migration 0038). */
  training_assignment_id: string | null;
  created_at: string;
  updated_at: string;
}
