import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import type { AuditDeps } from '../../src/server/platform/audit/append';
import { auditKeysFrom } from '../../src/server/platform/audit/keys';
import type { Clock } from '../../src/server/platform/clock';
import { isPostgres } from '../../src/server/platform/db/dialect';

/** The master key of every test app and every CLI run of the tests (envFor sets it). */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

/** What appending to the audit trail needs, with the tests' master key. */
export function testAuditDeps(clock: Clock): AuditDeps {
  return { clock, auditKeys: auditKeysFrom(TEST_MASTER_KEY) };
}

/** Removes the triggers guarding events, heads and checkpoints, as an attacker with database access could. */
export async function dropAuditTriggers(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_events_append_only on audit_events`.execute(db);
    await sql`drop trigger audit_chain_heads_guard on audit_chain_heads`.execute(db);
    await sql`drop trigger audit_checkpoints_append_only on audit_checkpoints`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
    await sql`drop trigger audit_chain_heads_no_delete`.execute(db);
    await sql`drop trigger audit_chain_heads_forward`.execute(db);
    await sql`drop trigger audit_checkpoints_no_update`.execute(db);
    await sql`drop trigger audit_checkpoints_no_delete`.execute(db);
  }
}
