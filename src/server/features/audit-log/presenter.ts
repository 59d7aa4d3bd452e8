import { ACTOR_TYPES, AUDIT_OUTCOMES, type AuditEvent } from '../../../contracts/audit';
import type { AuditEventsTable } from '../../db/schema';
import { readJson } from '../../platform/db/json-columns';

const pick = <T extends string>(allowed: readonly T[], value: string): T => {
  const found = allowed.find((a) => a === value);
  if (!found) {
    throw new Error(`unexpected stored value ${JSON.stringify(value)}`);
  }
  return found;
};

export function presentAuditEvent(row: AuditEventsTable): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actor: { type: pick(ACTOR_TYPES, row.actor_type), id: row.actor_id, label: row.actor_label },
    action: row.action,
    entity: row.entity_type && row.entity_id ? { type: row.entity_type, id: row.entity_id } : null,
    changes: row.changes ? readJson('audit_events.changes', row.changes) : null,
    outcome: pick(AUDIT_OUTCOMES, row.outcome),
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    hash: row.hash,
  };
}

export const CSV_HEADER = [
  'seq',
  'occurred_at',
  'actor_type',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'outcome',
  'changes',
  'ip',
  'user_agent',
  'request_id',
  'hash',
];

export function auditCsvRow(row: AuditEventsTable): (string | number | null)[] {
  return [
    row.seq,
    row.occurred_at,
    row.actor_type,
    row.actor_label ?? row.actor_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.outcome,
    row.changes,
    row.ip,
    row.user_agent,
    row.request_id,
    row.hash,
  ];
}
