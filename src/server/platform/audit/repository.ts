import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable, Database } from '../../db/schema';
import { isPostgres } from '../db/dialect';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The newest link of `chain`, locked until the transaction ends so that concurrent appenders
 * queue up (PostgreSQL row lock; SQLite transactions are serialised anyway).
 */
export async function lockChainHead(
  trx: Transaction<Database>,
  chain: string,
): Promise<{ seq: number; hash: string }> {
  await trx
    .insertInto('audit_chain_heads')
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const query = trx
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash'])
    .where('chain', '=', chain);
  const head = await (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return head;
}

export async function insertAuditEvent(
  trx: Transaction<Database>,
  row: AuditEventsTable,
): Promise<void> {
  await trx.insertInto('audit_events').values(row).execute();
  await trx
    .updateTable('audit_chain_heads')
    .set({ seq: row.seq, hash: row.hash })
    .where('chain', '=', row.chain)
    .execute();
}

/** Up to `limit` events of `chain` after sequence number `afterSeq`, in order. */
export async function chainEventsAfter(
  db: Kysely<Database>,
  chain: string,
  afterSeq: number,
  limit: number,
): Promise<AuditEventsTable[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findChainHead(
  db: Kysely<Database>,
  chain: string,
): Promise<{ seq: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .executeTakeFirst();
}

/** Every chain name (one per organization, plus "global"). Unscoped on purpose: verification only. */
export async function listAllChainsUnscoped(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_chain_heads').select('chain').orderBy('chain').execute();
  return rows.map((r) => r.chain);
}
