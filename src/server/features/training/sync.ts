import { v7 as uuidv7 } from 'uuid';
import type { TrainingFrequency } from '../../../contracts/training';
import type { Db } from '../../platform/db/types';
import { addDays, addMonths } from '../../platform/time';
import {
  insertCycles,
  listAssignments,
  listAudience,
  listCycles,
  listTrainees,
  retireCycles,
} from './repository';
import type { TrainingAssignmentsTable, TrainingPersonAssignmentsTable } from './tables';

/** A roster person as the assignment rules see them. */
export interface Trainee {
  readonly id: string;
  readonly departmentId: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly role: string | null;
}

/**
 * The cycle a person owes today under a rule, or null (164.308(a)(5)(i): training for each member
 * of the workforce, tracked):
 * - once: everyone in the audience, asked on the later of the rule's creation and their start;
 * - at hire: people who start on or after the rule's creation, asked on their start date;
 * - yearly: asked as once, then again every twelve months from that day.
 * Due `dueDays` after being asked. Nobody is asked before their start or after their end date.
 */
export function cycleOwed(
  rule: { frequency: TrainingFrequency; createdOn: string; dueDays: number },
  person: Pick<Trainee, 'startDate' | 'endDate'>,
  today: string,
): { cycle: number; assignedOn: string; dueOn: string } | null {
  if (person.startDate !== null && person.startDate > today) return null;
  if (person.endDate !== null && person.endDate < today) return null;
  if (
    rule.frequency === 'at_hire' &&
    (person.startDate === null || person.startDate < rule.createdOn)
  ) {
    return null;
  }
  const first =
    person.startDate !== null && person.startDate > rule.createdOn
      ? person.startDate
      : rule.createdOn;
  let cycle = 1;
  let assignedOn = first;
  if (rule.frequency === 'yearly') {
    while (addMonths(first, 12 * cycle) <= today) cycle += 1;
    assignedOn = addMonths(first, 12 * (cycle - 1));
  }
  return { cycle, assignedOn, dueOn: addDays(assignedOn, rule.dueDays) };
}

/** Whether a person is in a rule's audience: by membership role, department or name. */
export function inAudience(
  audience: {
    roles: ReadonlySet<string>;
    departments: ReadonlySet<string>;
    people: ReadonlySet<string>;
  },
  person: Trainee,
): boolean {
  return (
    audience.people.has(person.id) ||
    (person.departmentId !== null && audience.departments.has(person.departmentId)) ||
    (person.role !== null && audience.roles.has(person.role))
  );
}

/**
 * Brings each person's training up to date with the live rules (new people in an audience, new
 * yearly cycles), in the caller's transaction; idempotent (one row per assignment, person and
 * cycle, by a unique key), so two sweeps at once write each cycle once.
 */
export async function syncTrainingIn(
  trx: Db,
  orgId: string,
  today: string,
  now: string,
  only?: readonly TrainingAssignmentsTable[],
  /** Only these people (one just hired or moved), else everyone of the roster. */
  personIds?: readonly string[],
): Promise<number> {
  const rules = only ?? (await listAssignments(trx, orgId, { live: true }));
  if (rules.length === 0) return 0;
  const ids = rules.map((r) => r.id);
  const audience = await listAudience(trx, orgId, ids);
  const trainees = (await listTrainees(trx, orgId, now)).filter(
    (t) => personIds === undefined || personIds.includes(t.id),
  );
  const existing = await listCycles(trx, orgId, ids);
  const held = new Map<string, { id: string; cycle: number; is_current: number }[]>();
  for (const row of existing) {
    const key = `${row.assignment_id}:${row.person_id}`;
    held.set(key, [...(held.get(key) ?? []), row]);
  }
  const inserts: TrainingPersonAssignmentsTable[] = [];
  const retire: string[] = [];
  for (const rule of rules) {
    const rows = audience.filter((a) => a.assignment_id === rule.id);
    const sets = {
      roles: new Set(rows.flatMap((r) => (r.role ? [r.role] : []))),
      departments: new Set(rows.flatMap((r) => (r.department_id ? [r.department_id] : []))),
      people: new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : []))),
    };
    for (const person of trainees) {
      if (!inAudience(sets, person)) continue;
      const owed = cycleOwed(
        { frequency: rule.frequency, createdOn: rule.created_on, dueDays: rule.due_days },
        person,
        today,
      );
      if (!owed) continue;
      const mine = held.get(`${rule.id}:${person.id}`) ?? [];
      if (mine.some((r) => r.cycle >= owed.cycle)) continue;
      retire.push(...mine.filter((r) => r.is_current === 1).map((r) => r.id));
      inserts.push({
        id: uuidv7(),
        org_id: orgId,
        assignment_id: rule.id,
        person_id: person.id,
        course_key: rule.course_key,
        cycle: owed.cycle,
        is_current: 1,
        assigned_on: owed.assignedOn,
        due_on: owed.dueOn,
        started_at: null,
        failed_attempts: 0,
        completed_at: null,
        completed_on: null,
        score: null,
        completed_by: null,
        certificate_evidence_id: null,
        created_at: now,
      });
    }
  }
  await retireCycles(trx, orgId, retire);
  await insertCycles(trx, inserts);
  return inserts.length;
}
