// The retention tables' rows, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    retained_records: RetainedRecordsTable;
    legal_holds: LegalHoldsTable;
    retention_settings: RetentionSettingsTable;
  }
}

export interface RetainedRecordsTable {
  org_id: string;
  record_type: string;
  record_id: string;
  opens_id: string;
  label: string;
  kept_from: string;
  /** 1 while the record is in effect (a policy version): kept until it leaves effect, then the years. */
  in_effect: number;
  updated_at: string;
}

export interface LegalHoldsTable {
  id: string;
  org_id: string;
  number: number;
  record_type: string;
  record_id: string;
  record_label: string;
  reason: string;
  placed_by: string | null;
  placed_at: string;
  released_by: string | null;
  released_at: string | null;
  release_reason: string | null;
}

export interface RetentionSettingsTable {
  org_id: string;
  years: number;
  updated_at: string;
  updated_by: string | null;
}
