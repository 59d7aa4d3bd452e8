import { sql } from 'kysely';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/types';

/**
 * PostgreSQL: fresh planner statistics after bulk writes (autovacuum would get there, later).
 * SQLite plans on the schema alone (db/sqlite-statistics.ts), so no ANALYZE or PRAGMA optimize,
 * which would bring statistics back; the write-ahead log is folded back and truncated instead.
 */
export async function databaseUpkeep(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`analyze`.execute(db);
  } else {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }
}
