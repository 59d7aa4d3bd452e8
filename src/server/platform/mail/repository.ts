import type { OutboxTable } from '../../db/schema';
import type { Db } from '../db/types';

export async function insertOutboxMessage(trx: Db, row: OutboxTable): Promise<void> {
  await trx.insertInto('outbox').values(row).execute();
}

export async function findOutboxMessage(db: Db, id: string): Promise<OutboxTable | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markSent(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: at, error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt; the mail.send job retries it. */
export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ error: error.replace(/\s+/g, ' ').slice(0, 500) })
    .where('id', '=', id)
    .execute();
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
