import type {
  BreachNotice,
  BreachNoticeCorrection,
} from '../../../contracts/breach-notice-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { isFreshMistake } from '../evidence/mistake';
import { assertMayDeleteIn } from '../retention/service';
import {
  afterNoticeIn,
  checkNotice,
  noticeLabel,
  noticeValues,
  oneNotice,
  requireBreach,
} from './breach-notices';
import { deleteNotice, findNotice, updateNotice } from './breach-notices-repository';
import { foundIncident } from './common';

// A recorded notice is documentation kept six years (164.316(b)(2)(i)): a wrong one is corrected
// with its reason (the audit trail keeps what it said before), never silently replaced; it is
// removed only when whoever recorded it takes it back within a day as a mistake, and never under
// a legal hold.

async function foundNotice(deps: AppDeps, orgId: string, incidentId: string, id: string) {
  const row = await findNotice(deps.database.db, orgId, incidentId, id);
  if (!row) throw new AppError('not_found', 'No such notice.');
  return row;
}

/** Corrects a recorded notice, with its reason. */
export async function correctBreachNotice(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  noticeId: string,
  body: BreachNoticeCorrection,
): Promise<{ notice: BreachNotice; task: string }> {
  const task = await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, incidentId);
    const row = await findNotice(trx, orgId, incidentId, noticeId);
    if (!row) throw new AppError('not_found', 'No such notice.');
    const breach = await requireBreach(trx, orgId, incident);
    await checkNotice(trx, deps, orgId, body, breach);
    const values = noticeValues(body);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, after] of Object.entries(values)) {
      const before = row[key as keyof typeof values];
      // The note's text stays out of the trail: it may name a patient.
      if (before !== after) {
        changes[key] = key === 'note' ? { before: '…', after: '…' } : { before, after };
      }
    }
    const now = deps.clock.now().toISOString();
    const corrected = {
      ...values,
      corrected_at: now,
      corrected_by: await actingPersonIn(trx, orgId, context.actor),
      correction_reason: body.reason,
    };
    await updateNotice(trx, orgId, noticeId, corrected);
    const message = await afterNoticeIn(trx, deps, context, orgId, incident, breach, {
      ...row,
      ...corrected,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_notice_corrected',
      entity: { type: 'incident', id: incidentId },
      changes: { notice: { after: noticeId }, ...changes, reason: { after: body.reason } },
    });
    return message;
  });
  return { notice: await oneNotice(deps, orgId, incidentId, noticeId), task };
}

/** Takes back a notice recorded by mistake (within a day, by whoever recorded it). */
export async function removeBreachNotice(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  noticeId: string,
): Promise<void> {
  await foundNotice(deps, orgId, incidentId, noticeId);
  await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, incidentId);
    const row = await findNotice(trx, orgId, incidentId, noticeId);
    if (!row) throw new AppError('not_found', 'No such notice.');
    const mistake = isFreshMistake(
      { created_at: row.recorded_at, created_by: row.recorded_by },
      context,
      deps.clock.now(),
    );
    // 164.316(b)(2)(i): refused before the retention date unless a fresh mistake; a hold binds.
    await assertMayDeleteIn(trx, deps, orgId, {
      type: 'breach_notice',
      id: row.id,
      label: noticeLabel(incident, row),
      mistake,
    });
    await deleteNotice(trx, orgId, noticeId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_notice_removed',
      entity: { type: 'incident', id: incidentId },
      changes: {
        notice: { before: row.id },
        kind: { before: row.kind },
        sentOn: { before: row.sent_on },
        people: { before: row.people },
      },
    });
  });
}
