/**
 * Kysely's view of the tables. Instants are ISO-8601 UTC strings on both databases (design.md §6.7):
 * PostgreSQL's timestamptz is parsed back into that form by the driver set-up in platform/db.
 */
export interface Database {
  instance: InstanceTable;
}

export interface InstanceTable {
  singleton: number;
  id: string;
  created_at: string;
}
