import type { BreachNotice } from '../../../contracts/breach-notice-schemas';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { findPeopleNames } from '../../platform/people-repository';
import { addMonths, todayIn } from '../../platform/time';
import { retentionYearsIn } from '../retention/service';
import type { BreachNoticesTable } from './tables';

/** Notices as the API answers them, naming people and vault items in one query each. */
export async function presentNotices(
  deps: AppDeps,
  db: Db,
  orgId: string,
  rows: readonly BreachNoticesTable[],
): Promise<BreachNotice[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.recorded_by) ids.add(row.recorded_by);
    if (row.corrected_by) ids.add(row.corrected_by);
  }
  const names = await findPeopleNames(db, orgId, [...ids]);
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Former member' });
  const evidenceIds = rows.flatMap((r) => (r.evidence_id ? [r.evidence_id] : []));
  const target = deps.links.target('evidence');
  const evidence =
    target && evidenceIds.length > 0
      ? await target.labels(db, orgId, evidenceIds)
      : new Map<string, string>();
  // 164.316(b)(2)(i): kept six years (or the organization's longer period) from when recorded.
  const years = await retentionYearsIn(db, orgId);
  const zone = (await findTimeZone(db, orgId)) ?? 'UTC';
  return rows.map((row) => ({
    id: row.id,
    incidentId: row.incident_id,
    kind: row.kind,
    sentOn: row.sent_on,
    state: row.state,
    people: row.people,
    channel: row.channel,
    note: row.note,
    evidence: row.evidence_id
      ? { id: row.evidence_id, name: evidence.get(row.evidence_id) ?? 'Evidence item' }
      : null,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by ? person(row.recorded_by) : null,
    corrected:
      row.corrected_at && row.corrected_by
        ? {
            at: row.corrected_at,
            by: person(row.corrected_by),
            reason: row.correction_reason ?? '',
          }
        : null,
    retainUntil: addMonths(todayIn(zone, new Date(row.recorded_at)), 12 * years),
  }));
}
