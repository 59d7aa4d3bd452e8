import type { Db } from '../../platform/db/types';
import type { DepartmentsTable } from './tables';

// The only place that reads and writes the departments table.

export interface DepartmentRow extends DepartmentsTable {
  people: number;
}

function withCounts(db: Db, orgId: string) {
  return db
    .selectFrom('departments')
    .selectAll('departments')
    .select((eb) =>
      eb
        .selectFrom('people')
        .select((p) => p.fn.countAll<string | number>().as('n'))
        .whereRef('people.org_id', '=', 'departments.org_id')
        .whereRef('people.department_id', '=', 'departments.id')
        .as('people'),
    )
    .where('departments.org_id', '=', orgId);
}

const counted = (row: Omit<DepartmentRow, 'people'> & { people: string | number | null }) => ({
  ...row,
  people: Number(row.people ?? 0),
});

export async function listDepartmentRows(db: Db, orgId: string): Promise<DepartmentRow[]> {
  const rows = await withCounts(db, orgId).orderBy('departments.name_key').execute();
  return rows.map(counted);
}

export async function findDepartment(
  db: Db,
  orgId: string,
  id: string,
): Promise<DepartmentRow | undefined> {
  const row = await withCounts(db, orgId).where('departments.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

export async function findDepartmentByName(
  db: Db,
  orgId: string,
  nameKey: string,
): Promise<DepartmentsTable | undefined> {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

export async function insertDepartments(trx: Db, rows: DepartmentsTable[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('departments').values(rows).execute();
}

export async function updateDepartment(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<DepartmentsTable>,
): Promise<void> {
  await trx
    .updateTable('departments')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteDepartment(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('departments').where('org_id', '=', orgId).where('id', '=', id).execute();
}
