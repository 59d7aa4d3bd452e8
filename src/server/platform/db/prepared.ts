import type { Compilable, CompiledQuery, Kysely } from 'kysely';

// Stands for a value while the query is compiled. NUL never occurs in the values bound here
// (hashes, ids, ISO instants), nor in any text Custos accepts.
const SLOT = '\u0000slot:';

interface Compiled<Name, Row> {
  query: CompiledQuery<Row>;
  /** For each parameter, the name of the value it takes, or null to keep the compiled one. */
  names: (Name | null)[];
}

/**
 * A Kysely query built and compiled once per database, then run with new values: building and
 * compiling a query tree took about as long as SQLite took to run a small lookup (some 40 µs a
 * query on the benchmark machine, and garbage), which the authentication hook paid on every
 * request. `build` writes `slot('name')` where a value changes from call to call; only text
 * values can be slots.
 */
export function prepared<DB, Name extends string, Row>(
  build: (db: Kysely<DB>, slot: (name: Name) => string) => Compilable<Row>,
): (db: Kysely<DB>, values: Record<Name, string>) => Promise<Row[]> {
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
    const compiled = { query, names };
    byDatabase.set(db, compiled);
    return compiled;
  };
  return async (db, values) => {
    const { query, names } = byDatabase.get(db) ?? compile(db);
    const parameters = names.map((name, i) => (name === null ? query.parameters[i] : values[name]));
    const run: CompiledQuery<Row> = { ...query, parameters };
    return (await db.executeQuery(run)).rows;
  };
}
