import type { OutboxTable } from '../../db/schema';
import type { Db } from '../db/types';

export async function insertOutboxMessage(trx: Db, row: OutboxTable): Promise<void> {
  await trx.insertInto('outbox').values(row).execute();
}

/** Claims up to `limit` unsent, unclaimed messages for this process; returns those it got. */
export async function claimUnsent(db: Db, at: string, limit: number): Promise<OutboxTable[]> {
  const candidates = await db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('claimed_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  const claimed: OutboxTable[] = [];
  for (const row of candidates) {
    // Conditional update: when two processes race for a message, exactly one wins it.
    const result = await db
      .updateTable('outbox')
      .set({ claimed_at: at })
      .where('id', '=', row.id)
      .where('claimed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      claimed.push(row);
    }
  }
  return claimed;
}

export async function markSent(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: at, error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt and releases the claim, so a later flush retries. */
export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ claimed_at: null, error }).where('id', '=', id).execute();
}

/** The organization's messages, newest first. */
export async function listOutbox(db: Db, orgId: string, limit: number): Promise<OutboxTable[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
