import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';

// When incidents were contained: the status changes in the audit trail (each written with the
// change, 164.312(b)), so no column repeats what the trail already holds.

/** Each incident first contained since `since`, with when it was discovered (else reported). */
export async function findContainedSince(
  db: Db,
  orgId: string,
  since: string,
): Promise<{ incidentId: string; containedAt: string; discoveredAt: string }[]> {
  const events = await db
    .selectFrom('audit_events')
    .select(['entity_id', 'occurred_at', 'changes'])
    .where('org_id', '=', orgId)
    .where('action', '=', 'incident.status_changed')
    .where('entity_type', '=', 'incident')
    .where('occurred_at', '>=', since)
    .orderBy('seq')
    .execute();
  const contained = new Map<string, string>();
  for (const e of events) {
    if (e.entity_id === null || contained.has(e.entity_id) || e.changes === null) continue;
    const after = readJson('audit_events.changes', e.changes).status?.after;
    if (after === 'contained') contained.set(e.entity_id, e.occurred_at);
  }
  if (contained.size === 0) return [];
  const incidents = await db
    .selectFrom('incidents')
    .select(['id', 'discovered_at', 'reported_at'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...contained.keys()])
    .execute();
  return incidents.map((i) => ({
    incidentId: i.id,
    containedAt: contained.get(i.id) ?? i.reported_at,
    discoveredAt: i.discovered_at ?? i.reported_at,
  }));
}
