import type { Kysely } from 'kysely';
import type { AuditAction, AuditQuery } from '../../../contracts/audit';
import type { AuditEventsTable, Database } from '../../db/schema';

/** An organization's events matching the filters, newest first, `limit` after cursor `before`. */
export async function findAuditEvents(
  db: Kysely<Database>,
  orgId: string,
  filters: Omit<AuditQuery, 'limit' | 'cursor'>,
  before: number | undefined,
  limit: number,
  hiddenActions: readonly AuditAction[] = [],
): Promise<AuditEventsTable[]> {
  let query = db.selectFrom('audit_events').selectAll().where('chain', '=', orgId);
  if (hiddenActions.length > 0) {
    query = query.where('action', 'not in', [...hiddenActions]);
  }
  if (filters.actor) {
    const actor = filters.actor;
    query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_label', '=', actor)]));
  }
  if (filters.action) {
    query = query.where('action', '=', filters.action);
  }
  if (filters.entityType) {
    query = query.where('entity_type', '=', filters.entityType);
  }
  if (filters.entityId) {
    query = query.where('entity_id', '=', filters.entityId);
  }
  if (filters.from) {
    query = query.where('occurred_at', '>=', filters.from);
  }
  if (filters.to) {
    query = query.where('occurred_at', '<', filters.to);
  }
  if (before !== undefined) {
    query = query.where('seq', '<', before);
  }
  return query.orderBy('seq', 'desc').limit(limit).execute();
}
