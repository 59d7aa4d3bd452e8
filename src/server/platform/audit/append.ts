import { v7 as uuidv7 } from 'uuid';
import type { ActorType, AuditAction, AuditChanges, AuditOutcome } from '../../../contracts/audit';
import type { AuditEventsTable, Database } from '../../db/schema';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/hash';
import { storableText } from '../text';
import { canonicalJson } from './canonical-json';
import type { AuditKeys } from './keys';
import { insertAuditEvent, lockChainHead } from './repository';
import type { Transaction } from 'kysely';

/**
 * What a listener learns of an appended event: its ids and enumerated values, never its changes,
 * labels or addresses (they may hold names; a listener passes events on, e.g. webhooks).
 */
export interface AppendedAuditEvent {
  readonly id: string;
  readonly orgId: string | null;
  readonly action: AuditAction;
  readonly occurredAt: string;
  readonly actorType: ActorType;
  readonly actorId: string | null;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly outcome: AuditOutcome;
}

/**
 * Work that must happen with an event, in its transaction (a webhook delivery enqueued only if
 * the change commits). Declared by features (manifest `auditListener`), so this module knows none.
 */
export type AuditListener = (
  trx: Transaction<Database>,
  event: AppendedAuditEvent,
) => Promise<void>;

/** What appending needs: the time, the keys that make each link an HMAC, and the listeners. */
export interface AuditDeps {
  clock: Clock;
  auditKeys: AuditKeys;
  auditListeners?: readonly AuditListener[];
}

export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string | null;
}

/** Who did it and from where; built once per request. */
export interface AuditContext {
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Custos itself acting (a scheduled job, a delivery): no person, no request. */
export const SYSTEM_CONTEXT: AuditContext = {
  actor: { type: 'system', id: null, label: 'Custos' },
  ip: null,
  userAgent: null,
  requestId: null,
};

export interface AuditEntry {
  /** Null for events outside any organization (e.g. a failed sign-in for an unknown email). */
  orgId: string | null;
  action: AuditAction;
  entity?: { type: string; id: string };
  changes?: AuditChanges;
  outcome?: AuditOutcome;
}

const SECRET_FIELD = /password|secret|token|code|hash|key/i;

/** Replaces the values of secret-looking fields by "[redacted]" (design.md §6.3). */
export function redactChanges(changes: AuditChanges): AuditChanges {
  const out: AuditChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    out[field] = SECRET_FIELD.test(field)
      ? {
          ...(change.before !== undefined ? { before: '[redacted]' } : {}),
          ...(change.after !== undefined ? { after: '[redacted]' } : {}),
        }
      : change;
  }
  return out;
}

/** The chain an organization's events belong to; events outside any organization use "global". */
export const chainOf = (orgId: string | null): string => orgId ?? 'global';

type EventFields = Omit<AuditEventsTable, 'hash'>;

const linkText = (row: EventFields): string => {
  const { prev_hash: prev, ...fields } = row;
  return `${prev}\n${canonicalJson(fields)}`;
};

/** The link of an event written before its chain was keyed: SHA-256 over the previous link and fields. */
export function legacyEventHash(row: EventFields): string {
  return sha256Hex(linkText(row));
}

/**
 * The link of an event: HMAC-SHA256 under a key derived from the master key, over the previous
 * link and the canonical JSON of every stored field but the hash (164.312(c)(1)).
 */
export function keyedEventHash(keys: AuditKeys, row: EventFields): string {
  return keys.linkMac(linkText(row));
}

/** What a chain head's MAC covers. */
export const headMacText = (chain: string, seq: number, hash: string, keyedFrom: number): string =>
  `${chain}\n${seq}\n${hash}\n${keyedFrom}`;

// Lone surrogates and NUL cannot be stored faithfully by both databases: store (and hash) U+FFFD.
const storable = (text: string | null): string | null =>
  text === null ? null : storableText(text);

/**
 * Appends one event to its organization's chain. Call inside the transaction of the change it
 * records (164.312(b)): either both are stored or neither. The hash covers exactly the text that
 * is stored, so both databases verify the same event.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  deps: AuditDeps,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  const chain = chainOf(entry.orgId);
  const head = await lockChainHead(trx, chain);
  const row: EventFields = {
    id: uuidv7(),
    chain,
    seq: head.seq + 1,
    org_id: entry.orgId,
    occurred_at: deps.clock.now().toISOString(),
    actor_type: context.actor.type,
    actor_id: storable(context.actor.id),
    actor_label: storable(context.actor.label),
    action: entry.action,
    entity_type: storable(entry.entity?.type ?? null),
    entity_id: storable(entry.entity?.id ?? null),
    // JSON.stringify escapes lone surrogates and NUL, so the changes text is always storable.
    changes: entry.changes ? canonicalJson(redactChanges(entry.changes)) : null,
    outcome: entry.outcome ?? 'success',
    ip: storable(context.ip),
    user_agent: storable(context.userAgent),
    request_id: storable(context.requestId),
    prev_hash: head.hash,
  };
  const hash = keyedEventHash(deps.auditKeys, row);
  // A chain sealed before this event keeps its cut-over; a new one is keyed from its first event.
  const keyedFrom = head.keyed_from ?? row.seq;
  await insertAuditEvent(
    trx,
    { ...row, hash },
    { keyedFrom, mac: deps.auditKeys.headMac(headMacText(chain, row.seq, hash, keyedFrom)) },
  );
  for (const listener of deps.auditListeners ?? []) {
    await listener(trx, {
      id: row.id,
      orgId: row.org_id,
      action: entry.action,
      occurredAt: row.occurred_at,
      actorType: context.actor.type,
      actorId: row.actor_id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      outcome: entry.outcome ?? 'success',
    });
  }
}
