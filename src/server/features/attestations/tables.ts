// The attestations tables' rows, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    policy_publications: PolicyPublicationsTable;
    policy_audience: PolicyAudienceTable;
    policy_acknowledgements: PolicyAcknowledgementsTable;
  }
}

export interface PolicyPublicationsTable {
  document_id: string;
  org_id: string;
  due_days: number;
  published_at: string;
  published_by: string | null;
}

export interface PolicyAudienceTable {
  id: string;
  org_id: string;
  document_id: string;
  role: string | null;
  user_id: string | null;
}

export interface PolicyAcknowledgementsTable {
  id: string;
  org_id: string;
  document_id: string;
  version_id: string;
  version_sha256: string;
  user_id: string;
  acknowledged_at: string;
}
