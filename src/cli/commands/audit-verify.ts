import { readFileSync } from 'node:fs';
import { CheckpointFileSchema, type CheckpointFile } from '../../server/platform/audit/checkpoints';
import { verifyTrail } from '../../server/platform/audit/trail';
import { cliAuditDeps, withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/** Reads a checkpoint file an auditor kept (the output of `custos audit checkpoint --export`). */
function readCheckpointFile(file: string): CheckpointFile['checkpoints'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a readable JSON checkpoint file (${oneLine(error)})`);
  }
  const result = CheckpointFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${file} is not a Custos checkpoint file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return result.data.checkpoints;
}

/**
 * Verifies the audit trail: every chain (or one organization's), its keyed links and head, and
 * every checkpoint (stored ones and those of `--checkpoints FILE`). Exit 0 when intact; 1 listing
 * every problem otherwise (164.312(c)(1)).
 */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv,
  io: Io,
  options: { org?: string; checkpoints?: string },
): Promise<number> {
  try {
    const fromFile = options.checkpoints ? readCheckpointFile(options.checkpoints) : undefined;
    return await withDatabase(env, async (db, config) => {
      const { auditKeys } = cliAuditDeps(config);
      const result = await verifyTrail(db, auditKeys, {
        ...(options.org ? { orgId: options.org } : {}),
        ...(fromFile ? { checkpoints: fromFile } : {}),
      });
      if (!result.intact) {
        for (const problem of result.problems) {
          const where =
            problem.chain === 'global'
              ? 'the global trail'
              : problem.chain === 'checkpoints'
                ? 'the checkpoints'
                : `organization ${problem.chain}`;
          io.err(`custos: audit trail broken in ${where}: ${problem.message}`);
        }
        io.err(
          `custos: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found in ${result.events} events.`,
        );
        return 1;
      }
      const scope = options.org
        ? `organization ${options.org}`
        : `${result.chains} trail${result.chains === 1 ? '' : 's'}`;
      const checked = fromFile
        ? `, and ${fromFile.length} checkpoint${fromFile.length === 1 ? '' : 's'} from ${options.checkpoints ?? ''}`
        : '';
      io.out(
        `Audit trail intact: ${result.events} event${result.events === 1 ? '' : 's'} verified in ${scope}${checked}.`,
      );
      return 0;
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
