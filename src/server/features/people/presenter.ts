import type { Department, Person, PersonStatus } from '../../../contracts/people-schemas';
import type { DepartmentRow } from './department-repository';
import type { PersonRow } from './repository';

export const reference = (number: number): string => `PERSON-${number}`;

/** Active, starting or ended on `today` (YYYY-MM-DD in the organization's time zone). */
export function statusOf(
  row: { start_date: string | null; end_date: string | null },
  today: string,
): PersonStatus {
  // The end date is the last day worked: ended from the day after.
  if (row.end_date !== null && row.end_date < today) return 'ended';
  if (row.start_date !== null && row.start_date > today) return 'starting';
  return 'active';
}

/** A person as the API answers; `seesNotes` from the caller's people.read_clearance_notes. */
export function presentPerson(row: PersonRow, today: string, seesNotes: boolean): Person {
  return {
    id: row.id,
    reference: reference(row.number),
    kind: row.kind,
    name: row.name,
    email: row.email,
    employeeId: row.employee_id,
    jobRole: row.job_role,
    department:
      row.department_id !== null && row.department_name !== null
        ? { id: row.department_id, name: row.department_name }
        : null,
    manager:
      row.manager_id !== null && row.manager_name !== null && row.manager_number !== null
        ? { id: row.manager_id, name: row.manager_name, reference: reference(row.manager_number) }
        : null,
    location: row.location,
    startDate: row.start_date,
    endDate: row.end_date,
    status: statusOf(row, today),
    clearanceOutcome: row.clearance_outcome,
    clearanceDate: row.clearance_date,
    // 164.308(a)(3)(ii)(B): background-check notes go to the roster's keepers only.
    clearanceNote: seesNotes ? row.clearance_note : null,
    authorizationNote: row.authorization_note,
    supervisionNote: row.supervision_note,
    user:
      row.user_id !== null && row.user_name !== null
        ? { id: row.user_id, name: row.user_name }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    name: row.name,
    archived: row.archived_at !== null,
    people: row.people,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
