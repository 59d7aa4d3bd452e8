import { migrateToLatest } from '../../server/platform/db/migrator';
import { withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/** Applies pending migrations; prints what was applied. */
export async function runDbMigrate(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    const applied = await withDatabase(env, (db) => migrateToLatest(db));
    if (applied.length === 0) {
      io.out('The database is up to date; no migration to apply.');
    } else {
      for (const name of applied) {
        io.out(`applied ${name}`);
      }
      io.out(`${applied.length} migration${applied.length === 1 ? '' : 's'} applied.`);
    }
    return 0;
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
