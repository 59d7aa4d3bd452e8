import { createPublicKey, sign, verify } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { AuditProblem } from '../../../contracts/audit';
import type { AuditCheckpointsTable, Database } from '../../db/schema';
import type { Clock } from '../clock';
import { canonicalJson } from './canonical-json';
import type { AuditKeys } from './keys';
import {
  findChainEvent,
  insertCheckpoint,
  listChainHeadsUnscoped,
  listCheckpoints,
} from './repository';

export const CHECKPOINT_FORMAT = 'custos-audit-checkpoints/1';

const CheckpointPayloadSchema = z.object({
  takenAt: z.string(),
  reason: z.enum(['command', 'export', 'schedule']),
  heads: z.array(z.object({ chain: z.string(), seq: z.number().int(), hash: z.string() })),
});
type CheckpointPayload = z.infer<typeof CheckpointPayloadSchema>;

/** The file an auditor keeps outside Custos: every checkpoint, and the key that checks them. */
export const CheckpointFileSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  publicKey: z.string(),
  checkpoints: z.array(
    z.object({ id: z.string(), payload: CheckpointPayloadSchema, signature: z.string() }),
  ),
});
export type CheckpointFile = z.infer<typeof CheckpointFileSchema>;

/**
 * Takes a signed checkpoint of the heads of `chains` (all chains when omitted): each head's
 * sequence number and hash, signed with the installation's Ed25519 key (164.312(c)(1)). Kept in
 * the database and exportable, so that cutting off events it covers shows even if the database is
 * rewritten by someone without the master key.
 */
export async function takeCheckpoint(
  db: Kysely<Database> | Transaction<Database>,
  deps: { clock: Clock; auditKeys: AuditKeys },
  reason: CheckpointPayload['reason'],
  chains?: readonly string[],
): Promise<AuditCheckpointsTable> {
  const heads = await listChainHeadsUnscoped(db, chains);
  const payload: CheckpointPayload = {
    takenAt: deps.clock.now().toISOString(),
    reason,
    heads: heads.map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash })),
  };
  const text = canonicalJson(payload);
  const row: AuditCheckpointsTable = {
    id: uuidv7(),
    taken_at: payload.takenAt,
    reason,
    payload: text,
    signature: sign(null, Buffer.from(text, 'utf8'), deps.auditKeys.checkpointPrivateKey).toString(
      'base64',
    ),
    public_key: deps.auditKeys.checkpointPublicKeyPem,
  };
  await insertCheckpoint(db, row);
  return row;
}

/** Every stored checkpoint as the file an auditor keeps. */
export async function exportCheckpoints(
  db: Kysely<Database>,
  keys: AuditKeys,
): Promise<CheckpointFile> {
  const rows = await listCheckpoints(db);
  return {
    format: CHECKPOINT_FORMAT,
    publicKey: keys.checkpointPublicKeyPem,
    checkpoints: rows.map((r) => ({
      id: r.id,
      payload: CheckpointPayloadSchema.parse(JSON.parse(r.payload)),
      signature: r.signature,
    })),
  };
}

/** The stored checkpoints in the shape of a file, for verification without one. */
export async function storedCheckpoints(
  db: Kysely<Database>,
  keys: AuditKeys,
): Promise<CheckpointFile['checkpoints']> {
  return (await exportCheckpoints(db, keys)).checkpoints;
}

/**
 * Checks checkpoints against the trail: each must carry this installation's signature, and every
 * head it names must still be in the trail with the same hash (nothing it covers was cut off or
 * rewritten). `chains` limits the check to some chains.
 */
export async function verifyCheckpoints(
  db: Kysely<Database>,
  keys: AuditKeys,
  checkpoints: CheckpointFile['checkpoints'],
  chains?: ReadonlySet<string>,
): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const publicKey = createPublicKey(keys.checkpointPublicKeyPem);
  for (const checkpoint of checkpoints) {
    const signed = verify(
      null,
      Buffer.from(canonicalJson(checkpoint.payload), 'utf8'),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
    const when = checkpoint.payload.takenAt;
    if (!signed) {
      problems.push({
        chain: 'checkpoints',
        seq: 0,
        eventId: null,
        kind: 'checkpoint',
        message: `the checkpoint of ${when} (id ${checkpoint.id}) is not signed by this installation's key`,
      });
      continue;
    }
    for (const head of checkpoint.payload.heads) {
      if ((chains && !chains.has(head.chain)) || head.seq === 0) {
        continue;
      }
      const event = await findChainEvent(db, head.chain, head.seq);
      if (!event) {
        problems.push({
          chain: head.chain,
          seq: head.seq,
          eventId: null,
          kind: 'removed',
          message: `event #${head.seq}, covered by the checkpoint of ${when}, is missing`,
        });
      } else if (event.hash !== head.hash) {
        problems.push({
          chain: head.chain,
          seq: head.seq,
          eventId: event.id,
          kind: 'altered',
          message: `event #${head.seq} (id ${event.id}) differs from the checkpoint of ${when}`,
        });
      }
    }
  }
  return problems;
}
