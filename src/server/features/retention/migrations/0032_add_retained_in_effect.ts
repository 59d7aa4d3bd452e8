import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// A record still in effect (a policy version) is kept while in effect and for the retention years
// after it leaves effect (164.316(b)(2)(i)): its end date is not known yet. 1 while in effect.
// The versions in effect today are marked from the documents' own status. A released migration
// never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('retained_records')
    .addColumn('in_effect', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update retained_records set in_effect = 1
    where record_type = 'document_version'
      and exists (
        select 1 from document_versions v
        where v.org_id = retained_records.org_id
          and cast(v.id as text) = retained_records.record_id
          and v.status = 'in_effect'
      )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('retained_records').dropColumn('in_effect').execute();
}
