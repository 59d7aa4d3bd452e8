import type { EvidenceKind } from '../../../contracts/evidence';

// The evidence_items table's row, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    evidence_items: EvidenceItemsTable;
  }
}

export interface EvidenceItemsTable {
  id: string;
  org_id: string;
  number: number;
  kind: EvidenceKind;
  title: string;
  description: string;
  /** A link's address; null for a file. */
  url: string | null;
  // A file's: name as uploaded, size, type found from the content, SHA-256 of the plaintext, the
  // blob store's key and the file key sealed under the master key (design.md §6.6). Null for a link.
  file_name: string | null;
  file_size: number | null;
  file_type: string | null;
  file_sha256: string | null;
  blob_key: string | null;
  sealed_key: string | null;
  /** The blob's stamp when the file was last known whole, and when (platform/storage/file-vault). */
  file_checked_stamp: string | null;
  file_checked_at: string | null;
  collected_on: string | null;
  effective_from: string | null;
  effective_to: string | null;
  refresh_on: string | null;
  owner_id: string | null;
  /** 164.316(b)(2)(i): not deleted before this date. */
  retain_until: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
