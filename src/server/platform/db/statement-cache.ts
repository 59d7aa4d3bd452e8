import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

// Enough for every query shape the app runs (an IN list of each length is a shape of its own).
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 for Kysely, with each SQL text prepared once and reused: Kysely prepares on
 * every query, and preparing cost more than running the app's usual lookups (a session by its
 * hash: 75 µs to prepare, 50 µs to run). The least recently used statement goes past
 * MAX_STATEMENTS. A statement still iterating (a streamed query) is never handed out twice:
 * another is prepared for that call.
 */
export function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last, so the first entry is the one to evict.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > MAX_STATEMENTS) {
          const oldest = statements.keys().next();
          if (!oldest.done) {
            statements.delete(oldest.value);
          }
        }
      }
      return statement;
    },
  };
}
