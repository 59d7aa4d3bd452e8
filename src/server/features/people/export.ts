import { ROSTER_COLUMNS, type RosterColumn } from '../../../contracts/people-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Cell, Columns } from '../../platform/http/spreadsheet';
import { allDepartmentRows, allPeopleRows } from './import-repository';
import { reference } from './presenter';
import type { PeopleTable } from './tables';

const WIDTHS: Partial<Record<RosterColumn, number>> = {
  name: 28,
  email: 30,
  job_role: 24,
  department: 20,
  clearance_note: 40,
  authorization_note: 40,
  supervision_note: 40,
};

/**
 * The roster as CSV or XLSX in the import's columns (so an export can be edited and imported
 * again), with the export audited (164.312(b)). Cells are formula-safe (platform/http/csv,
 * spreadsheet). Without people.read_clearance_notes the clearance_note column is left out
 * (164.308(a)(3)(ii)(B)); an import without the column changes no note.
 */
export async function exportRoster(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  format: 'csv' | 'xlsx',
  seesNotes: boolean,
) {
  const db = deps.database.db;
  const [people, departments] = await Promise.all([
    allPeopleRows(db, orgId),
    allDepartmentRows(db, orgId),
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const byId = new Map(people.map((p) => [p.id, p]));
  // A manager is named by employee id, else email, else reference: what the import resolves.
  const managerKey = (id: string | null) => {
    const m = id === null ? undefined : byId.get(id);
    return m ? (m.employee_id ?? m.email ?? reference(m.number)) : '';
  };
  const cellOf: Record<RosterColumn, (p: PeopleTable) => Cell> = {
    employee_id: (p) => p.employee_id ?? '',
    name: (p) => p.name,
    kind: (p) => p.kind,
    email: (p) => p.email ?? '',
    job_role: (p) => p.job_role,
    department: (p) => (p.department_id ? (departmentName.get(p.department_id) ?? '') : ''),
    manager: (p) => managerKey(p.manager_id),
    location: (p) => p.location,
    start_date: (p) => p.start_date ?? '',
    end_date: (p) => p.end_date ?? '',
    clearance_outcome: (p) => p.clearance_outcome ?? '',
    clearance_date: (p) => p.clearance_date ?? '',
    clearance_note: (p) => p.clearance_note,
    authorization_note: (p) => p.authorization_note,
    supervision_note: (p) => p.supervision_note,
  };
  const shown = ROSTER_COLUMNS.filter((c) => seesNotes || c !== 'clearance_note');
  const columns: Columns = [...shown.map((c) => [c, WIDTHS[c] ?? 14] as const), ['reference', 12]];
  const rows = people.map((p) => [...shown.map((c) => cellOf[c](p)), reference(p.number)]);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'people.exported',
      changes: {
        format: { after: format },
        rows: { after: rows.length },
        clearanceNotes: { after: seesNotes },
      },
    }),
  );
  const file = {
    name: 'roster',
    sheet: 'Roster',
    title: 'Workforce roster',
    createdAt: deps.clock.now().toISOString(),
  };
  return { format, file, columns, rows };
}
