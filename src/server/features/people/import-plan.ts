import { v7 as uuidv7 } from 'uuid';
import { ROSTER_CHANGES, type RosterImportResult } from '../../../contracts/people-schemas';
import { departmentKey, newDepartmentRow } from './departments';
import type { ReadRow, RosterProblem } from './import-rows';
import { reference } from './presenter';
import type { DepartmentsTable, PeopleTable } from './tables';

/** What an import will write, decided before its transaction opens. */
export interface RosterPlan {
  creates: Omit<PeopleTable, 'number'>[];
  updates: { id: string; values: Partial<PeopleTable> }[];
  departments: DepartmentsTable[];
  summary: Omit<RosterImportResult, 'rows' | 'valid' | 'problems' | 'applied'>;
}

interface Entry {
  read: ReadRow;
  target: PeopleTable | undefined;
  values: Partial<PeopleTable>;
}

// The file's name for each column a change sets (the preview lists them).
const COLUMN_NAMES: Partial<Record<keyof PeopleTable, string>> = {
  employee_id: 'employee_id',
  name: 'name',
  kind: 'kind',
  email: 'email',
  job_role: 'job_role',
  department_id: 'department',
  manager_id: 'manager',
  location: 'location',
  start_date: 'start_date',
  end_date: 'end_date',
  clearance_outcome: 'clearance_outcome',
  clearance_date: 'clearance_date',
  clearance_note: 'clearance_note',
  authorization_note: 'authorization_note',
  supervision_note: 'supervision_note',
  user_id: 'account',
};
const ORDER = ROSTER_CHANGES;
const MAX_ITEMS = 500;

/**
 * Matches each row with a person (employee id, then email, then an export's reference), resolves
 * departments and managers, and decides what is created, changed and left alone. Problems name
 * row, line and column; with any, nothing is written.
 */
export function planRosterImport(
  orgId: string,
  rows: ReadRow[],
  existing: PeopleTable[],
  departments: DepartmentsTable[],
  members: Map<string, { userId: string }>,
  now: string,
  add: (p: RosterProblem) => void,
): RosterPlan {
  const index = <K extends 'employee_id' | 'email_key'>(key: K) =>
    new Map(existing.flatMap((p) => (p[key] === null ? [] : [[p[key], p] as const])));
  const byEmployee = index('employee_id');
  const byEmail = index('email_key');
  const byNumber = new Map(existing.map((p) => [p.number, p]));
  const departmentsByKey = new Map(departments.map((d) => [d.name_key, d]));
  const newDepartments = new Map<string, DepartmentsTable>();
  // Who holds an employee id or email once the file is applied: row number or person.
  const claimedEmployee = new Map<string, number>();
  const claimedEmail = new Map<string, number>();
  const claimedPerson = new Map<string, number>();
  const entries: Entry[] = [];

  for (const read of rows) {
    const { row, line, values } = read;
    const problem = (column: string, message: string) => add({ row, line, column, message });
    const employeeId = values.employee_id ?? null;
    const email = values.email_key ?? null;
    let target = employeeId !== null ? byEmployee.get(employeeId) : undefined;
    if (!target && email !== null) {
      const holder = byEmail.get(email);
      if (holder && employeeId !== null && holder.employee_id !== null) {
        problem(
          'email',
          `is ${reference(holder.number)}'s, whose employee id is ${holder.employee_id}, not ${employeeId}`,
        );
        continue;
      }
      target = holder;
    }
    if (!target && employeeId === null && email === null && read.reference !== null) {
      target = byNumber.get(read.reference);
    }
    if (target) {
      const earlier = claimedPerson.get(target.id);
      if (earlier !== undefined) {
        problem('employee_id', `is ${reference(target.number)} again (row ${earlier})`);
        continue;
      }
      claimedPerson.set(target.id, row);
    }
    let clash = false;
    for (const [key, value, holders, claimed] of [
      ['employee_id', employeeId, byEmployee, claimedEmployee],
      ['email', email, byEmail, claimedEmail],
    ] as const) {
      if (value === null) continue;
      const holder = holders.get(value);
      const earlier = claimed.get(value);
      if (holder && holder.id !== target?.id) {
        problem(key, `is ${reference(holder.number)}'s (${holder.name})`);
        clash = true;
      } else if (earlier !== undefined) {
        problem(key, `is on row ${earlier} too`);
        clash = true;
      } else {
        claimed.set(value, row);
      }
    }
    if (clash) continue;
    if (!target && values.name === undefined) {
      problem('name', 'is required for a new person');
      continue;
    }
    const planned: Partial<PeopleTable> = { ...values };
    if (read.department !== undefined) {
      if (read.department === null) {
        planned.department_id = null;
      } else {
        const key = departmentKey(read.department);
        const known = departmentsByKey.get(key);
        if (known?.archived_at && known.id !== target?.department_id) {
          problem('department', `${known.name} is archived`);
          continue;
        }
        const department =
          known ?? newDepartments.get(key) ?? newDepartmentRow(orgId, read.department, now);
        if (!known) newDepartments.set(key, department);
        planned.department_id = department.id;
      }
    }
    entries.push({ read, target, values: planned });
  }

  // New people get their ids now, so managers can name them.
  const ids = new Map(entries.map((e) => [e, e.target?.id ?? uuidv7()]));
  const fileEmployee = new Map<string, string>();
  const fileEmail = new Map<string, string>();
  for (const e of entries) {
    const id = ids.get(e) ?? '';
    if (e.values.employee_id) fileEmployee.set(e.values.employee_id, id);
    if (e.values.email_key) fileEmail.set(e.values.email_key, id);
  }
  const managerOf = new Map(existing.map((p) => [p.id, p.manager_id]));
  const resolve = (key: string): string | undefined => {
    const ref = /^PERSON-(\d{1,9})$/i.exec(key);
    if (ref?.[1]) return byNumber.get(Number(ref[1]))?.id;
    return (
      fileEmployee.get(key) ??
      byEmployee.get(key)?.id ??
      fileEmail.get(key.toLowerCase()) ??
      byEmail.get(key.toLowerCase())?.id
    );
  };
  const valid: Entry[] = [];
  for (const e of entries) {
    const id = ids.get(e) ?? '';
    const { row, line } = e.read;
    if (e.read.manager === undefined) {
      valid.push(e);
      continue;
    }
    const managerId = e.read.manager === null ? null : resolve(e.read.manager);
    if (managerId === undefined) {
      add({ row, line, column: 'manager', message: 'names nobody on the roster or in the file' });
    } else if (managerId === id) {
      add({ row, line, column: 'manager', message: 'cannot be the person' });
    } else {
      e.values.manager_id = managerId;
      managerOf.set(id, managerId);
      valid.push(e);
    }
  }
  // A reporting line may not loop back to the person (A manages B manages A).
  const looping = peopleInLoops(managerOf);
  for (const e of valid) {
    if (looping.has(ids.get(e) ?? '')) {
      add({
        row: e.read.row,
        line: e.read.line,
        column: 'manager',
        message: 'makes a reporting line that loops back to this person',
      });
    }
  }
  // A member whose email is the person's is linked, when no one on the roster is yet (never a
  // member of another organization: `members` holds this organization's only).
  const linked = new Set(existing.flatMap((p) => (p.user_id === null ? [] : [p.user_id])));
  for (const e of valid) {
    const email = e.values.email_key ?? e.target?.email_key ?? null;
    const member = email === null ? undefined : members.get(email);
    if ((e.target?.user_id ?? null) === null && member && !linked.has(member.userId)) {
      e.values.user_id = member.userId;
      linked.add(member.userId);
    }
  }
  return summarize(orgId, valid, ids, [...newDepartments.values()], now);
}

function summarize(
  orgId: string,
  entries: Entry[],
  ids: Map<Entry, string>,
  departments: DepartmentsTable[],
  now: string,
): RosterPlan {
  const plan: RosterPlan = {
    creates: [],
    updates: [],
    departments,
    summary: {
      created: 0,
      changed: 0,
      unchanged: 0,
      departmentsCreated: departments.map((d) => d.name),
      items: [],
    },
  };
  const { summary } = plan;
  const item = (i: (typeof summary.items)[number]) => {
    if (summary.items.length < MAX_ITEMS) summary.items.push(i);
  };
  for (const e of entries) {
    const { target, values, read } = e;
    if (!target) {
      summary.created++;
      item({
        row: read.row,
        action: 'create',
        reference: null,
        name: values.name ?? '',
        columns: [],
      });
      plan.creates.push(newPersonRow(orgId, ids.get(e) ?? uuidv7(), values, now));
      continue;
    }
    const changed = (Object.keys(values) as (keyof PeopleTable)[]).filter(
      (k) => values[k] !== undefined && values[k] !== target[k],
    );
    const columns = ORDER.filter((c) => changed.some((k) => COLUMN_NAMES[k] === c));
    if (columns.length === 0) {
      summary.unchanged++;
      continue;
    }
    summary.changed++;
    item({
      row: read.row,
      action: 'change',
      reference: reference(target.number),
      name: values.name ?? target.name,
      columns,
    });
    const set: Partial<PeopleTable> = {};
    for (const k of changed) Object.assign(set, { [k]: values[k] });
    plan.updates.push({ id: target.id, values: set });
  }
  // Managers first, so a new person's manager row exists when theirs is written.
  const depth = new Map<string, number>();
  const created = new Map(plan.creates.map((c) => [c.id, c]));
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    // Up the chain of new managers; a loop (refused as a problem already) stops the walk.
    const chain: string[] = [];
    const seen = new Set<string>();
    let at: string | undefined = id;
    while (at !== undefined && !depth.has(at) && !seen.has(at)) {
      seen.add(at);
      chain.push(at);
      const manager: string | null | undefined = created.get(at)?.manager_id;
      at = manager && created.has(manager) ? manager : undefined;
    }
    let d = at !== undefined ? (depth.get(at) ?? 0) + 1 : 0;
    for (const link of chain.reverse()) depth.set(link, d++);
    return depth.get(id) ?? 0;
  };
  plan.creates.sort((a, b) => depthOf(a.id) - depthOf(b.id));
  return plan;
}

function newPersonRow(
  orgId: string,
  id: string,
  v: Partial<PeopleTable>,
  now: string,
): Omit<PeopleTable, 'number'> {
  return {
    id,
    org_id: orgId,
    kind: v.kind ?? 'employee',
    name: v.name ?? '',
    email: v.email ?? null,
    email_key: v.email_key ?? null,
    employee_id: v.employee_id ?? null,
    job_role: v.job_role ?? '',
    department_id: v.department_id ?? null,
    manager_id: v.manager_id ?? null,
    location: v.location ?? '',
    start_date: v.start_date ?? null,
    end_date: v.end_date ?? null,
    clearance_outcome: v.clearance_outcome ?? null,
    clearance_date: v.clearance_date ?? null,
    clearance_note: v.clearance_note ?? '',
    authorization_note: v.authorization_note ?? '',
    supervision_note: v.supervision_note ?? '',
    user_id: v.user_id ?? null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * The people whose reporting line leads back to themselves, in one pass over everyone: each line
 * is walked once, never again from each person on it (a 20,000-long line walked from every person
 * took minutes and stalled the server for every organization: outside attacker, issue 15).
 */
export function peopleInLoops(managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const walkOf = new Map<string, number>();
  const looping = new Set<string>();
  let walk = 0;
  for (const start of managerOf.keys()) {
    if (walkOf.has(start)) continue;
    walk += 1;
    const path: string[] = [];
    let at: string | null = start;
    while (at !== null && !walkOf.has(at)) {
      walkOf.set(at, walk);
      path.push(at);
      at = managerOf.get(at) ?? null;
    }
    // Back on this walk's own path: the people from there on form a loop.
    if (at !== null && walkOf.get(at) === walk) {
      for (const id of path.slice(path.indexOf(at))) looping.add(id);
    }
  }
  return looping;
}
