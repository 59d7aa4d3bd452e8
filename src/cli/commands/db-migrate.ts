import { migrateToLatest } from '../../server/platform/db/migrator';
import { sealAuditChains } from '../../server/platform/audit/trail';
import { cliAuditDeps, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/** Applies pending migrations; prints what was applied. */
export async function runDbMigrate(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    const applied = await withDatabase(env, async (db, config) => {
      const names = await migrateToLatest(db);
      // Chains written before they were keyed get their cut-over now (164.312(c)(1)).
      await sealAuditChains(db, cliAuditDeps(config).auditKeys);
      return names;
    });
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
