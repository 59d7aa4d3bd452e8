import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Onboarding and termination checklists (164.308(a)(3)(ii)(C)). Keys include org_id, so the
// database refuses an item of another organization's checklist. A released migration never
// changes: add another.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const KINDS = list(['onboarding', 'termination']);
const SOURCES = list(['account', 'devices', 'remote_access', 'template']);
const REASONS = list(['resigned', 'dismissed', 'contract_ended', 'retired', 'other']);

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('checklist_template_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // No foreign key: a department deleted later leaves an item nobody matches (the template page
    // says so), rather than refusing the department's deletion.
    .addColumn('department_id', t.id)
    .addColumn('job_role', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checklist_template_items_org_kind')
    .on('checklist_template_items')
    .columns(['org_id', 'kind', 'position'])
    .execute();
  await db.schema
    .createTable('workforce_settings')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organizations.id'))
    .addColumn('termination_deadline_hours', 'integer', (c) => c.notNull())
    .addColumn('onboarding_template_written', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('termination_template_written', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_checklists')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', t.id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in ('open','undone')`)))
    .addColumn('end_date', t.date)
    .addColumn('reason', 'text', (c) => c.check(sql.raw(`reason in (${REASONS})`)))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('previous_end_date', t.date)
    .addColumn('previous_access_expires_at', t.instant)
    .addColumn('membership_id', t.id)
    .addColumn('access_ends_at', t.instant)
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('started_by', t.id)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('person_checklists_org_id_unique', ['org_id', 'id'])
    // One onboarding and one termination per person: ending twice reuses it.
    .addUniqueConstraint('person_checklists_person_kind_unique', ['org_id', 'person_id', 'kind'])
    .addForeignKeyConstraint(
      'person_checklists_person_fk',
      ['org_id', 'person_id'],
      'people',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('person_checklist_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('checklist_id', t.id, (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql.raw(`source in (${SOURCES})`)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('asset_id', t.id)
    .addColumn('task_id', t.id, (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    // An item is created once per checklist, however often employment is ended.
    .addUniqueConstraint('person_checklist_items_key_unique', [
      'org_id',
      'checklist_id',
      'item_key',
    ])
    .addForeignKeyConstraint(
      'person_checklist_items_checklist_fk',
      ['org_id', 'checklist_id'],
      'person_checklists',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('person_checklist_items_org_due')
    .on('person_checklist_items')
    .columns(['org_id', 'due_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_checklist_items').execute();
  await db.schema.dropTable('person_checklists').execute();
  await db.schema.dropTable('workforce_settings').execute();
  await db.schema.dropTable('checklist_template_items').execute();
}
