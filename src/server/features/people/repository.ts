import { sql } from 'kysely';
import type { Db } from '../../platform/db/types';
import type { PeopleTable } from './tables';

// The only place that reads and writes the people table (issue 11: one owner per table).

/** A person with the names a response shows: department, manager, linked account. */
export interface PersonRow extends PeopleTable {
  department_name: string | null;
  manager_name: string | null;
  manager_number: number | null;
  user_name: string | null;
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('people')
    .leftJoin('departments', (join) =>
      join
        .onRef('departments.id', '=', 'people.department_id')
        .onRef('departments.org_id', '=', 'people.org_id'),
    )
    .leftJoin('people as manager', (join) =>
      join
        .onRef('manager.id', '=', 'people.manager_id')
        .onRef('manager.org_id', '=', 'people.org_id'),
    )
    .leftJoin('users', 'users.id', 'people.user_id')
    .selectAll('people')
    .select([
      'departments.name as department_name',
      'manager.name as manager_name',
      'manager.number as manager_number',
      'users.name as user_name',
    ])
    .where('people.org_id', '=', orgId);
}

export async function insertPerson(trx: Db, row: PeopleTable): Promise<void> {
  await trx.insertInto('people').values(row).execute();
}

export async function updatePerson(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<PeopleTable>,
): Promise<void> {
  await trx
    .updateTable('people')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deletePerson(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('people').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** One person of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findPerson(
  db: Db,
  orgId: string,
  id: string,
): Promise<PersonRow | undefined> {
  return withNames(db, orgId).where('people.id', '=', id).executeTakeFirst();
}

/** The person of the organization holding a unique value, if any (employee id, email, account). */
export async function findPersonBy(
  db: Db,
  orgId: string,
  column: 'employee_id' | 'email_key' | 'user_id',
  value: string,
): Promise<{ id: string; number: number; name: string } | undefined> {
  return db
    .selectFrom('people')
    .select(['id', 'number', 'name'])
    .where('org_id', '=', orgId)
    .where(column, '=', value)
    .executeTakeFirst();
}

/** How many people name this person as their manager. */
export async function countReports(db: Db, orgId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('manager_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A person's manager, if any (a cycle check walks up the reporting line). */
export async function findManagerOf(db: Db, orgId: string, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('manager_id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.manager_id ?? null;
}

export interface PersonFilter {
  q?: string | undefined;
  kind?: PeopleTable['kind'] | undefined;
  departmentId?: string | null | undefined;
  /** With `today` (YYYY-MM-DD in the organization's zone). */
  status?: 'active' | 'starting' | 'ended' | undefined;
  today: string;
  afterNumber?: number | undefined;
  limit: number;
}

/** One page of the roster in reference order, filtered in SQL. */
export async function listPeople(
  db: Db,
  orgId: string,
  filter: PersonFilter,
): Promise<PersonRow[]> {
  let query = withNames(db, orgId);
  if (filter.kind) query = query.where('people.kind', '=', filter.kind);
  if (filter.departmentId !== undefined) {
    query =
      filter.departmentId === null
        ? query.where('people.department_id', 'is', null)
        : query.where('people.department_id', '=', filter.departmentId);
  }
  const { today } = filter;
  if (filter.status === 'ended') query = query.where('people.end_date', '<', today);
  if (filter.status === 'starting') {
    query = query
      .where('people.start_date', '>', today)
      .where((eb) =>
        eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>=', today)]),
      );
  }
  if (filter.status === 'active') {
    query = query
      .where((eb) =>
        eb.or([eb('people.start_date', 'is', null), eb('people.start_date', '<=', today)]),
      )
      .where((eb) =>
        eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>=', today)]),
      );
  }
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) =>
      sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('people.name'),
        like('people.email_key'),
        like('people.employee_id'),
        like('people.job_role'),
      ]),
    );
  }
  if (filter.afterNumber !== undefined) {
    query = query.where('people.number', '>', filter.afterNumber);
  }
  return query.orderBy('people.org_id').orderBy('people.number').limit(filter.limit).execute();
}

/** The organization's members by lower-cased email: whom a person's email links to. */
export async function membersByEmail(
  db: Db,
  orgId: string,
): Promise<Map<string, { userId: string; name: string }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email_key', 'users.name'])
    .where('memberships.org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.email_key, { userId: r.id, name: r.name }]));
}

/** Names of the organization's people among `ids` (others' ids find nothing). */
export async function findRosterNames(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; number: number; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'number', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Everyone on the roster who works here on `today` (started, not ended), with their email and the
 * account linked to them while its access is live at `now`, and that account's role: whom a
 * message to roles, departments or people reaches (security reminders).
 */
export async function listReachablePeople(db: Db, orgId: string, today: string, now: string) {
  return db
    .selectFrom('people')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'people.user_id')
        .on('memberships.org_id', '=', orgId)
        .on((eb) =>
          eb.or([
            eb('memberships.access_expires_at', 'is', null),
            eb('memberships.access_expires_at', '>', now),
          ]),
        ),
    )
    .select([
      'people.id',
      'people.name',
      'people.email',
      'people.department_id as departmentId',
      'memberships.user_id as userId',
      'memberships.role',
    ])
    .where('people.org_id', '=', orgId)
    .where((eb) =>
      eb.or([eb('people.start_date', 'is', null), eb('people.start_date', '<=', today)]),
    )
    .where((eb) => eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>=', today)]))
    .orderBy('people.number')
    .execute();
}

/** People of the roster still working (or starting) whose background check is pending or failed. */
export async function listAwaitingClearance(db: Db, orgId: string, today: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'clearance_outcome'])
    .where('org_id', '=', orgId)
    .where('clearance_outcome', 'in', ['pending', 'not_cleared'])
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .orderBy('name')
    .execute();
}
