import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Enough for every query shape the app runs (an IN list of each length is a shape of its own).
const MAX_STATEMENTS = 500;

interface Cached {
  statement: SQLite.Statement;
  forKysely: SqliteStatement;
}

/**
 * better-sqlite3 for Kysely, with each SQL text prepared once and reused: Kysely prepares on
 * every query, and preparing cost more than running the app's usual lookups (a session by its
 * hash: 75 µs to prepare, 50 µs to run). The least recently used statement goes past
 * MAX_STATEMENTS. A statement still iterating (a streamed query) is never handed out twice:
 * another is prepared for that call. Rows are read as arrays and made into objects here (see
 * rowsAsObjects).
 */
export function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, Cached>();
  const schemaVersion = database.prepare('pragma schema_version').pluck();
  const version = (): unknown => schemaVersion.get();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      const cached = statements.get(sql);
      if (cached && !cached.statement.busy) {
        // Most recently used last, so the first entry is the one to evict.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached.forKysely;
      }
      const statement = database.prepare(sql);
      const fresh = { statement, forKysely: rowsAsObjects(statement, version) };
      if (!cached) {
        statements.set(sql, fresh);
        if (statements.size > MAX_STATEMENTS) {
          const oldest = statements.keys().next();
          if (!oldest.done) {
            statements.delete(oldest.value);
          }
        }
      }
      return fresh.forKysely;
    },
  };
}

/**
 * A reading statement in better-sqlite3's raw mode, its rows made into objects in JavaScript:
 * better-sqlite3 builds each row object natively, one property at a time, and that cost more than
 * SQLite's own work on a wide page (51 risks × 29 columns: 590 µs as objects, 270 µs as arrays,
 * 370 µs as arrays made into objects here). Same objects as better-sqlite3's: one property per
 * column name in column order, a later column of the same name winning. The names are read again
 * whenever the schema's version (read right after the rows, on this same connection) has changed:
 * SQLite re-prepares a statement after a schema change, and `select *` may then name other columns.
 */
export function rowsAsObjects(
  statement: SQLite.Statement,
  schemaVersion: () => unknown,
): SqliteStatement {
  if (!statement.reader) return statement;
  statement.raw(true);
  let seen: unknown = undefined;
  let names: string[] = [];
  const currentNames = () => {
    const now = schemaVersion();
    if (now !== seen || seen === undefined) {
      names = statement.columns().map((column) => column.name);
      seen = now;
    }
    return names;
  };
  const toObject = (values: unknown, columns: readonly string[]): Record<string, unknown> => {
    if (!Array.isArray(values)) throw new Error('A raw statement gave a row that is not an array');
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i += 1) {
      const name = columns[i];
      if (name !== undefined) row[name] = values[i];
    }
    return row;
  };
  return {
    reader: true,
    all: (parameters) => {
      const rows = statement.all(parameters);
      const columns = currentNames();
      return rows.map((values) => toObject(values, columns));
    },
    run: (parameters) => statement.run(parameters),
    iterate: function* (parameters) {
      for (const values of statement.iterate(parameters)) yield toObject(values, currentNames());
    },
  };
}
