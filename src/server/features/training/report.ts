import type { CompletionReport, PersonTraining, Rate } from '../../../contracts/training';
import {
  COURSE_KIND_LABELS,
  TRAINING_FREQUENCY_LABELS,
  TRAINING_STATUS_LABELS,
} from '../../../contracts/training';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import type { Columns } from '../../platform/http/spreadsheet';
import { organizationToday } from '../../platform/org-calendar';
import { loadTrainingModules } from './content';
import { certificateReference } from './completion';
import { presentTraining, statusOf } from './presenter';
import {
  completionRates,
  listCourses,
  listTraineeNames,
  listTrainings,
  namesOf,
  type RateRow,
} from './repository';

/** Whole percent rounded down, so 100 means everyone; null when nothing is assigned. */
export function rateOf(row: Pick<RateRow, 'assigned' | 'completed' | 'overdue'>): Rate {
  return {
    assigned: row.assigned,
    completed: row.completed,
    overdue: row.overdue,
    rate: row.assigned === 0 ? null : Math.floor((row.completed * 100) / row.assigned),
  };
}

/**
 * Completion per course, department and person (164.308(a)(5)(i): training tracked): the current
 * cycle of each assignment and person, over people still on the roster today; completed means a
 * completion recorded (a passed quiz, or an external course recorded by an official).
 */
export async function completionReport(deps: AppDeps, orgId: string): Promise<CompletionReport> {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const [courses, departments, people] = await Promise.all([
    completionRates(db, orgId, today, 'course'),
    completionRates(db, orgId, today, 'department'),
    completionRates(db, orgId, today, 'person'),
  ]);
  const titles = new Map<string, string>(loadTrainingModules().map((m) => [m.id, m.title]));
  for (const course of await listCourses(db, orgId)) titles.set(course.id, course.title);
  const departmentNames = await namesOf(
    db,
    orgId,
    'departments',
    departments.flatMap((d) => (d.key ? [d.key] : [])),
  );
  const personNames = await peopleNames(db, orgId);
  const total = courses.reduce(
    (sum, c) => ({
      assigned: sum.assigned + c.assigned,
      completed: sum.completed + c.completed,
      overdue: sum.overdue + c.overdue,
    }),
    { assigned: 0, completed: 0, overdue: 0 },
  );
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    overall: rateOf(total),
    courses: courses
      .map((c) => ({
        course: { id: c.key ?? '', name: titles.get(c.key ?? '') ?? 'Removed course' },
        ...rateOf(c),
      }))
      .sort((a, b) => byName(a.course, b.course)),
    departments: departments
      .map((d) => ({
        department: d.key
          ? { id: d.key, name: departmentNames.get(d.key) ?? 'Removed department' }
          : null,
        ...rateOf(d),
      }))
      // People without a department last.
      .sort((a, b) =>
        a.department && b.department ? byName(a.department, b.department) : a.department ? -1 : 1,
      ),
    people: people
      .map((p) => ({ person: { id: p.key ?? '', name: personNames(p.key ?? '') }, ...rateOf(p) }))
      .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || byName(a.person, b.person)),
  };
}

/** Names of the roster, read once for the whole report. */
async function peopleNames(db: Db, orgId: string) {
  const names = await listTraineeNames(db, orgId);
  return (id: string) => names.get(id) ?? 'Removed person';
}

/** Each person's current training, for the Training page (filtered to one person on request). */
export async function listRecords(deps: AppDeps, orgId: string, personId: string | undefined) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const rows = await listTrainings(db, orgId, {
    ...(personId === undefined ? {} : { personId }),
    currentOnly: personId === undefined,
  });
  return { data: rows.map((r): PersonTraining => presentTraining(r, today)) };
}

const COLUMNS: Columns = [
  ['person', 24],
  ['course', 36],
  ['course_kind', 16],
  ['frequency', 12],
  ['cycle', 6],
  ['assigned_on', 12],
  ['due_on', 12],
  ['status', 16],
  ['completed_on', 12],
  ['score', 6],
  ['failed_attempts', 8],
  ['certificate', 16],
];

/**
 * Every cycle of every person's training (or one person's), with completion date, score and
 * certificate: the history an auditor asks for under 164.308(a)(5). The export is audited.
 */
export async function exportHistory(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  personId: string | undefined,
) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  if (personId !== undefined && (await namesOf(db, orgId, 'people', [personId])).size === 0) {
    throw new AppError('not_found', 'No such person on the roster.');
  }
  const trainings = await listTrainings(db, orgId, {
    ...(personId === undefined ? {} : { personId }),
    currentOnly: false,
  });
  const rows = trainings
    .toSorted(
      (a, b) =>
        a.person_name.localeCompare(b.person_name) ||
        a.assigned_on.localeCompare(b.assigned_on) ||
        a.course_title.localeCompare(b.course_title),
    )
    .map((r) => [
      r.person_name,
      r.course_title,
      COURSE_KIND_LABELS[r.course_kind],
      TRAINING_FREQUENCY_LABELS[r.frequency],
      r.cycle,
      r.assigned_on,
      r.due_on,
      TRAINING_STATUS_LABELS[statusOf(r, today)],
      r.completed_on ?? '',
      r.score ?? '',
      r.failed_attempts,
      r.certificate_evidence_id ? certificateReference(r.id) : '',
    ]);
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training.exported',
      ...(personId === undefined ? {} : { entity: { type: 'person', id: personId } }),
      changes: { format: { after: 'csv' }, rows: { after: rows.length } },
    }),
  );
  const createdAt = deps.clock.now().toISOString();
  return {
    file: { name: 'training-history', sheet: 'Training', title: 'Training history', createdAt },
    columns: COLUMNS,
    rows,
  };
}
