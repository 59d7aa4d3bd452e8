import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

// The organization profile (164.308(a)(2) officials), safeguard records with the 164.306(d)(3)
// decision, generic links between records, tasks, and per-organization reference counters.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const entityTypes = list([
    'provider',
    'health_plan',
    'clearinghouse',
    'business_associate',
    'hybrid',
  ]);
  const sizes = list(['1-10', '11-50', '51-200', '201-1000', '1000+']);
  const alter = [
    db.schema
      .alterTable('organizations')
      .addColumn('entity_type', 'text', (c) => c.check(sql.raw(`entity_type in (${entityTypes})`))),
    db.schema
      .alterTable('organizations')
      .addColumn('includes_group_health_plan', 'integer', (c) => c.notNull().defaultTo(0)),
    db.schema
      .alterTable('organizations')
      .addColumn('includes_clearinghouse', 'integer', (c) => c.notNull().defaultTo(0)),
    db.schema
      .alterTable('organizations')
      .addColumn('size', 'text', (c) => c.check(sql.raw(`size in (${sizes})`))),
    db.schema
      .alterTable('organizations')
      .addColumn('locations', 'text', (c) => c.notNull().defaultTo('[]')),
    db.schema
      .alterTable('organizations')
      .addColumn('security_official_id', t.id, (c) => c.references('users.id')),
    db.schema.alterTable('organizations').addColumn('security_official_since', t.date),
    db.schema
      .alterTable('organizations')
      .addColumn('privacy_official_id', t.id, (c) => c.references('users.id')),
    db.schema.alterTable('organizations').addColumn('privacy_official_since', t.date),
  ];
  for (const step of alter) {
    await step.execute();
  }

  await db.schema
    .createTable('safeguards')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql.raw(
            `status in (${list(['not_started', 'in_progress', 'implemented', 'not_applicable'])})`,
          ),
        ),
    )
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('statement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_interval_months', 'integer')
    .addColumn('next_review_on', t.date)
    .addColumn('decision', 'text', (c) =>
      c.check(sql.raw(`decision in (${list(['as_specified', 'alternative', 'not_reasonable'])})`)),
    )
    .addColumn('decision_rationale', 'text')
    .addColumn('decision_alternative', 'text')
    .addColumn('decision_approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('decision_approved_on', t.date)
    .addColumn('decision_basis', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('safeguards_org_requirement_unique', ['org_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('record_links')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('from_type', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_type', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addUniqueConstraint('record_links_unique', [
      'org_id',
      'from_type',
      'from_id',
      'to_type',
      'to_id',
    ])
    .execute();
  await db.schema
    .createIndex('record_links_to_idx')
    .on('record_links')
    .columns(['org_id', 'to_type', 'to_id'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('due_on', t.date)
    // due_on, or 9999-12-31 when undated: one sort key that orders the same on both databases.
    .addColumn('due_key', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql.raw(`status in (${list(['open', 'in_progress', 'done', 'cancelled'])})`)),
    )
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql.raw(`priority in (${list(['low', 'medium', 'high', 'critical'])})`)),
    )
    .addColumn('recurrence', 'text')
    .addColumn('completion_note', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('completed_at', t.instant)
    .addColumn('completed_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('tasks_org_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('tasks_org_status_due_idx')
    .on('tasks')
    .columns(['org_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('tasks_org_due_key_idx')
    .on('tasks')
    .columns(['org_id', 'due_key', 'number'])
    .execute();
  await db.schema
    .createIndex('tasks_org_owner_due_key_idx')
    .on('tasks')
    .columns(['org_id', 'owner_id', 'due_key', 'number'])
    .execute();
  await db.schema
    .createIndex('tasks_org_owner_status_due_idx')
    .on('tasks')
    .columns(['org_id', 'owner_id', 'status', 'due_on'])
    .execute();

  await db.schema
    .createTable('reference_counters')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counters_pk', ['org_id', 'kind'])
    .execute();

  // A record's history is read from the audit trail by entity.
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['org_id', 'entity_type', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_entity_idx').execute();
  for (const table of ['reference_counters', 'tasks', 'record_links', 'safeguards']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'privacy_official_since',
    'privacy_official_id',
    'security_official_since',
    'security_official_id',
    'locations',
    'size',
    'includes_clearinghouse',
    'includes_group_health_plan',
    'entity_type',
  ]) {
    await db.schema.alterTable('organizations').dropColumn(column).execute();
  }
}
