import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// The individual notice letter of a breach (164.404(c), to be checked) as the organization edited
// it; until edited, Custos draws it from content/breach/individual-notice.md and the determination.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('breach_letters')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('breach_letters_pk', ['org_id', 'incident_id'])
    .addForeignKeyConstraint('breach_letters_incident_fk', ['org_id', 'incident_id'], 'incidents', [
      'org_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('breach_letters').execute();
}
