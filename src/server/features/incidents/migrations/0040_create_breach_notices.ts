import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Issue 16 part 5 (164.404-164.410, to be checked): each notice of a breach as actually sent, the
// media notice per State as edited, and how many affected people cannot be reached (substitute
// notice, 164.404(d)(2)). The closed set as it was when this migration was written; a released
// migration never changes: add another.
const KINDS = [
  'individual_mail',
  'individual_email',
  'substitute_web',
  'substitute_media',
  'media',
  'hhs',
  'covered_entity',
]
  .map((v) => `'${v}'`)
  .join(',');

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('breach_notices')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('sent_on', t.date, (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('people', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // The vault item, also linked to the incident through the links table.
    .addColumn('evidence_id', t.id)
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', t.id, (c) => c.references('users.id'))
    .addColumn('corrected_at', t.instant)
    .addColumn('corrected_by', t.id, (c) => c.references('users.id'))
    .addColumn('correction_reason', 'text')
    .addForeignKeyConstraint('breach_notices_incident_fk', ['org_id', 'incident_id'], 'incidents', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('breach_notices_org_incident_idx')
    .on('breach_notices')
    .columns(['org_id', 'incident_id', 'sent_on'])
    .execute();
  await db.schema
    .createTable('breach_media_notices')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('breach_media_notices_pk', ['org_id', 'incident_id', 'state'])
    .addForeignKeyConstraint(
      'breach_media_notices_incident_fk',
      ['org_id', 'incident_id'],
      'incidents',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createTable('breach_unreachable')
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('unreachable', 'integer', (c) => c.notNull().check(sql`unreachable >= 0`))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('breach_unreachable_pk', ['org_id', 'incident_id'])
    .addForeignKeyConstraint(
      'breach_unreachable_incident_fk',
      ['org_id', 'incident_id'],
      'incidents',
      ['org_id', 'id'],
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('breach_unreachable').execute();
  await db.schema.dropTable('breach_media_notices').execute();
  await db.schema.dropTable('breach_notices').execute();
}
