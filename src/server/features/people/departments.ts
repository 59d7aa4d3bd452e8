import { v7 as uuidv7 } from 'uuid';
import type { Department, DepartmentUpdateBody } from '../../../contracts/people-schemas';
import { countOf } from '../../../contracts/words';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import {
  deleteDepartment,
  findDepartment,
  findDepartmentByName,
  insertDepartments,
  listDepartmentRows,
  updateDepartment,
} from './department-repository';
import { presentDepartment } from './presenter';
import type { DepartmentsTable } from './tables';

/** The key that makes "Front desk" and "front  desk" one department. */
export const departmentKey = (name: string): string =>
  name.trim().toLowerCase().replace(/\s+/g, ' ');

async function found(db: Db, orgId: string, id: string) {
  const row = await findDepartment(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such department.');
  return row;
}

async function refuseTakenName(db: Db, orgId: string, name: string, id: string | null) {
  const other = await findDepartmentByName(db, orgId, departmentKey(name));
  if (other && other.id !== id) {
    throw new AppError('conflict', `There is a department named ${other.name} already.`, [
      { path: 'body.name', message: 'is taken' },
    ]);
  }
}

export async function listDepartments(deps: AppDeps, orgId: string) {
  return { data: (await listDepartmentRows(deps.database.db, orgId)).map(presentDepartment) };
}

/** A department row to insert (an import adds the departments its file names). */
export function newDepartmentRow(orgId: string, name: string, now: string): DepartmentsTable {
  return {
    id: uuidv7(),
    org_id: orgId,
    name,
    name_key: departmentKey(name),
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
}

export async function createDepartment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  name: string,
): Promise<Department> {
  const row = newDepartmentRow(orgId, name, deps.clock.now().toISOString());
  await deps.database.db.transaction().execute(async (trx) => {
    await refuseTakenName(trx, orgId, name, null);
    await insertDepartments(trx, [row]);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'department.created',
      entity: { type: 'department', id: row.id },
      changes: { name: { after: name } },
    });
  });
  return presentDepartment(await found(deps.database.db, orgId, row.id));
}

export async function changeDepartment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: DepartmentUpdateBody,
): Promise<Department> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const now = deps.clock.now().toISOString();
    const values: Partial<DepartmentsTable> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (body.name !== undefined && body.name !== before.name) {
      await refuseTakenName(trx, orgId, body.name, id);
      values.name = body.name;
      values.name_key = departmentKey(body.name);
      changes.name = { before: before.name, after: body.name };
    }
    if (body.archived !== undefined && body.archived !== (before.archived_at !== null)) {
      values.archived_at = body.archived ? now : null;
      changes.archived = { before: !body.archived, after: body.archived };
    }
    if (Object.keys(changes).length === 0) return;
    await updateDepartment(trx, orgId, id, { ...values, updated_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'department.changed',
      entity: { type: 'department', id },
      changes,
    });
  });
  return presentDepartment(await found(deps.database.db, orgId, id));
}

/** Deletes a department nobody is in; one in use is archived instead (409 says how many). */
export async function removeDepartment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    if (before.people > 0) {
      throw new AppError(
        'conflict',
        `${before.name} has ${countOf(before.people, 'person', 'people')} on the roster: move them or archive the department instead.`,
      );
    }
    await deleteDepartment(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'department.removed',
      entity: { type: 'department', id },
      changes: { name: { before: before.name } },
    });
  });
}

/** Every department's name by id, archived ones included (other features name departments). */
export async function listDepartmentNames(db: Db, orgId: string): Promise<Map<string, string>> {
  return new Map((await listDepartmentRows(db, orgId)).map((d) => [d.id, d.name]));
}
