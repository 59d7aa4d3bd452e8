import { v7 as uuidv7 } from 'uuid';
import type { AuditContext } from '../server/platform/audit/append';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import type { AuditDeps } from '../server/platform/audit/append';
import { auditKeysFrom } from '../server/platform/audit/keys';
import { systemClock } from '../server/platform/clock';
import { loadConfig, type Config } from '../server/platform/config';
import { loadAuditRoot } from '../server/platform/crypto/audit-root';
import { loadMasterKey } from '../server/platform/crypto/master-key';
import {
  describeDatabaseError,
  openDatabase,
  pingDatabase,
} from '../server/platform/db/connection';

/**
 * Runs `work` against the configured database: reads the configuration, opens and checks the
 * connection (one readable error when unreachable), and always closes it afterwards.
 */
export async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  work: (db: Kysely<Database>, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env);
  const database = openDatabase(config.database);
  try {
    await pingDatabase(database.db).catch((error: unknown) => {
      throw new Error(
        `Cannot reach the ${config.database.kind} database: ${describeDatabaseError(error)}`,
      );
    });
    return await work(database.db, config);
  } finally {
    await database.destroy().catch(() => undefined);
  }
}

/** Who acts when an operator runs a command: the system, named after the command. */
export function cliAuditContext(command: string): AuditContext {
  return {
    actor: { type: 'system', id: null, label: `custos ${command}` },
    ip: null,
    userAgent: null,
    requestId: `cli-${uuidv7()}`,
  };
}

/**
 * What appending to the audit trail needs from an operator command: the system clock and the keys
 * derived from the installation's master key (CUSTOS_MASTER_KEY or master.key in the data folder).
 */
export function cliAuditDeps(config: Config): AuditDeps & { masterKey: Buffer } {
  const masterKey = loadMasterKey(config.masterKey, config.dataDir).key;
  return {
    clock: systemClock,
    auditKeys: auditKeysFrom(loadAuditRoot(masterKey, config.dataDir)),
    masterKey,
  };
}
