import type { Kysely, Transaction } from 'kysely';
import type {
  AuditChainHeadsTable,
  AuditCheckpointsTable,
  AuditEventsTable,
  Database,
} from '../../db/schema';
import { isPostgres } from '../db/dialect';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The newest link of `chain`, locked until the transaction ends so that concurrent appenders
 * queue up (PostgreSQL row lock; SQLite transactions are serialised anyway).
 */
export async function lockChainHead(
  trx: Transaction<Database>,
  chain: string,
): Promise<{ seq: number; hash: string; keyed_from: number | null }> {
  const created = await trx
    .insertInto('audit_chain_heads')
    .values({ chain, seq: 0, hash: GENESIS_HASH, keyed_from: null, mac: null })
    .onConflict((oc) => oc.column('chain').doNothing())
    .executeTakeFirst();
  if (Number(created.numInsertedOrUpdatedRows ?? 0) > 0) {
    // A head is created once per chain. Events without one mean someone deleted it: refuse to
    // start a second chain over the first (164.312(c)(1)); `custos audit verify` reports it.
    const orphan = await trx
      .selectFrom('audit_events')
      .select('seq')
      .where('chain', '=', chain)
      .limit(1)
      .executeTakeFirst();
    if (orphan) {
      throw new Error(`the audit chain head of ${chain} is missing: run custos audit verify`);
    }
  }
  const query = trx
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash', 'keyed_from'])
    .where('chain', '=', chain);
  return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

export async function insertAuditEvent(
  trx: Transaction<Database>,
  row: AuditEventsTable,
  head: { keyedFrom: number; mac: string },
): Promise<void> {
  await trx.insertInto('audit_events').values(row).execute();
  await trx
    .updateTable('audit_chain_heads')
    .set({ seq: row.seq, hash: row.hash, keyed_from: head.keyedFrom, mac: head.mac })
    .where('chain', '=', row.chain)
    .execute();
}

/**
 * How many events an organization's chain holds: it moves with every write of the organization,
 * each audited in the write's own transaction, so a read model keyed by it knows when it is stale.
 */
export async function auditSeqOf(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
): Promise<number> {
  const row = await db
    .selectFrom('audit_chain_heads')
    .select('seq')
    .where('chain', '=', orgId) // chainOf(orgId): an organization's chain is named by its id
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/** Every chain head (all organizations and the global chain). Unscoped on purpose: sealing and checkpoints. */
export async function listChainHeadsUnscoped(
  db: Kysely<Database> | Transaction<Database>,
  chains?: readonly string[],
): Promise<AuditChainHeadsTable[]> {
  let query = db.selectFrom('audit_chain_heads').selectAll().orderBy('chain');
  if (chains) {
    query = query.where('chain', 'in', chains.length > 0 ? [...chains] : ['']);
  }
  return query.execute();
}

/** Records the cut-over of a chain written before chains were keyed (only while it has none). */
export async function sealChainHead(
  db: Kysely<Database>,
  head: { chain: string; seq: number; keyedFrom: number; mac: string },
): Promise<void> {
  await db
    .updateTable('audit_chain_heads')
    .set({ keyed_from: head.keyedFrom, mac: head.mac })
    .where('chain', '=', head.chain)
    .where('seq', '=', head.seq)
    .where('mac', 'is', null)
    .execute();
}

/** The event of `chain` at `seq`, if it exists. */
export async function findChainEvent(
  db: Kysely<Database>,
  chain: string,
  seq: number,
): Promise<{ id: string; hash: string } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .where('chain', '=', chain)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** Every chain that has events. Unscoped on purpose: verification compares it with the heads. */
export async function listEventChainsUnscoped(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('chain').distinct().execute();
  return rows.map((r) => r.chain);
}

/** Every organization id. Unscoped on purpose: each must have a trail. */
export async function listOrganizationIdsUnscoped(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('organizations').select('id').execute();
  return rows.map((r) => r.id);
}

export async function insertCheckpoint(
  db: Kysely<Database> | Transaction<Database>,
  row: AuditCheckpointsTable,
): Promise<void> {
  await db.insertInto('audit_checkpoints').values(row).execute();
}

/** Stored checkpoints, oldest first. */
export async function listCheckpoints(db: Kysely<Database>): Promise<AuditCheckpointsTable[]> {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('taken_at').orderBy('id').execute();
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
): Promise<AuditChainHeadsTable | undefined> {
  return db
    .selectFrom('audit_chain_heads')
    .selectAll()
    .where('chain', '=', chain)
    .executeTakeFirst();
}
