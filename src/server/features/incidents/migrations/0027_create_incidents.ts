import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Security incidents (164.308(a)(6)(ii)): the register, the assets and people involved, the
// timeline, the organization's severity scale and its anonymous reporting link. A breach
// determination and its notices (issue 16 parts 3 and 5) will reference incidents (org_id, id).
// Assets and people are named by id without a foreign key into their features' tables: removing
// one from the inventory or the roster must not be blocked by, nor rewrite, an incident record.
// The closed sets as they were when this migration was written (contracts/incidents-schemas.ts).
// A released migration never changes: add another.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const CATEGORIES = list([
  'malware',
  'phishing',
  'lost_device',
  'unauthorized_access',
  'insider_misuse',
  'misdirected_communication',
  'system_outage',
  'vendor_incident',
  'other',
]);
const STATUSES = list([
  'reported',
  'triage',
  'contained',
  'eradicated',
  'recovered',
  'closed',
  'not_an_incident',
]);
const SOURCES = list(['member', 'anonymous', 'recorded']);
const KINDS = list(['change', 'note', 'call', 'evidence', 'decision']);

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('incidents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    // INC-2026-007: numbered per organization and year of the report.
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().check(sql.raw(`category in (${CATEGORIES})`)))
    .addColumn('severity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in (${STATUSES})`)))
    .addColumn('source', 'text', (c) => c.notNull().check(sql.raw(`source in (${SOURCES})`)))
    .addColumn('reported_by', t.id, (c) => c.references('users.id'))
    .addColumn('reporter_contact', 'text')
    .addColumn('reported_at', t.instant, (c) => c.notNull())
    .addColumn('occurred_at', t.instant)
    .addColumn('discovered_at', t.instant)
    .addColumn('discovered_time_zone', 'text', (c) => c.notNull())
    .addColumn('business_associate', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('system', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('review_root_cause', 'text')
    .addColumn('review_what_worked', 'text')
    .addColumn('review_lessons', 'text')
    .addColumn('reviewed_at', t.instant)
    .addColumn('reviewed_by', t.id, (c) => c.references('users.id'))
    .addColumn('checklist_applied_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('incidents_org_id_unique', ['org_id', 'id'])
    .addUniqueConstraint('incidents_org_year_number_unique', ['org_id', 'year', 'number'])
    .execute();
  await db.schema
    .createIndex('incidents_org_status_idx')
    .on('incidents')
    .columns(['org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('incidents_org_reporter_idx')
    .on('incidents')
    .columns(['org_id', 'reported_by'])
    .execute();
  for (const [table, column] of [
    ['incident_assets', 'asset_id'],
    ['incident_people', 'person_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('incident_id', t.id, (c) => c.notNull())
      .addColumn(column, t.id, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['incident_id', column])
      .addForeignKeyConstraint(
        `${table}_incident_fk`,
        ['org_id', 'incident_id'],
        'incidents',
        ['org_id', 'id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
  }
  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    // Who: a member (by account), or the label of an anonymous reporter or of Custos itself.
    .addColumn('actor_id', t.id, (c) => c.references('users.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('evidence_id', t.id)
    .addForeignKeyConstraint(
      'incident_timeline_incident_fk',
      ['org_id', 'incident_id'],
      'incidents',
      ['org_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('incident_timeline_incident_idx')
    .on('incident_timeline')
    .columns(['org_id', 'incident_id', 'at'])
    .execute();
  await db.schema
    .createTable('incident_severity_levels')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_severity_levels_pk', ['org_id', 'level'])
    .execute();
  await db.schema
    .createTable('incident_report_links')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organizations.id'))
    // SHA-256 of the token: the link itself is shown once, when made.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'incident_report_links',
    'incident_severity_levels',
    'incident_timeline',
    'incident_people',
    'incident_assets',
    'incidents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
