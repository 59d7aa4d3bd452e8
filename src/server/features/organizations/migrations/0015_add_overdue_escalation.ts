import type { Kysely } from 'kysely';

// How many days a task may be overdue before the Security Official hears of it (issue 13).
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('escalate_overdue_after_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('escalate_overdue_after_days').execute();
}
