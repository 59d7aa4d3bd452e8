import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// The workforce roster and its departments (164.308(a)(3)). Later parts of the workforce
// (termination, training, sanctions, access reviews) reference people.id and departments.id.
// Department and manager keys include org_id, so the database itself refuses a link across
// organizations (164.308(a)(4)). A released migration never changes: add another.
// The closed sets as they were when this migration was written (contracts/people-schemas.ts).
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const KINDS = list(['employee', 'contractor', 'volunteer', 'trainee', 'student']);
const OUTCOMES = list(['cleared', 'not_cleared', 'waived', 'pending']);

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('departments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: "Front desk" and "front desk" are one department.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('departments_org_id_unique', ['org_id', 'id'])
    .addUniqueConstraint('departments_org_name_unique', ['org_id', 'name_key'])
    .execute();
  await db.schema
    .createTable('people')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    // Lower-cased email: an import matches on it.
    .addColumn('email_key', 'text')
    .addColumn('employee_id', 'text')
    .addColumn('job_role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department_id', t.id)
    .addColumn('manager_id', t.id)
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', t.date)
    .addColumn('end_date', t.date)
    .addColumn('clearance_outcome', 'text', (c) =>
      c.check(sql.raw(`clearance_outcome in (${OUTCOMES})`)),
    )
    .addColumn('clearance_date', t.date)
    .addColumn('clearance_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorization_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supervision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('people_org_id_unique', ['org_id', 'id'])
    .addUniqueConstraint('people_org_number_unique', ['org_id', 'number'])
    // Several people may have none (NULL); a set employee id or email names one person.
    .addUniqueConstraint('people_org_employee_id_unique', ['org_id', 'employee_id'])
    .addUniqueConstraint('people_org_email_unique', ['org_id', 'email_key'])
    // A Custos account is one person of an organization's roster.
    .addUniqueConstraint('people_org_user_unique', ['org_id', 'user_id'])
    .addForeignKeyConstraint('people_department_fk', ['org_id', 'department_id'], 'departments', [
      'org_id',
      'id',
    ])
    .addForeignKeyConstraint('people_manager_fk', ['org_id', 'manager_id'], 'people', [
      'org_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('people_org_department_idx')
    .on('people')
    .columns(['org_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('people_org_manager_idx')
    .on('people')
    .columns(['org_id', 'manager_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('people').execute();
  await db.schema.dropTable('departments').execute();
}
