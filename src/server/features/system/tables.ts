/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    instance: InstanceTable;
  }
}

export interface InstanceTable {
  singleton: number;
  id: string;
  created_at: string;
  setup_completed_at: string | null;
}
