import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// The breach determination of an incident (issue 16 part 3; 164.402): versions, each a draft
// until approved, then never changed (a changed conclusion is a new version with its reason).
// Each step is JSON text (design.md §6.7), shaped by contracts/breach-determination-schemas.ts and
// checked when read (platform/db/json-columns.ts). The closed sets as they were when this
// migration was written; a released migration never changes: add another.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const STATUSES = list(['draft', 'approved']);
const OUTCOMES = list(['no_phi', 'secured', 'excluded', 'low_probability', 'breach']);
const ENTITY_TYPES = list(['covered_entity', 'business_associate']);

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('breach_determinations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in (${STATUSES})`)))
    .addColumn('reason', 'text')
    .addColumn('entity_type', 'text', (c) => c.check(sql.raw(`entity_type in (${ENTITY_TYPES})`)))
    .addColumn('discovered_on', t.date, (c) => c.notNull())
    .addColumn('phi', 'text')
    .addColumn('exclusion', 'text')
    .addColumn('factors', 'text')
    .addColumn('facts', 'text')
    .addColumn('conclusion', 'text')
    // Who saved each step and when: { "phi": { "at": …, "by": userId } }.
    .addColumn('saved', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql.raw(`outcome in (${OUTCOMES})`)))
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('approval_note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('breach_determinations_version_unique', [
      'org_id',
      'incident_id',
      'version',
    ])
    .addForeignKeyConstraint(
      'breach_determinations_incident_fk',
      ['org_id', 'incident_id'],
      'incidents',
      ['org_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('breach_determinations_org_outcome_idx')
    .on('breach_determinations')
    .columns(['org_id', 'status', 'outcome'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('breach_determinations').execute();
}
