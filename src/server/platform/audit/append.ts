import { v7 as uuidv7 } from 'uuid';
import type { ActorType, AuditAction, AuditChanges, AuditOutcome } from '../../../contracts/audit';
import type { AuditEventsTable, Database } from '../../db/schema';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/hash';
import { canonicalJson } from './canonical-json';
import { insertAuditEvent, lockChainHead } from './repository';
import type { Transaction } from 'kysely';

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

/** SHA-256 over the previous link and the canonical JSON of every stored field but the hash. */
export function eventHash(row: Omit<AuditEventsTable, 'hash'>): string {
  const { prev_hash: prev, ...fields } = row;
  return sha256Hex(`${prev}\n${canonicalJson(fields)}`);
}

/**
 * Appends one event to its organization's hash chain. Call inside the transaction of the change
 * it records (164.312(b)): either both are stored or neither.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  clock: Clock,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  const chain = chainOf(entry.orgId);
  const head = await lockChainHead(trx, chain);
  const row: Omit<AuditEventsTable, 'hash'> = {
    id: uuidv7(),
    chain,
    seq: head.seq + 1,
    org_id: entry.orgId,
    occurred_at: clock.now().toISOString(),
    actor_type: context.actor.type,
    actor_id: context.actor.id,
    actor_label: context.actor.label,
    action: entry.action,
    entity_type: entry.entity?.type ?? null,
    entity_id: entry.entity?.id ?? null,
    changes: entry.changes ? canonicalJson(redactChanges(entry.changes)) : null,
    outcome: entry.outcome ?? 'success',
    ip: context.ip,
    user_agent: context.userAgent,
    request_id: context.requestId,
    prev_hash: head.hash,
  };
  await insertAuditEvent(trx, { ...row, hash: eventHash(row) });
}
