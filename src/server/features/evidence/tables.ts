// The evidence table's row, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    evidence: EvidenceTable;
  }
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  number: number;
  name: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
