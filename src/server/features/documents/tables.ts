// The documents feature's rows, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    documents: DocumentsTable;
    document_versions: DocumentVersionsTable;
    document_reviews: DocumentReviewsTable;
  }
}

export interface DocumentsTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  kind: string;
  category: string;
  owner_id: string | null;
  review_months: number;
  next_review_on: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface DocumentVersionsTable {
  id: string;
  org_id: string;
  document_id: string;
  number: number;
  status: string;
  title: string;
  kind: string;
  body: string;
  sha256: string;
  change_summary: string;
  based_on_number: number | null;
  created_at: string;
  created_by: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  /** JSON array of user ids: everyone who submitted the version. */
  submitters: string;
  approved_at: string | null;
  approved_by: string | null;
  approval_note: string;
  effective_on: string | null;
  ended_at: string | null;
  retain_until: string | null;
  updated_at: string;
}

export interface DocumentReviewsTable {
  id: string;
  org_id: string;
  document_id: string;
  version_id: string;
  reviewed_at: string;
  reviewed_by: string | null;
  note: string;
  next_review_on: string;
}
