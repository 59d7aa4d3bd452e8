import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import { isPostgres } from '../../src/server/platform/db/dialect';

/** Removes the append-only triggers, as an attacker with database access could. */
export async function dropAuditTriggers(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_events_append_only on audit_events`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
  }
}
