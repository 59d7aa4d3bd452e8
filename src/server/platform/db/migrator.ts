import {
  DEFAULT_MIGRATION_TABLE,
  Migrator,
  NO_MIGRATIONS,
  sql,
  type Kysely,
  type Migration,
  type MigrationResultSet,
} from 'kysely';
import { isPostgres } from './dialect';
import { migrations as platformMigrations } from '../../db/migrations';
import type { Database } from '../../db/schema';
import type { Feature } from '../feature';

export interface MigrationState {
  applied: number;
  pending: number;
  latest: string | null;
  current: boolean;
  pendingNames: string[];
}

/**
 * db/migrations and every feature's own, ordered by name (the migrator runs them in that order); a
 * name used twice is a programming error.
 */
export function collectMigrations(
  platform: Readonly<Record<string, Migration>>,
  features: readonly Feature[],
): Record<string, Migration> {
  const all = new Map(Object.entries(platform));
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (all.has(name)) {
        throw new Error(`Migration ${name} of ${feature.name} has the name of another migration`);
      }
      all.set(name, migration);
    }
  }
  return Object.fromEntries([...all].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Every migration of this version. The features are imported here, when asked, not at load: they
 * import this module (the system feature's readiness), and a static import would be a cycle.
 */
export async function allMigrations(): Promise<Record<string, Migration>> {
  const { FEATURES } = await import('../../features/index');
  return collectMigrations(platformMigrations, FEATURES);
}

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: allMigrations } });
}

/** Applies every pending migration in order. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateToLatest());
}

/** Reverts every migration (tests and `down` checks only). */
export async function migrateToEmpty(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? `migration ${failed.migrationName} failed: ` : 'migration failed: ';
    throw new Error(name + (error instanceof Error ? error.message : JSON.stringify(error)), {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * How far the database's schema is from what this version of Custos ships. Reads Kysely's
 * migration table directly: Migrator.getMigrations() would run DDL on every readiness probe.
 */
export async function migrationState(db: Kysely<Database>): Promise<MigrationState> {
  const done = new Set(await appliedMigrationNames(db));
  const names = Object.keys(await allMigrations());
  const applied = names.filter((n) => done.has(n));
  const pendingNames = names.filter((n) => !done.has(n));
  return {
    applied: applied.length,
    pending: pendingNames.length,
    latest: applied.at(-1) ?? null,
    current: pendingNames.length === 0,
    pendingNames,
  };
}

async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  const table = DEFAULT_MIGRATION_TABLE;
  const exists = isPostgres(db)
    ? sql<{ found: string | null }>`select to_regclass(${table}) as found`
    : sql<{
        found: string | null;
      }>`select name as found from sqlite_master where type = 'table' and name = ${table}`;
  const { rows } = await exists.execute(db);
  if (!rows[0]?.found) {
    return [];
  }
  const applied = await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(db);
  return applied.rows.map((r) => r.name);
}
