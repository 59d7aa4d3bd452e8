import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

// 164.312(d) person authentication: TOTP second factor, recovery codes, pending sign-ins.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.instant).execute();
  // The last accepted 30-second step: a code is never accepted twice.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('mfa_pending', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`mfa_pending in (0, 1)`),
    )
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', t.instant)
    .execute();
  await db.schema
    .createIndex('recovery_codes_user_idx')
    .on('recovery_codes')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.alterTable('sessions').dropColumn('mfa_pending').execute();
  for (const column of [
    'totp_last_step',
    'totp_enabled_at',
    'totp_pending_secret',
    'totp_secret',
  ]) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
