import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../../contracts/audit';
import type { Database } from '../../db/schema';
import { chainOf, eventHash } from './append';
import { GENESIS_HASH, chainEventsAfter, findChainHead } from './repository';

const BATCH = 1000;

/**
 * Walks an organization's chain (null: the global chain) from the first event and names the first
 * broken link: an event whose content changed, a missing event, or one that sits out of order.
 * Reads in batches, so memory stays bounded however long the trail is.
 */
export async function verifyChain(
  db: Kysely<Database>,
  orgId: string | null,
): Promise<AuditVerification> {
  const chain = chainOf(orgId);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await chainEventsAfter(db, chain, expectedSeq - 1, BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(
          checked,
          row.seq,
          row.id,
          'removed',
          `event #${expectedSeq} is missing (the next one is #${row.seq}, id ${row.id})`,
        );
      }
      const { hash, ...rest } = row;
      if (eventHash(rest) !== hash) {
        return broken(
          checked,
          row.seq,
          row.id,
          'altered',
          `event #${row.seq} (id ${row.id}) was altered after it was written`,
        );
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          checked,
          row.seq,
          row.id,
          'out_of_order',
          `event #${row.seq} (id ${row.id}) does not follow event #${row.seq - 1}`,
        );
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) {
      break;
    }
  }
  const head = await findChainHead(db, chain);
  if (head && head.seq >= expectedSeq) {
    return broken(
      checked,
      expectedSeq,
      null,
      'removed',
      `event #${expectedSeq} is missing (the trail ends at #${expectedSeq - 1}, #${head.seq} was written)`,
    );
  }
  return { intact: true, events: checked, problem: null };
}

function broken(
  events: number,
  seq: number,
  eventId: string | null,
  kind: 'altered' | 'removed' | 'out_of_order',
  message: string,
): AuditVerification {
  return { intact: false, events, problem: { seq, eventId, kind, message } };
}
