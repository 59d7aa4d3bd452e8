import { PostgresAdapter, type DialectAdapter, type Kysely } from 'kysely';

/** Anything that runs queries: a Kysely instance or a transaction. */
interface HasExecutor {
  getExecutor(): { readonly adapter: DialectAdapter };
}

/** True when `db` talks to PostgreSQL; migrations use it only where the dialects truly differ. */
export function isPostgres(db: HasExecutor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Portable column types. Instants: ISO-8601 text on SQLite, timestamptz on PostgreSQL (parsed back
 * to ISO strings). Dates: YYYY-MM-DD text / date. Ids: UUIDv7 as text / uuid.
 * Bytes: blob / bytea.
 */
export function columnTypes(db: Kysely<unknown>) {
  const pg = isPostgres(db);
  return {
    id: pg ? ('uuid' as const) : ('text' as const),
    instant: pg ? ('timestamptz' as const) : ('text' as const),
    date: pg ? ('date' as const) : ('text' as const),
    bytes: pg ? ('bytea' as const) : ('blob' as const),
  };
}
