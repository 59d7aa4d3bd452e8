import { exportCheckpoints, takeCheckpoint } from '../../server/platform/audit/checkpoints';
import { cliAuditDeps, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/**
 * Takes a signed checkpoint of every chain head. With `export`, prints every checkpoint and the
 * public key as JSON, for an auditor to keep outside Custos and check later with
 * `custos audit verify --checkpoints FILE` (164.312(c)(1)).
 */
export async function runAuditCheckpoint(
  env: NodeJS.ProcessEnv,
  io: Io,
  options: { export?: boolean },
): Promise<number> {
  try {
    return await withDatabase(env, async (db, config) => {
      const deps = cliAuditDeps(config);
      const row = await takeCheckpoint(db, deps, 'command');
      if (options.export) {
        io.out(JSON.stringify(await exportCheckpoints(db, deps.auditKeys), null, 2));
      } else {
        const heads = (JSON.parse(row.payload) as { heads: unknown[] }).heads.length;
        io.out(
          `Checkpoint ${row.id} taken at ${row.taken_at}: ${heads} chain head${heads === 1 ? '' : 's'} signed.`,
        );
      }
      return 0;
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
