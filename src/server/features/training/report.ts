import type {
  CompletionReport,
  PersonRates,
  PersonRatesQuery,
  PersonTraining,
  Rate,
  RecordsQuery,
} from '../../../contracts/training';
import {
  COURSE_KIND_LABELS,
  TRAINING_FREQUENCY_LABELS,
  TRAINING_STATUS_LABELS,
} from '../../../contracts/training';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { auditSeqOf } from '../../platform/audit/repository';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Columns } from '../../platform/http/spreadsheet';
import { organizationToday } from '../../platform/org-calendar';
import { loadTrainingModules } from './content';
import { certificateReference } from './completion';
import { presentTraining, statusOf } from './presenter';
import {
  courseRates,
  listCourses,
  listTrainings,
  namesOf,
  personRates,
  type PersonRateRow,
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

/** The counts the report is made of, as of one day and one point of the audit chain. */
interface Rates {
  key: string;
  courses: RateRow[];
  /** Lowest rate first, then by name; `lower` is the name lower-cased for the search. */
  people: (PersonRateRow & { lower: string })[];
  /** Summed once per count, by department id (null: no department). */
  departments: Map<string | null, Omit<RateRow, 'key'>>;
}

// The last counts of each organization, per database (tests run many in one process). Counting
// 160,000 records takes 100-200 ms; reading the chain head is one row. Bounded: a server serves few
// organizations, and the least recently counted is dropped first.
const counted = new WeakMap<object, Map<string, Rates>>();
const KEPT_ORGANIZATIONS = 16;
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;

/**
 * The counts behind the report, counted again only when the organization's day or audit chain has
 * moved: every write that can change a rate (a completion, an assignment, a roster change, the
 * sweep's new cycles) appends an audit event in its own transaction. The head is read before
 * the counts, so counts newer than their key are only counted again, never served stale.
 */
async function ratesOf(deps: AppDeps, orgId: string): Promise<Rates> {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const key = `${today}/${await auditSeqOf(db, orgId)}`;
  const mine = counted.get(deps.database) ?? new Map<string, Rates>();
  counted.set(deps.database, mine);
  const hit = mine.get(orgId);
  if (hit?.key === key) {
    mine.delete(orgId);
    mine.set(orgId, hit);
    return hit;
  }
  const [courses, people] = await Promise.all([
    courseRates(db, orgId, today),
    personRates(db, orgId, today),
  ]);
  const rateKey = (p: PersonRateRow) => p.completed / p.assigned;
  people.sort((a, b) => rateKey(a) - rateKey(b) || byName(a.name, b.name));
  const departments = new Map<string | null, Omit<RateRow, 'key'>>();
  for (const p of people) {
    const total = departments.get(p.departmentId) ?? { assigned: 0, completed: 0, overdue: 0 };
    total.assigned += p.assigned;
    total.completed += p.completed;
    total.overdue += p.overdue;
    departments.set(p.departmentId, total);
  }
  const rates = {
    key,
    courses,
    people: people.map((p) => ({ ...p, lower: p.name.toLocaleLowerCase('en') })),
    departments,
  };
  mine.delete(orgId);
  mine.set(orgId, rates);
  for (const old of mine.keys()) {
    if (mine.size <= KEPT_ORGANIZATIONS) break;
    mine.delete(old);
  }
  return rates;
}

const sum = (rows: readonly RateRow[]) =>
  rows.reduce(
    (total, r) => ({
      assigned: total.assigned + r.assigned,
      completed: total.completed + r.completed,
      overdue: total.overdue + r.overdue,
    }),
    { assigned: 0, completed: 0, overdue: 0 },
  );

/**
 * Completion overall, per course and per department (164.308(a)(5)(i): training tracked): the
 * current cycle of each assignment and person, over people still on the roster today; completed
 * means a completion recorded (a passed quiz, or an external course recorded by an official).
 */
export async function completionReport(deps: AppDeps, orgId: string): Promise<CompletionReport> {
  const db = deps.database.db;
  const { courses, departments } = await ratesOf(deps, orgId);
  const titles = new Map<string, string>(loadTrainingModules().map((m) => [m.id, m.title]));
  for (const course of await listCourses(db, orgId)) titles.set(course.id, course.title);
  const departmentNames = await namesOf(
    db,
    orgId,
    'departments',
    [...departments.keys()].flatMap((id) => (id ? [id] : [])),
  );
  return {
    overall: rateOf(sum(courses)),
    courses: courses
      .map((c) => ({
        course: { id: c.key ?? '', name: titles.get(c.key ?? '') ?? 'Removed course' },
        ...rateOf(c),
      }))
      .sort((a, b) => byName(a.course.name, b.course.name)),
    departments: [...departments]
      .map(([id, total]) => ({
        department: id ? { id, name: departmentNames.get(id) ?? 'Removed department' } : null,
        ...rateOf(total),
      }))
      // People without a department last.
      .sort((a, b) =>
        a.department && b.department
          ? byName(a.department.name, b.department.name)
          : a.department
            ? -1
            : 1,
      ),
  };
}

/** A page of people by completion, lowest first: the report's "By person", searchable. */
export async function completionByPerson(
  deps: AppDeps,
  orgId: string,
  query: PersonRatesQuery,
): Promise<PersonRates> {
  const { people } = await ratesOf(deps, orgId);
  const words = (query.q ?? '').toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  const department = query.departmentId === 'none' ? null : query.departmentId;
  const matching = people.filter(
    (p) =>
      (department === undefined || p.departmentId === department) &&
      words.every((w) => p.lower.includes(w)),
  );
  const from = query.cursor ?? 0;
  const page = matching.slice(from, from + query.limit);
  const departmentNames = await namesOf(
    deps.database.db,
    orgId,
    'departments',
    page.flatMap((p) => (p.departmentId ? [p.departmentId] : [])),
  );
  return {
    data: page.map((p) => ({
      person: { id: p.key, name: p.name },
      department: p.departmentId
        ? { id: p.departmentId, name: departmentNames.get(p.departmentId) ?? 'Removed department' }
        : null,
      ...rateOf(p),
    })),
    total: matching.length,
    nextCursor: from + page.length < matching.length ? String(from + page.length) : null,
  };
}

/** Each person's current training, for the Training page, a page at a time (or one person's all). */
export async function listRecords(deps: AppDeps, orgId: string, query: RecordsQuery) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const from = query.cursor ?? 0;
  const rows = await listTrainings(db, orgId, {
    ...(query.personId === undefined ? {} : { personId: query.personId }),
    currentOnly: query.personId === undefined,
    offset: from,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r): PersonTraining => presentTraining(r, today)),
    nextCursor: rows.length > query.limit ? String(from + query.limit) : null,
  };
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
