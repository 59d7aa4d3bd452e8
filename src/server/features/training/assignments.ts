import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import type { Assignment, AssignmentBody } from '../../../contracts/training';
import { TRAINING_FREQUENCY_LABELS } from '../../../contracts/training';
import { ROLE_LABELS, roleOf } from '../../../contracts/roles';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { findPeopleNames } from '../../platform/people-repository';
import { resolveCourse } from './courses';
import {
  assignmentProgress,
  endAssignmentRow,
  insertAssignment,
  listAssignments,
  listAudience,
  namesOf,
} from './repository';
import { syncTrainingIn } from './sync';
import type { TrainingAssignmentsTable, TrainingAudienceTable } from './tables';

async function present(
  db: Db,
  orgId: string,
  rows: readonly TrainingAssignmentsTable[],
  today: string,
): Promise<Assignment[]> {
  const audience = await listAudience(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const departments = await namesOf(
    db,
    orgId,
    'departments',
    audience.flatMap((a) => (a.department_id ? [a.department_id] : [])),
  );
  const people = await namesOf(
    db,
    orgId,
    'people',
    audience.flatMap((a) => (a.person_id ? [a.person_id] : [])),
  );
  const creators = await findPeopleNames(
    db,
    orgId,
    rows.flatMap((r) => (r.created_by ? [r.created_by] : [])),
  );
  const progress = new Map(
    (await assignmentProgress(db, orgId, today)).map((p) => [p.assignment_id, p]),
  );
  return rows.map((row) => {
    const mine = audience.filter((a) => a.assignment_id === row.id);
    const done = progress.get(row.id);
    return {
      id: row.id,
      course: { id: row.course_key, kind: row.course_kind, title: row.course_title },
      frequency: row.frequency,
      dueDays: row.due_days,
      roles: mine.flatMap((a) => (a.role ? [roleOf(a.role)] : [])),
      departments: mine.flatMap((a) =>
        a.department_id
          ? [
              {
                id: a.department_id,
                name: departments.get(a.department_id) ?? 'Removed department',
              },
            ]
          : [],
      ),
      people: mine.flatMap((a) =>
        a.person_id ? [{ id: a.person_id, name: people.get(a.person_id) ?? 'Removed person' }] : [],
      ),
      createdOn: row.created_on,
      createdBy: row.created_by
        ? { id: row.created_by, name: creators.get(row.created_by) ?? 'Former member' }
        : null,
      assigned: done?.assigned ?? 0,
      completed: done?.completed ?? 0,
      overdue: done?.overdue ?? 0,
    };
  });
}

export async function listAssignmentsFor(deps: AppDeps, orgId: string) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  return {
    data: await present(db, orgId, await listAssignments(db, orgId, { live: true }), today),
  };
}

/**
 * Assigns a course to an audience (164.308(a)(5)(i)): membership roles, departments of the roster,
 * named roster people. Everyone it covers today is asked at once, in the same transaction.
 */
export async function assignTraining(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AssignmentBody,
): Promise<Assignment> {
  const db = deps.database.db;
  const row = await db
    .transaction()
    .execute((trx) => assignTrainingIn(trx, deps, context, orgId, body));
  const today = await organizationToday(db, deps.clock, orgId);
  const [presented] = await present(db, orgId, [row], today);
  if (!presented) throw new Error('the assignment just written is missing');
  return presented;
}

/**
 * `assignTraining` in the caller's transaction (a sanction of retraining assigns its course);
 * `courseField` names the course in a refusal.
 */
export async function assignTrainingIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AssignmentBody,
  courseField = 'body.courseId',
): Promise<TrainingAssignmentsTable> {
  const now = deps.clock.now().toISOString();
  {
    const course = await resolveCourse(trx, orgId, body.courseId, courseField);
    const roles = [...new Set(body.roles)];
    const departmentIds = [...new Set(body.departmentIds)];
    const personIds = [...new Set(body.personIds)];
    if (roles.length + departmentIds.length + personIds.length === 0) {
      throw AppError.field('body.roles', 'must name at least one role, department or person');
    }
    const departments = await namesOf(trx, orgId, 'departments', departmentIds);
    const missingDepartment = body.departmentIds.findIndex((id) => !departments.has(id));
    if (missingDepartment >= 0) {
      throw AppError.field(`body.departmentIds.${missingDepartment}`, 'names no department');
    }
    const people = await namesOf(trx, orgId, 'people', personIds);
    const missingPerson = body.personIds.findIndex((id) => !people.has(id));
    if (missingPerson >= 0) {
      throw AppError.field(`body.personIds.${missingPerson}`, 'names nobody on the roster');
    }
    const today = await organizationToday(trx, deps.clock, orgId);
    const assignment: TrainingAssignmentsTable = {
      id: uuidv7(),
      org_id: orgId,
      course_kind: course.kind,
      course_key: course.key,
      course_title: course.title,
      frequency: body.frequency,
      due_days: body.dueDays,
      created_on: today,
      created_at: now,
      created_by: context.actor.type === 'user' ? context.actor.id : null,
      ended_at: null,
    };
    const audience: TrainingAudienceTable[] = [
      ...roles.map((role) => ({ role, department_id: null, person_id: null })),
      ...departmentIds.map((id) => ({ role: null, department_id: id, person_id: null })),
      ...personIds.map((id) => ({ role: null, department_id: null, person_id: id })),
    ].map((who) => ({ id: uuidv7(), org_id: orgId, assignment_id: assignment.id, ...who }));
    await insertAssignment(trx, assignment, audience);
    const asked = await syncTrainingIn(trx, orgId, today, now, [assignment]);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training_assignment.created',
      entity: { type: 'training_assignment', id: assignment.id },
      changes: {
        course: { after: course.title },
        frequency: { after: TRAINING_FREQUENCY_LABELS[body.frequency] },
        dueDays: { after: body.dueDays },
        roles: { after: roles.map((r) => ROLE_LABELS[r]).join(', ') },
        departments: { after: departmentIds.map((id) => departments.get(id) ?? '').join(', ') },
        people: { after: personIds.map((id) => people.get(id) ?? '').join(', ') },
        asked: { after: asked },
      },
    });
    return assignment;
  }
}

/** Ends an assignment: nobody is asked again; each person's record stays (164.316(b)(2)(i)). */
export async function endAssignment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const [row] = await listAssignments(trx, orgId, { ids: [id] });
    if (!row) throw new AppError('not_found', 'No such training assignment.');
    if (row.ended_at !== null) return;
    await endAssignmentRow(trx, orgId, id, deps.clock.now().toISOString());
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training_assignment.ended',
      entity: { type: 'training_assignment', id },
      changes: { course: { after: row.course_title } },
    });
  });
}
