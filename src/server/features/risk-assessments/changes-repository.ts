import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';

/** The kinds of the significant changes recorded since `since` (inclusive), oldest first. */
export async function findChangeKindsSince(db: Db, orgId: string, since: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select('changes')
    .where('org_id', '=', orgId)
    .where('action', '=', 'risk_analysis.change_recorded')
    .where('occurred_at', '>=', since)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const kind = r.changes ? readJson('audit_events.changes', r.changes).kind?.after : undefined;
    return typeof kind === 'string' ? kind : 'other';
  });
}

/** Everyone who ever submitted this assessment for review, from its own events in the trail. */
export async function findSubmitterIds(db: Db, orgId: string, assessmentId: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select('actor_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'risk_assessment')
    .where('entity_id', '=', assessmentId)
    .where('action', '=', 'risk_assessment.submitted')
    .execute();
  return rows.flatMap((r) => (r.actor_id ? [r.actor_id] : []));
}

/** Whether a significant change about this record was already recorded (its event in the trail). */
export async function changeRecordedFor(
  db: Db,
  orgId: string,
  subject: { type: string; id: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('org_id', '=', orgId)
    .where('entity_type', '=', subject.type)
    .where('entity_id', '=', subject.id)
    .where('action', '=', 'risk_analysis.change_recorded')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
