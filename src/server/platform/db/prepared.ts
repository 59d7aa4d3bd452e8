import { sql, type Compilable, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from './dialect';

// Stands for a value while the query is compiled. NUL never occurs in the values bound here
// (hashes, ids, ISO instants), nor in any text Custos accepts.
const SLOT = '\u0000slot:';

/** What a slot takes: text, a number, or a list of ids (bound as one parameter). */
export type SlotValue = string | number | readonly string[];

interface Compiled<Name, Row> {
  query: CompiledQuery<Row>;
  /** For each parameter, the name of the value it takes, or null to keep the compiled one. */
  names: (Name | null)[];
  postgres: boolean;
}

/**
 * `column` is one of the ids bound to `slot` as a list: one parameter whatever the length, so a
 * query over a page's ids compiles once (`json_each` on SQLite, `= any` on PostgreSQL, where the
 * array takes the column's type).
 */
export function inList(
  db: Parameters<typeof isPostgres>[0],
  column: string,
  slot: string,
): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} = any(${slot})`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${slot}))`;
}

/**
 * The tenant check of a lookup by ids, `column = slot`, kept out of SQLite's choice of index
 * (`+column`): without statistics SQLite would read every row of the tenant through an
 * (org_id, ...) index rather than probe the primary key once per id. PostgreSQL plans by cost.
 */
export function tenantFilter(
  db: Parameters<typeof isPostgres>[0],
  column: string,
  slot: string,
): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} = ${slot}`
    : sql<boolean>`+${sql.ref(column)} = ${slot}`;
}

/** A number slot, typed for `where` and `limit`. */
export function numberSlot(slot: string): RawBuilder<number> {
  return sql<number>`${slot}`;
}

/**
 * A Kysely query built and compiled once per database, then run with new values: building and
 * compiling a query tree took about as long as SQLite took to run a small lookup (some 40 µs a
 * query on the benchmark machine, and garbage), which the authentication hook paid on every
 * request. `build` writes `slot('name')` where a value changes from call to call (wrapped in
 * `numberSlot` for a number, in `inList` for a list of ids).
 */
export function prepared<DB, Name extends string, Row>(
  build: (db: Kysely<DB>, slot: (name: Name) => string) => Compilable<Row>,
): (db: Kysely<DB>, values: Record<Name, SlotValue>) => Promise<Row[]> {
  const byDatabase = new WeakMap<Kysely<DB>, Compiled<Name, Row>>();
  const compile = (db: Kysely<DB>): Compiled<Name, Row> => {
    const slots: Name[] = [];
    const query = build(db, (name) => {
      slots.push(name);
      return SLOT + name;
    }).compile();
    const names = query.parameters.map((p) => slots.find((name) => p === SLOT + name) ?? null);
    if (query.sql.includes(SLOT) || slots.some((name) => !names.includes(name))) {
      throw new Error(`A slot of this query is not a parameter: ${query.sql}`);
    }
    const compiled = { query, names, postgres: isPostgres(db) };
    byDatabase.set(db, compiled);
    return compiled;
  };
  return async (db, values) => {
    const { query, names, postgres } = byDatabase.get(db) ?? compile(db);
    const parameters = names.map((name, i) => {
      if (name === null) return query.parameters[i];
      const value: SlotValue = values[name];
      if (typeof value === 'string' || typeof value === 'number') return value;
      return postgres ? [...value] : JSON.stringify(value);
    });
    const run: CompiledQuery<Row> = { ...query, parameters };
    return (await db.executeQuery(run)).rows;
  };
}
