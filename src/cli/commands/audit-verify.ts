import { listAllChainsUnscoped } from '../../server/platform/audit/repository';
import { verifyChain } from '../../server/platform/audit/verify';
import { withDatabase } from '../database';
import { oneLine, type Io } from '../io';

/**
 * Verifies the audit trail's hash chains (every organization's, or one). Exit 0 when intact;
 * 1 naming the first broken link otherwise (164.312(c)(1)).
 */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv,
  io: Io,
  orgId?: string,
): Promise<number> {
  try {
    return await withDatabase(env, async (db) => {
      const chains = orgId ? [orgId] : await listAllChainsUnscoped(db);
      let events = 0;
      for (const chain of chains) {
        const result = await verifyChain(db, chain === 'global' ? null : chain);
        events += result.events;
        if (!result.intact && result.problem) {
          const where = chain === 'global' ? 'the global trail' : `organization ${chain}`;
          io.err(`custos: audit trail broken in ${where}: ${result.problem.message}`);
          return 1;
        }
      }
      const scope = orgId
        ? `organization ${orgId}`
        : `${chains.length} trail${chains.length === 1 ? '' : 's'}`;
      io.out(`Audit trail intact: ${events} event${events === 1 ? '' : 's'} verified in ${scope}.`);
      return 0;
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
