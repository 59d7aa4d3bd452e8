import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Sanction records (164.308(a)(1)(ii)(C)) and each organization's tiers. The person is kept by id
// without a foreign key: a record outlives a roster entry removed by mistake (164.316(b)(2)(i):
// documentation is kept six years). A released migration never changes: add another.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const SEVERITIES = list(['low', 'moderate', 'high', 'critical']);
const INTENTS = list(['unintentional', 'negligent', 'intentional', 'malicious']);

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('sanction_tiers')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sanction_tiers_pk', ['org_id', 'rank'])
    .execute();
  await db.schema
    .createTable('sanctions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('person_id', t.id, (c) => c.notNull())
    .addColumn('violation', 'text', (c) => c.notNull())
    .addColumn('document_version_id', t.id)
    .addColumn('incident_id', t.id)
    .addColumn('severity', 'text', (c) => c.notNull().check(sql.raw(`severity in (${SEVERITIES})`)))
    .addColumn('intent', 'text', (c) => c.notNull().check(sql.raw(`intent in (${INTENTS})`)))
    .addColumn('investigation_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_rank', 'integer', (c) => c.notNull())
    .addColumn('decision_name', 'text', (c) => c.notNull())
    .addColumn('decided_by', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('decided_on', t.date, (c) => c.notNull())
    .addColumn('hr_signed_off_by', t.id, (c) => c.references('users.id'))
    .addColumn('hr_signed_off_at', t.instant)
    .addColumn('acknowledged_on', t.date)
    .addColumn('task_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('sanctions_org_number_unique', ['org_id', 'number'])
    // Four eyes: whoever signs off for HR is not who decided (164.308(a)(1)(ii)(C)).
    .addCheckConstraint(
      'sanctions_sign_off_by_another',
      sql`hr_signed_off_by is null or hr_signed_off_by <> decided_by`,
    )
    .execute();
  await db.schema
    .createIndex('sanctions_org_person')
    .on('sanctions')
    .columns(['org_id', 'person_id', 'decided_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sanctions').execute();
  await db.schema.dropTable('sanction_tiers').execute();
}
