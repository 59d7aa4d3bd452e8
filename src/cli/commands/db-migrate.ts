import { loadConfig } from '../../server/platform/config';
import {
  describeDatabaseError,
  openDatabase,
  pingDatabase,
} from '../../server/platform/db/connection';
import { migrateToLatest } from '../../server/platform/db/migrator';
import { oneLine, type Io } from '../io';

/** Applies pending migrations; prints what was applied. */
export async function runDbMigrate(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let database: ReturnType<typeof openDatabase> | undefined;
  try {
    const config = loadConfig(env);
    database = openDatabase(config.database);
    await pingDatabase(database.db).catch((error: unknown) => {
      throw new Error(
        `Cannot reach the ${config.database.kind} database: ${describeDatabaseError(error)}`,
      );
    });
    const applied = await migrateToLatest(database.db);
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
  } finally {
    await database?.destroy().catch(() => undefined);
  }
}
