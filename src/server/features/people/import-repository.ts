import { setImmediate } from 'node:timers/promises';
import type { CompiledQuery, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from '../../platform/db/types';
import type { DepartmentsTable, PeopleTable } from './tables';

// The roster import's reads and writes in bulk (the rest of the roster's SQL is in repository.ts).

const BATCH = 500;
const PAGE = 5000;

/** Every person of the organization, read page by page (an import matches rows against them). */
export async function allPeopleRows(db: Db, orgId: string): Promise<PeopleTable[]> {
  const rows: PeopleTable[] = [];
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('number', '>', after)
      .orderBy('org_id')
      .orderBy('number')
      .limit(PAGE)
      .execute();
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < PAGE) return rows;
    after = last.number;
  }
}

export async function allDepartmentRows(db: Db, orgId: string): Promise<DepartmentsTable[]> {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).execute();
}

/**
 * What the roster was when an import was checked: counts and last changes of people and
 * departments. The write transaction compares it, so a file checked against another roster than
 * the one it would change is refused rather than half right.
 */
export async function rosterFingerprint(db: Db, orgId: string): Promise<string> {
  const people = await db
    .selectFrom('people')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('updated_at').as('last')])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const departments = await db
    .selectFrom('departments')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('updated_at').as('last')])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const text = (v: unknown) =>
    v instanceof Date
      ? v.toISOString()
      : typeof v === 'string' || typeof v === 'number'
        ? String(v)
        : '';
  return [people.n, text(people.last), departments.n, text(departments.last)].map(String).join('|');
}

/** An import's inserts, compiled before its transaction (see compilePersonInserts). */
export interface CompiledPersonInserts {
  batches: CompiledQuery[];
  rows: number;
}

/**
 * Compiles the inserts before the transaction (on SQLite every other request waits while a write
 * transaction is open). Numbers are reserved inside it, so each row's number is compiled as a
 * placeholder, -1 - its index, which `runPersonInserts` replaces: no other column is a number.
 */
export async function compilePersonInserts(
  db: Db,
  rows: Omit<PeopleTable, 'number'>[],
): Promise<CompiledPersonInserts> {
  const batches: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    if (i > 0) await setImmediate();
    const batch = rows.slice(i, i + BATCH).map((row, j) => ({ ...row, number: -1 - i - j }));
    batches.push(db.insertInto('people').values(batch).compile());
  }
  return { batches, rows: rows.length };
}

/** Runs compiled inserts, numbering the rows from `first`. */
export async function runPersonInserts(
  trx: Transaction<Database>,
  inserts: CompiledPersonInserts,
  first: number,
): Promise<void> {
  let numbered = 0;
  for (const query of inserts.batches) {
    const parameters = query.parameters.map((p) => {
      if (typeof p !== 'number' || p >= 0) return p;
      numbered++;
      return first - 1 - p;
    });
    await trx.executeQuery({ ...query, parameters });
  }
  if (numbered !== inserts.rows) throw new Error('roster import: numbers and rows do not match');
}

/** Runs an import's changes, one statement per changed person. */
export async function runPersonUpdates(
  trx: Transaction<Database>,
  orgId: string,
  updates: { id: string; values: Partial<PeopleTable> }[],
): Promise<void> {
  for (const { id, values } of updates) {
    await trx
      .updateTable('people')
      .set(values)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }
}
