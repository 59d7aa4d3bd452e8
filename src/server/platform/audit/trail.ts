import type { Kysely } from 'kysely';
import type { AuditProblem } from '../../../contracts/audit';
import type { Database } from '../../db/schema';
import { headMacText } from './append';
import { storedCheckpoints, verifyCheckpoints, type CheckpointFile } from './checkpoints';
import type { AuditKeys } from './keys';
import {
  listChainHeadsUnscoped,
  listEventChainsUnscoped,
  listOrganizationIdsUnscoped,
  sealChainHead,
} from './repository';
import { verifyChain } from './verify';

/**
 * Seals every chain head written before chains were keyed: its cut-over (the first sequence
 * number that will carry an HMAC) and the head's MAC. Run at start and after migrating; a no-op
 * once every head is sealed. Returns how many heads it sealed.
 */
export async function sealAuditChains(db: Kysely<Database>, keys: AuditKeys): Promise<number> {
  let sealed = 0;
  for (const head of await listChainHeadsUnscoped(db)) {
    if (head.mac === null) {
      const keyedFrom = head.seq + 1;
      await sealChainHead(db, {
        chain: head.chain,
        seq: head.seq,
        keyedFrom,
        mac: keys.headMac(headMacText(head.chain, head.seq, head.hash, keyedFrom)),
      });
      sealed += 1;
    }
  }
  return sealed;
}

export interface TrailVerification {
  intact: boolean;
  chains: number;
  events: number;
  problems: AuditProblem[];
}

/**
 * Verifies the whole trail (or one organization's): every chain that has a head, has events, or
 * belongs to an organization, then the checkpoints (those stored, plus those of a file the
 * auditor kept). Goes on past every problem and reports all of them.
 */
export async function verifyTrail(
  db: Kysely<Database>,
  keys: AuditKeys,
  options: { orgId?: string; checkpoints?: CheckpointFile['checkpoints'] } = {},
): Promise<TrailVerification> {
  const organizations = new Set(
    options.orgId ? [options.orgId] : await listOrganizationIdsUnscoped(db),
  );
  const chains = options.orgId
    ? [options.orgId]
    : [
        ...new Set([
          ...(await listChainHeadsUnscoped(db)).map((h) => h.chain),
          ...(await listEventChainsUnscoped(db)),
          ...organizations,
        ]),
      ].sort();
  const problems: AuditProblem[] = [];
  let events = 0;
  for (const chain of chains) {
    const result = await verifyChain(db, keys, chain === 'global' ? null : chain);
    events += result.events;
    problems.push(...result.problems);
    // Every organization is created with audited events: one without any lost its whole trail.
    if (result.events === 0 && result.problems.length === 0 && organizations.has(chain)) {
      problems.push({
        chain,
        seq: 1,
        eventId: null,
        kind: 'removed',
        message: 'the organization has no audit trail at all (its events and chain head are gone)',
      });
    }
  }
  const stored = await storedCheckpoints(db, keys);
  const storedIds = new Set(stored.map((c) => c.id));
  const fromFile = options.checkpoints ?? [];
  // A checkpoint the auditor kept that the database no longer holds was deleted from it.
  for (const kept of fromFile.filter((c) => !storedIds.has(c.id))) {
    problems.push({
      chain: 'checkpoints',
      seq: 0,
      eventId: null,
      kind: 'checkpoint',
      message: `the checkpoint of ${kept.payload.takenAt} (id ${kept.id}) is in the file but no longer in the database`,
    });
  }
  // Each checkpoint is checked once: the file's copy when it has one (it is the one kept safe).
  const fileIds = new Set(fromFile.map((c) => c.id));
  const checkpoints = [...stored.filter((c) => !fileIds.has(c.id)), ...fromFile];
  problems.push(
    ...(await verifyCheckpoints(
      db,
      keys,
      checkpoints,
      options.orgId ? new Set(chains) : undefined,
    )),
  );
  return { intact: problems.length === 0, chains: chains.length, events, problems };
}
