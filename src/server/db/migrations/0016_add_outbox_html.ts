import type { Kysely } from 'kysely';

// An HTML part beside the plain text (issue 13: the notification emails carry both). Null for
// the plain-text messages sent so far. A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('body_html', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('body_html').execute();
}
