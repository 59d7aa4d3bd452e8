import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from '../../platform/db/dialect';

// 164.312(c)(1) integrity, 164.312(b) audit controls: chain heads that cannot be deleted or moved
// back, a keyed cut-over per chain (events from `keyed_from` on carry an HMAC under a key derived
// from the master key, which never lives in the database), and signed checkpoints kept elsewhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('audit_chain_heads').addColumn('keyed_from', 'integer').execute();
  await db.schema.alterTable('audit_chain_heads').addColumn('mac', 'text').execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('taken_at', t.instant, (c) => c.notNull())
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('command', 'export', 'schedule')`),
    )
    // Canonical JSON of { takenAt, reason, heads: [{ chain, seq, hash }] }: exactly what was signed.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_checkpoints_taken_idx')
    .on('audit_checkpoints')
    .column('taken_at')
    .execute();

  if (isPostgres(db)) {
    await sql`create function custos_audit_head_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'audit_chain_heads rows cannot be deleted'; end if;
        if new.chain <> old.chain or new.seq < old.seq
           or (new.seq = old.seq and new.hash <> old.hash)
           or (old.keyed_from is not null and new.keyed_from is distinct from old.keyed_from)
        then raise exception 'audit_chain_heads only move forward'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_chain_heads_guard before update or delete on audit_chain_heads
      for each row execute function custos_audit_head_guard()`.execute(db);
    await sql`create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads
      for each statement execute function custos_audit_append_only()`.execute(db);
    await sql`create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
      for each row execute function custos_audit_append_only()`.execute(db);
    await sql`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function custos_audit_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_chain_heads_no_delete before delete on audit_chain_heads
      begin select raise(abort, 'audit_chain_heads rows cannot be deleted'); end`.execute(db);
    await sql`create trigger audit_chain_heads_forward before update on audit_chain_heads
      when new.chain <> old.chain or new.seq < old.seq
        or (new.seq = old.seq and new.hash <> old.hash)
        or (old.keyed_from is not null and new.keyed_from is not old.keyed_from)
      begin select raise(abort, 'audit_chain_heads only move forward'); end`.execute(db);
    await sql`create trigger audit_checkpoints_no_update before update on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db);
    await sql`create trigger audit_checkpoints_no_delete before delete on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_chain_heads_guard on audit_chain_heads`.execute(db);
    await sql`drop trigger audit_chain_heads_no_truncate on audit_chain_heads`.execute(db);
    await sql`drop function custos_audit_head_guard()`.execute(db);
  } else {
    await sql`drop trigger audit_chain_heads_no_delete`.execute(db);
    await sql`drop trigger audit_chain_heads_forward`.execute(db);
  }
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.alterTable('audit_chain_heads').dropColumn('mac').execute();
  await db.schema.alterTable('audit_chain_heads').dropColumn('keyed_from').execute();
}
