import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/db/types';
import { requireMember } from '../../platform/auth/members';
import { findDepartment } from './department-repository';
import { reference } from './presenter';
import { findManagerOf, findPerson, findPersonBy, membersByEmail } from './repository';
import type { PeopleTable } from './tables';

const UNIQUE = {
  employee_id: { field: 'body.employeeId', what: 'employee id' },
  email_key: { field: 'body.email', what: 'email' },
  user_id: { field: 'body.userId', what: 'Custos account' },
} as const;

/**
 * Checks what a person's new values name, in the caller's transaction: a department of this
 * organization (not archived when newly given), a manager of this roster who is not the person nor
 * reports to them, a member's account linked to nobody else, and unique employee id and email.
 * `id` is null for a new person.
 */
export async function checkPersonValues(
  trx: Db,
  orgId: string,
  id: string | null,
  values: Partial<PeopleTable>,
  before?: PeopleTable,
): Promise<void> {
  for (const column of ['employee_id', 'email_key', 'user_id'] as const) {
    const value = values[column];
    if (value === undefined || value === null) continue;
    const holder = await findPersonBy(trx, orgId, column, value);
    if (holder && holder.id !== id) {
      const { what } = UNIQUE[column];
      throw new AppError(
        'conflict',
        `This ${what} is already ${holder.name}'s (${reference(holder.number)}).`,
        [
          {
            path: UNIQUE[column].field,
            message: `is already ${holder.name}'s (${reference(holder.number)})`,
          },
        ],
      );
    }
  }
  const departmentId = values.department_id;
  if (departmentId && departmentId !== before?.department_id) {
    const department = await findDepartment(trx, orgId, departmentId);
    if (!department) throw AppError.field('body.departmentId', 'must be a department');
    if (department.archived_at !== null) {
      throw AppError.field('body.departmentId', `names ${department.name}, which is archived`);
    }
  }
  const managerId = values.manager_id;
  if (managerId && managerId !== before?.manager_id) {
    if (managerId === id) throw AppError.field('body.managerId', 'cannot be the person');
    if (!(await findPerson(trx, orgId, managerId))) {
      throw AppError.field('body.managerId', 'must be a person of this roster');
    }
    // Walk up from the new manager: meeting the person means they would manage themselves.
    const seen = new Set<string>();
    for (let at: string | null = managerId; at !== null && !seen.has(at);) {
      if (at === id) throw AppError.field('body.managerId', 'reports to this person already');
      seen.add(at);
      at = await findManagerOf(trx, orgId, at);
    }
  }
  if (values.user_id) {
    await requireMember(trx, orgId, values.user_id, 'body.userId');
  }
  const start = values.start_date !== undefined ? values.start_date : (before?.start_date ?? null);
  const end = values.end_date !== undefined ? values.end_date : (before?.end_date ?? null);
  if (start !== null && end !== null && end < start) {
    throw AppError.field('body.endDate', 'must be on or after the start date');
  }
}

/**
 * The account to link when none is given: the member of this organization (never another's) whose
 * email is the person's, unless another person of the roster is linked to it.
 */
export async function accountByEmail(
  trx: Db,
  orgId: string,
  emailKey: string | null,
): Promise<string | null> {
  if (emailKey === null) return null;
  const member = (await membersByEmail(trx, orgId)).get(emailKey);
  if (!member) return null;
  return (await findPersonBy(trx, orgId, 'user_id', member.userId)) ? null : member.userId;
}
