import { sql } from 'kysely';
import type { Db } from '../../platform/db/types';
import type {
  TrainingAssignmentsTable,
  TrainingAttemptsTable,
  TrainingAudienceTable,
  TrainingCoursesTable,
  TrainingPersonAssignmentsTable,
} from './tables';

// ---------- courses ----------

export async function insertCourse(trx: Db, row: TrainingCoursesTable): Promise<void> {
  await trx.insertInto('training_courses').values(row).execute();
}

export async function listCourses(db: Db, orgId: string): Promise<TrainingCoursesTable[]> {
  return db
    .selectFrom('training_courses')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('title')
    .execute();
}

export async function findCourse(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('training_courses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---------- assignments ----------

export async function insertAssignment(
  trx: Db,
  row: TrainingAssignmentsTable,
  audience: readonly TrainingAudienceTable[],
): Promise<void> {
  await trx.insertInto('training_assignments').values(row).execute();
  if (audience.length > 0) await trx.insertInto('training_audience').values(audience).execute();
}

export async function listAssignments(
  db: Db,
  orgId: string,
  options: { live?: boolean; ids?: readonly string[] } = {},
): Promise<TrainingAssignmentsTable[]> {
  let query = db.selectFrom('training_assignments').selectAll().where('org_id', '=', orgId);
  if (options.live) query = query.where('ended_at', 'is', null);
  if (options.ids) {
    if (options.ids.length === 0) return [];
    query = query.where('id', 'in', options.ids);
  }
  return query.orderBy('created_at', 'desc').execute();
}

export async function endAssignmentRow(trx: Db, orgId: string, id: string, at: string) {
  await trx
    .updateTable('training_assignments')
    .set({ ended_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listAudience(
  db: Db,
  orgId: string,
  assignmentIds?: readonly string[],
): Promise<TrainingAudienceTable[]> {
  let query = db.selectFrom('training_audience').selectAll().where('org_id', '=', orgId);
  if (assignmentIds) {
    if (assignmentIds.length === 0) return [];
    query = query.where('assignment_id', 'in', assignmentIds);
  }
  return query.execute();
}

/** Per assignment, over its current cycles: assigned, completed, overdue on `today`. */
export async function assignmentProgress(db: Db, orgId: string, today: string) {
  const rows = await db
    .selectFrom('training_person_assignments')
    .select((eb) => [
      'assignment_id',
      eb.fn.countAll<number | string>().as('assigned'),
      eb.fn.count<number | string>('completed_at').as('completed'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('completed_at', 'is', null), eb('due_on', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where('org_id', '=', orgId)
    .where('is_current', '=', 1)
    .groupBy('assignment_id')
    .execute();
  // PostgreSQL answers counts as text (bigint).
  return rows.map((r) => ({
    assignment_id: r.assignment_id,
    assigned: Number(r.assigned),
    completed: Number(r.completed),
    overdue: Number(r.overdue),
  }));
}

// ---------- the roster, as training needs it ----------

/** Roster people with their department, dates, account and that account's live role. */
export async function listTrainees(db: Db, orgId: string, now: string) {
  return db
    .selectFrom('people')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'people.user_id')
        .on('memberships.org_id', '=', orgId)
        .on((eb) =>
          eb.or([
            eb('memberships.access_expires_at', 'is', null),
            eb('access_expires_at', '>', now),
          ]),
        ),
    )
    .select([
      'people.id',
      'people.name',
      'people.department_id as departmentId',
      'people.start_date as startDate',
      'people.end_date as endDate',
      'people.user_id as userId',
      'memberships.role',
    ])
    .where('people.org_id', '=', orgId)
    .execute();
}

export async function findPersonByUser(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function namesOf(
  db: Db,
  orgId: string,
  table: 'people' | 'departments',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows =
    table === 'people'
      ? await db
          .selectFrom('people')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', unique)
          .execute()
      : await db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', unique)
          .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------- each person's training ----------

export async function listCycles(db: Db, orgId: string, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .selectFrom('training_person_assignments')
    .select(['id', 'assignment_id', 'person_id', 'cycle', 'is_current', 'assigned_on'])
    .where('org_id', '=', orgId)
    .where('assignment_id', 'in', assignmentIds)
    .execute();
}

export async function insertCycles(
  trx: Db,
  rows: readonly TrainingPersonAssignmentsTable[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await trx
      .insertInto('training_person_assignments')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['assignment_id', 'person_id', 'cycle']).doNothing())
      .execute();
  }
}

export async function retireCycles(trx: Db, orgId: string, ids: readonly string[]) {
  for (let start = 0; start < ids.length; start += 500) {
    await trx
      .updateTable('training_person_assignments')
      .set({ is_current: 0 })
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
  }
}

export type TrainingRow = TrainingPersonAssignmentsTable & {
  person_name: string;
  user_id: string | null;
  course_kind: TrainingAssignmentsTable['course_kind'];
  course_title: string;
  frequency: TrainingAssignmentsTable['frequency'];
};

function trainingRows(db: Db, orgId: string) {
  return db
    .selectFrom('training_person_assignments as pa')
    .innerJoin('training_assignments as a', 'a.id', 'pa.assignment_id')
    .innerJoin('people as p', 'p.id', 'pa.person_id')
    .selectAll('pa')
    .select([
      'p.name as person_name',
      'p.user_id',
      'a.course_kind',
      'a.course_title',
      'a.frequency',
    ])
    .where('pa.org_id', '=', orgId);
}

export async function findTraining(
  db: Db,
  orgId: string,
  id: string,
): Promise<TrainingRow | undefined> {
  return trainingRows(db, orgId).where('pa.id', '=', id).executeTakeFirst();
}

export async function listTrainings(
  db: Db,
  orgId: string,
  filter: { personId?: string; currentOnly: boolean; offset?: number; limit?: number },
): Promise<TrainingRow[]> {
  let query = trainingRows(db, orgId);
  if (filter.personId !== undefined) query = query.where('pa.person_id', '=', filter.personId);
  if (filter.currentOnly) query = query.where('pa.is_current', '=', 1);
  query = query.orderBy('pa.due_on').orderBy('p.name').orderBy('pa.cycle').orderBy('pa.id');
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return query.execute();
}

export async function updateTraining(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<TrainingPersonAssignmentsTable>,
): Promise<void> {
  await trx
    .updateTable('training_person_assignments')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Marks it completed unless it already is; false when another request completed it first. */
export async function completeTrainingRow(
  trx: Db,
  orgId: string,
  id: string,
  values: Pick<
    TrainingPersonAssignmentsTable,
    'completed_at' | 'completed_on' | 'score' | 'completed_by' | 'certificate_evidence_id'
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable('training_person_assignments')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------- attempts ----------

export async function insertAttempt(trx: Db, row: TrainingAttemptsTable): Promise<void> {
  await trx.insertInto('training_attempts').values(row).execute();
}

export async function findOpenAttempt(db: Db, orgId: string, personAssignmentId: string) {
  return db
    .selectFrom('training_attempts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_assignment_id', '=', personAssignmentId)
    .where('submitted_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

export async function findAttempt(db: Db, orgId: string, personAssignmentId: string, id: string) {
  return db
    .selectFrom('training_attempts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_assignment_id', '=', personAssignmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records the score unless the attempt was already submitted; false when it was. */
export async function submitAttemptRow(
  trx: Db,
  orgId: string,
  id: string,
  values: Pick<TrainingAttemptsTable, 'submitted_at' | 'score' | 'passed'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('training_attempts')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listAttempts(db: Db, orgId: string, personAssignmentIds: readonly string[]) {
  if (personAssignmentIds.length === 0) return [];
  return db
    .selectFrom('training_attempts')
    .select(['person_assignment_id', 'submitted_at', 'score', 'passed'])
    .where('org_id', '=', orgId)
    .where('person_assignment_id', 'in', personAssignmentIds)
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at')
    .execute();
}

// ---------- the completion report ----------

export interface RateRow {
  key: string | null;
  assigned: number;
  completed: number;
  overdue: number;
}

/**
 * Completion per course over the current cycles of people still on the roster today. Reads only
 * the course-rates index: the few people who have left are excluded by id, not by a join.
 */
export async function courseRates(db: Db, orgId: string, today: string): Promise<RateRow[]> {
  const { rows } = await sql<CountRow>`
    select pa.course_key as key,
      count(*) as assigned,
      count(pa.completed_at) as completed,
      sum(case when pa.completed_at is null and pa.due_on < ${today} then 1 else 0 end) as overdue
    from training_person_assignments pa
    where pa.org_id = ${orgId} and pa.is_current = 1
      and pa.person_id not in (
        select id from people where org_id = ${orgId} and end_date is not null and end_date < ${today}
      )
    group by pa.course_key`.execute(db);
  return rows.map(countsOf);
}

/** One person's completion, with their name and department for the report. */
export interface PersonRateRow extends RateRow {
  key: string;
  name: string;
  departmentId: string | null;
}

/**
 * Completion per person still on the roster today: counted over the person-rates index first,
 * then joined once per person (not once per training record) for name, department and end date.
 */
export async function personRates(db: Db, orgId: string, today: string): Promise<PersonRateRow[]> {
  const { rows } = await sql<CountRow & { name: string; department_id: string | null }>`
    select x.key, p.name, p.department_id, x.assigned, x.completed, x.overdue
    from (
      select pa.person_id as key,
        count(*) as assigned,
        count(pa.completed_at) as completed,
        sum(case when pa.completed_at is null and pa.due_on < ${today} then 1 else 0 end) as overdue
      from training_person_assignments pa
      where pa.org_id = ${orgId} and pa.is_current = 1
      group by pa.person_id
    ) x
    join people p on p.org_id = ${orgId} and p.id = x.key
    where p.end_date is null or p.end_date >= ${today}`.execute(db);
  return rows.map((r) => ({
    ...countsOf(r),
    key: r.key ?? '',
    name: r.name,
    departmentId: r.department_id,
  }));
}

interface CountRow {
  key: string | null;
  assigned: number | string;
  completed: number | string;
  overdue: number | string;
}

const countsOf = (r: CountRow): RateRow => ({
  key: r.key,
  assigned: Number(r.assigned),
  completed: Number(r.completed),
  overdue: Number(r.overdue),
});

/** "Course, person" for each training record id of the organization. */
export async function findTrainingLabels(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_person_assignments as pa')
    .innerJoin('training_assignments as a', 'a.id', 'pa.assignment_id')
    .innerJoin('people as p', 'p.id', 'pa.person_id')
    .select(['pa.id', 'a.course_title', 'p.name'])
    .where('pa.org_id', '=', orgId)
    .where('pa.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.course_title}, ${r.name}`]));
}

/** The evidence items that are certificates of the organization's training records. */
export async function listCertificateEvidenceIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('training_person_assignments')
    .select('certificate_evidence_id as id')
    .where('org_id', '=', orgId)
    .where('certificate_evidence_id', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.id ? [row.id] : []));
}
