import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../db/migrations';
import type { Database } from '../../db/schema';

export interface MigrationState {
  applied: number;
  pending: number;
  latest: string | null;
  current: boolean;
  pendingNames: string[];
}

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
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

/** How far the database's schema is from what this version of Custos ships. */
export async function migrationState(db: Kysely<Database>): Promise<MigrationState> {
  const infos = await migratorFor(db).getMigrations();
  const applied = infos.filter((m) => m.executedAt !== undefined);
  const pendingNames = infos.filter((m) => m.executedAt === undefined).map((m) => m.name);
  return {
    applied: applied.length,
    pending: pendingNames.length,
    latest: applied.at(-1)?.name ?? null,
    current: pendingNames.length === 0,
    pendingNames,
  };
}
