import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseKind } from '../../../contracts/system';
import type { Database } from '../../db/schema';
import type { DatabaseTarget } from '../config';
import { clearPlannerStatistics } from './sqlite-statistics';
import { withStatementCache } from './statement-cache';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes every connection. */
  destroy(): Promise<void>;
}

/**
 * Opens the database named by the configuration. Nothing is queried yet, but for SQLite's own
 * statistics (see clearPlannerStatistics).
 */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  const db = target.kind === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
  return { db, kind: target.kind, destroy: () => db.destroy() };
}

function openSqlite(file: string): Kysely<Database> {
  mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  clearPlannerStatistics(database);
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
}

const { builtins } = pg.types;
type Parser = (value: string) => unknown;
const parseTimestamp = pg.types.getTypeParser(builtins.TIMESTAMPTZ) as (value: string) => Date;

// Same value shapes on both databases: instants as ISO strings, dates as YYYY-MM-DD, counts as numbers.
const CUSTOM_PARSERS = new Map<number, Parser>([
  [builtins.TIMESTAMPTZ, (value) => parseTimestamp(value).toISOString()],
  [builtins.TIMESTAMP, (value) => parseTimestamp(value + 'Z').toISOString()],
  [builtins.DATE, (value) => value],
  [builtins.INT8, (value) => Number(value)],
]);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: Parameters<typeof pg.types.getTypeParser>[0], format?: 'text' | 'binary') =>
    CUSTOM_PARSERS.get(oid) ??
    (pg.types.getTypeParser(oid, format) as Parser)) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    connectionTimeoutMillis: 5000,
    options: '-c TimeZone=UTC',
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Throws when the database cannot answer a trivial query. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** A one-line, secret-free description of why a database could not be reached. */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNREFUSED') {
      return 'connection refused';
    }
    if (code === 'ENOTFOUND') {
      return 'host not found';
    }
    return error.message.split('\n')[0] ?? 'unknown error';
  }
  return 'unknown error';
}
