import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Notifications, each person's choices and the digests sent. A released migration never changes:
// add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date)
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .addColumn('emailed_at', t.instant)
    .addColumn('digest_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digested_at', t.instant)
    // "A reminder for the same thing and the same due date is sent once, ever" (issue 13).
    .addUniqueConstraint('notifications_key_unique', ['org_id', 'user_id', 'idempotency_key'])
    .execute();
  // A person's list, newest first (ids are UUIDv7, so by time), and the bell's unread count.
  await db.schema
    .createIndex('notifications_person_idx')
    .on('notifications')
    .columns(['org_id', 'user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['org_id', 'user_id', 'read_at'])
    .execute();
  await db.schema
    .createTable('notification_preferences')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['org_id', 'user_id', 'kind'])
    .execute();
  await db.schema
    .createTable('notification_settings')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('digest_hour', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['org_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('notification_digests')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('local_day', t.date, (c) => c.notNull())
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_digests_pk', ['org_id', 'user_id', 'local_day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_digests').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
}
