import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import { claimSetup, ensureInstanceRow } from '../repository/setup';

/** Marks first-run setup as done if it was not (an organization made by the CLI counts as setup). */
export async function claimSetupIfOpen(trx: Transaction<Database>, clock: Clock): Promise<boolean> {
  const now = clock.now().toISOString();
  await ensureInstanceRow(trx, uuidv7(), now);
  return claimSetup(trx, now);
}
