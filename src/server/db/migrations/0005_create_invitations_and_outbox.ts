import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

const ROLES =
  "'owner','admin','security_officer','privacy_officer','contributor','workforce','auditor'";

// 164.308(a)(4)(ii)(B)–(C) access authorization and establishment: invitations by email.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('invitations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql.raw(`role in (${ROLES})`)))
    .addColumn('access_expires_at', t.instant)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('accepted_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema.createIndex('invitations_org_idx').on('invitations').column('org_id').execute();

  // Every message Custos sends; without SMTP it stays here for owners to read in the app.
  await db.schema
    .createTable('outbox')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id)
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('claimed_at', t.instant)
    .addColumn('sent_at', t.instant)
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_org_idx')
    .on('outbox')
    .columns(['org_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('invitations').execute();
}
