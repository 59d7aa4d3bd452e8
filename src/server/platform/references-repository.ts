import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The next human reference number of a kind (TASK-n, ASSET-n, RISK-n…) in an organization
 * (design.md §6.8), taken inside the creating transaction so numbers are never reused.
 */
export async function nextReferenceNumber(
  trx: Transaction<Database>,
  orgId: string,
  kind: string,
): Promise<number> {
  const row = await trx
    .insertInto('reference_counters')
    .values({ org_id: orgId, kind, last: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind']).doUpdateSet({ last: sql`reference_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** Reserves `count` consecutive reference numbers at once (imports); returns the first. */
export async function reserveReferenceNumbers(
  trx: Transaction<Database>,
  orgId: string,
  kind: string,
  count: number,
): Promise<number> {
  const row = await trx
    .insertInto('reference_counters')
    .values({ org_id: orgId, kind, last: count })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind']).doUpdateSet({ last: sql`reference_counters.last + ${count}` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last - count + 1;
}
