import type { LinkType } from '../../../contracts/links';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    record_links: RecordLinksTable;
  }
}

export interface RecordLinksTable {
  id: string;
  org_id: string;
  from_type: LinkType;
  from_id: string;
  to_type: LinkType;
  to_id: string;
  label: string | null;
  created_at: string;
  created_by: string | null;
}
