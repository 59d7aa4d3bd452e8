import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Security reminders (164.308(a)(5)(ii)(A)): the reminders, their audience, each sending and who
// got it how. Audience and log name roster people and departments without a foreign key: removing
// a person added by mistake must not fail on the log, which keeps the name as sent.
// A released migration never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('security_reminders')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text')
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('next_on', 'text')
    .addColumn('stopped_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('security_reminders_org_number_unique', ['org_id', 'number'])
    .execute();
  // The sweep's question: what is due by today, per organization.
  await db.schema
    .createIndex('security_reminders_org_next_idx')
    .on('security_reminders')
    .columns(['org_id', 'next_on'])
    .execute();
  await db.schema
    .createTable('security_reminder_audience')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('reminder_id', t.id, (c) => c.notNull().references('security_reminders.id'))
    .addColumn('role', 'text')
    .addColumn('department_id', t.id)
    .addColumn('person_id', t.id)
    .execute();
  await db.schema
    .createIndex('security_reminder_audience_org_reminder_idx')
    .on('security_reminder_audience')
    .columns(['org_id', 'reminder_id'])
    .execute();
  await db.schema
    .createTable('security_reminder_sendings')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('reminder_id', t.id, (c) => c.notNull().references('security_reminders.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    // One sending per reminder and date, however many processes sweep at once.
    .addUniqueConstraint('security_reminder_sendings_once_unique', ['reminder_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('security_reminder_sendings_org_sent_idx')
    .on('security_reminder_sendings')
    .columns(['org_id', 'sent_at'])
    .execute();
  await db.schema
    .createTable('security_reminder_deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('sending_id', t.id, (c) => c.notNull().references('security_reminder_sendings.id'))
    .addColumn('person_id', t.id)
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivered_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('security_reminder_deliveries_org_sending_idx')
    .on('security_reminder_deliveries')
    .columns(['org_id', 'sending_id'])
    .execute();
  await db.schema
    .createIndex('security_reminder_deliveries_org_user_idx')
    .on('security_reminder_deliveries')
    .columns(['org_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('security_reminder_deliveries').execute();
  await db.schema.dropTable('security_reminder_sendings').execute();
  await db.schema.dropTable('security_reminder_audience').execute();
  await db.schema.dropTable('security_reminders').execute();
}
