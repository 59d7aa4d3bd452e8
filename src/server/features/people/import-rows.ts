import { isDisguising } from '../../../contracts/common';
import { z } from 'zod';
import { ROSTER_COLUMNS, type RosterColumn } from '../../../contracts/people-schemas';
import type { Table } from '../../platform/import/table';
import { choicesMessage, dateOf, kindOf, outcomeOf } from './import-values';
import type { PeopleTable } from './tables';

/** A problem of an import: data row, line of the file, column (design.md §6.9). */
export interface RosterProblem {
  row: number;
  line: number;
  column: string;
  message: string;
}

/** The columns a row's cells set, as the people table stores them. */
export type RowValues = Partial<
  Omit<PeopleTable, 'id' | 'org_id' | 'number' | 'department_id' | 'manager_id'>
>;

/** A row read and checked alone; what it names (department, manager) is resolved after. */
export interface ReadRow {
  row: number;
  line: number;
  values: RowValues;
  /** The department's name as written; null to clear; undefined when the file has no column. */
  department?: string | null;
  /** The manager's employee id, email or PERSON-n; null to clear; undefined without the column. */
  manager?: string | null;
  /** PERSON-n of an exported row: matches when the row has neither employee id nor email. */
  reference: number | null;
}

const LIMITS: Partial<Record<RosterColumn, number>> = {
  employee_id: 64,
  name: 200,
  email: 254,
  job_role: 200,
  department: 120,
  manager: 254,
  location: 200,
  clearance_note: 5000,
  authorization_note: 5000,
  supervision_note: 5000,
};
const TEXT: Partial<
  Record<
    RosterColumn,
    'job_role' | 'location' | 'clearance_note' | 'authorization_note' | 'supervision_note'
  >
> = {
  job_role: 'job_role',
  location: 'location',
  clearance_note: 'clearance_note',
  authorization_note: 'authorization_note',
  supervision_note: 'supervision_note',
};
const DATES: Partial<Record<RosterColumn, 'start_date' | 'end_date' | 'clearance_date'>> = {
  start_date: 'start_date',
  end_date: 'end_date',
  clearance_date: 'clearance_date',
};
const EmailSchema = z.email();

/** The header as columns: lower-case, words joined by `_`; problems for unknown or repeated ones. */
export function readHeader(table: Table, add: (p: RosterProblem) => void): string[] {
  const header = table.header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  // `reference` comes with an export; it matches rows that have no employee id and no email.
  const known: readonly string[] = [...ROSTER_COLUMNS, 'reference'];
  header.forEach((column, i) => {
    const named = table.header[i] ?? column;
    if (!known.includes(column)) {
      add({
        row: 0,
        line: 1,
        column: named,
        message: `is not a column of the roster import (columns: ${ROSTER_COLUMNS.join(', ')})`,
      });
    } else if (header.indexOf(column) !== i) {
      // Two columns for one field: neither may silently win (design.md §6.9).
      add({
        row: 0,
        line: 1,
        column: named,
        message: `appears more than once (columns ${header.indexOf(column) + 1} and ${i + 1})`,
      });
    }
  });
  if (!header.some((c) => c === 'employee_id' || c === 'email' || c === 'name')) {
    add({ row: 0, line: 1, column: 'name', message: 'column is missing' });
  }
  return header;
}

/** Reads one data row; returns undefined when it has a problem (each one added). */
export function readRow(
  header: readonly string[],
  index: number,
  source: { line: number; cells: string[] },
  add: (p: RosterProblem) => void,
): ReadRow | undefined {
  const row = index + 1;
  const { line } = source;
  const state = { failed: false };
  const fail = (column: string, message: string) => {
    state.failed = true;
    add({ row, line, column, message });
  };
  const has = (column: RosterColumn) => header.includes(column);
  // An export prefixes formula-like text with ' (design.md §6.9); the import takes it off again.
  const cell = (column: string) =>
    (source.cells[header.indexOf(column)] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
  for (const [column, max] of Object.entries(LIMITS)) {
    if (cell(column).length > max) fail(column, `must be at most ${max} characters`);
    // One-line fields, as the API takes them (contracts/common.ts Line): no disguised names.
    else if (max <= 254 && isDisguising(cell(column))) {
      fail(column, 'must not hold control characters or direction marks');
    }
  }
  const values: RowValues = {};
  const read: ReadRow = { row, line, values, reference: null };
  if (has('employee_id')) values.employee_id = cell('employee_id') || null;
  if (has('name') && cell('name') !== '') values.name = cell('name');
  if (has('kind') && cell('kind') !== '') {
    const kind = kindOf(cell('kind'));
    if (kind === undefined) fail('kind', choicesMessage('kind'));
    else values.kind = kind;
  }
  if (has('email')) {
    const email = cell('email').toLowerCase();
    if (email !== '' && !EmailSchema.safeParse(email).success) {
      fail('email', 'must be an email address');
    }
    values.email = email || null;
    values.email_key = email || null;
  }
  for (const [column, field] of Object.entries(TEXT)) {
    if (has(column as RosterColumn)) values[field] = cell(column);
  }
  for (const [column, field] of Object.entries(DATES)) {
    if (!has(column as RosterColumn)) continue;
    const text = cell(column);
    const date = text === '' ? null : dateOf(text);
    if (date === undefined) fail(column, 'must be a date (YYYY-MM-DD)');
    else values[field] = date;
  }
  if (has('clearance_outcome')) {
    const text = cell('clearance_outcome');
    const outcome = text === '' ? null : outcomeOf(text);
    if (outcome === undefined) fail('clearance_outcome', choicesMessage('clearance_outcome'));
    else values.clearance_outcome = outcome;
  }
  if (values.start_date && values.end_date && values.end_date < values.start_date) {
    fail('end_date', 'must be on or after the start date');
  }
  if (has('department')) read.department = cell('department').replace(/\s+/g, ' ') || null;
  if (has('manager')) read.manager = cell('manager') || null;
  const ref = /^PERSON-(\d{1,9})$/i.exec(cell('reference'))?.[1];
  if (ref !== undefined) read.reference = Number(ref);
  return state.failed ? undefined : read;
}
