import type { Kysely } from 'kysely';
import type { AuditProblem, AuditVerification } from '../../../contracts/audit';
import type { Database } from '../../db/schema';
import { chainOf, headMacText, keyedEventHash, legacyEventHash } from './append';
import type { AuditKeys } from './keys';
import { GENESIS_HASH, chainEventsAfter, findChainHead } from './repository';

const BATCH = 1000;
// Problems reported per chain: enough to see the extent of damage, bounded for a wrecked trail.
const MAX_PROBLEMS = 100;

/**
 * Walks one chain (an organization's, or null for the global chain) from its first event and
 * reports every broken link, not only the first (164.312(c)(1)): an altered event, a missing
 * event or tail, an event out of order, an event re-linked without the master-derived key, and a
 * chain head that is missing, unsealed, moved or whose MAC is wrong. Reads in batches, so memory
 * stays bounded however long the trail is.
 */
export async function verifyChain(
  db: Kysely<Database>,
  keys: AuditKeys,
  orgId: string | null,
): Promise<AuditVerification> {
  const chain = chainOf(orgId);
  const problems: AuditProblem[] = [];
  const report = (
    seq: number,
    eventId: string | null,
    kind: AuditProblem['kind'],
    message: string,
  ) => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push({ chain, seq, eventId, kind, message });
    }
  };
  const head = await findChainHead(db, chain);
  const trustedFrom = trustedKeyedFrom(keys, chain, head);
  const headTrusted = trustedFrom !== null;
  // Without a trusted head, any event may be a keyed one; once one is, all later ones must be.
  const keyedFrom = trustedFrom ?? Number.MAX_SAFE_INTEGER;
  let sawKeyed = false;
  // Events whose only link is the old SHA-256 one: sound only below a trusted cut-over.
  let unkeyed = null as { first: number; last: number } | null;

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let skipLinkCheck = false;
  let checked = 0;
  let lastHash: string | null = null;
  for (;;) {
    const rows = await chainEventsAfter(db, chain, expectedSeq - 1, BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        const range =
          row.seq - expectedSeq === 1
            ? `event #${expectedSeq} is`
            : `events #${expectedSeq}–#${row.seq - 1} are`;
        report(
          expectedSeq,
          null,
          'removed',
          `${range} missing (the next one is #${row.seq}, id ${row.id})`,
        );
        skipLinkCheck = true;
      }
      const { hash, ...rest } = row;
      const keyedOk = keyedEventHash(keys, rest) === hash;
      const legacyAllowed = row.seq < keyedFrom && !sawKeyed;
      if (keyedOk) {
        sawKeyed = true;
      } else if (legacyAllowed && legacyEventHash(rest) === hash) {
        unkeyed = { first: unkeyed?.first ?? row.seq, last: row.seq };
      }
      if (keyedOk) {
        // A keyed link vouches for the event.
      } else if (!legacyAllowed || legacyEventHash(rest) !== hash) {
        report(
          row.seq,
          row.id,
          'altered',
          legacyAllowed || legacyEventHash(rest) !== hash
            ? `event #${row.seq} (id ${row.id}) was altered after it was written`
            : `event #${row.seq} (id ${row.id}) was re-linked without this installation's key`,
        );
      }
      if (!skipLinkCheck && row.prev_hash !== prevHash) {
        report(
          row.seq,
          row.id,
          'out_of_order',
          `event #${row.seq} (id ${row.id}) does not follow event #${row.seq - 1}`,
        );
      }
      skipLinkCheck = false;
      prevHash = hash;
      lastHash = hash;
      expectedSeq = row.seq + 1;
      checked += 1;
    }
    if (rows.length < BATCH) {
      break;
    }
  }
  const last = expectedSeq - 1;
  if (!head) {
    if (last > 0) {
      report(
        last,
        null,
        'head',
        `the chain head is missing (the trail holds events up to #${last})`,
      );
    }
  } else if (!headTrusted) {
    report(
      head.seq,
      null,
      'head',
      (head.mac === null
        ? `the chain head (#${head.seq}) is not sealed with this installation's key`
        : `the chain head (#${head.seq}) was altered: its MAC does not match`) +
        (unkeyed
          ? `; events #${unkeyed.first}–#${unkeyed.last} carry only unkeyed links and cannot be vouched for`
          : ''),
    );
  } else if (head.seq > last) {
    const range =
      head.seq === last + 1 ? `event #${head.seq} is` : `events #${last + 1}–#${head.seq} are`;
    report(
      last + 1,
      null,
      'removed',
      `${range} missing (the trail ends at #${last}, #${head.seq} was written)`,
    );
  } else if (head.seq < last) {
    report(
      head.seq + 1,
      null,
      'head',
      `events after #${head.seq} were added behind the chain head's back (the trail ends at #${last})`,
    );
  } else if (last > 0 && head.hash !== lastHash) {
    report(last, null, 'head', `the chain head does not match event #${last}`);
  }
  return { intact: problems.length === 0, events: checked, problem: problems[0] ?? null, problems };
}

/** The head's cut-over when its MAC holds under this installation's key; null otherwise. */
function trustedKeyedFrom(
  keys: AuditKeys,
  chain: string,
  head: { seq: number; hash: string; keyed_from: number | null; mac: string | null } | undefined,
): number | null {
  const keyedFrom = head?.keyed_from ?? null;
  if (head === undefined || keyedFrom === null || head.mac === null) {
    return null;
  }
  const expected = keys.headMac(headMacText(chain, head.seq, head.hash, keyedFrom));
  return expected === head.mac ? keyedFrom : null;
}
