import type { BreachLetter } from '../../../contracts/breach-determination-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPeopleNames } from '../../platform/people-repository';
import { keepRecordIn } from '../retention/service';
import { breachTemplate, fillLetter, noticeValuesOf, renderBreachFile } from './breach-letter';
import { approvedBreachOf } from './breach-notices';
import { findMediaNotice, upsertMediaNotice } from './breach-notices-repository';
import { stateName } from './breach-tasks';
import { foundIncident } from './common';
import { reference } from './presenter';

// The media notice (164.406, to be checked): for each State with more than 500 affected
// residents (the deadline engine names them), a press release drawn from our own template
// (content/breach/media-notice.md) with the individual letter's content points, edited and kept,
// exported through the letter's pipeline.

/** The incident and the State's count, or 404 when no media notice is due there. */
async function mediaState(deps: AppDeps, orgId: string, incidentId: string, state: string) {
  const db = deps.database.db;
  const incident = await foundIncident(db, orgId, incidentId);
  const breach = await approvedBreachOf(db, orgId, incidentId);
  if (!breach?.deadlines.mediaNoticeRequiredStates.includes(state)) {
    throw new AppError('not_found', `No media notice is due in ${stateName(state)}.`);
  }
  const affected = breach.input.affectedByState[state];
  return { incident, affected: affected ?? 0 };
}

/** The media notice as edited, else drawn now from the template. */
export async function getMediaNotice(
  deps: AppDeps,
  orgId: string,
  incidentId: string,
  state: string,
): Promise<BreachLetter> {
  const db = deps.database.db;
  const { incident, affected } = await mediaState(deps, orgId, incidentId, state);
  const saved = await findMediaNotice(db, orgId, incidentId, state);
  if (!saved) {
    const values = await noticeValuesOf(deps, orgId, incident);
    const body = fillLetter(breachTemplate('media-notice'), {
      ...values,
      state: stateName(state),
      affectedInState: affected.toLocaleString('en-US'),
    });
    return { body: body.trim(), edited: null };
  }
  const by = saved.updated_by ?? '';
  const names = await findPeopleNames(db, orgId, by ? [by] : []);
  return {
    body: saved.body,
    edited: { at: saved.updated_at, by: { id: by, name: names.get(by) ?? 'Former member' } },
  };
}

/** Keeps the edited media notice of a State. */
export async function saveMediaNotice(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  state: string,
  body: string,
): Promise<BreachLetter> {
  const { incident } = await mediaState(deps, orgId, incidentId, state);
  await deps.database.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    // 164.316(b)(2)(i): the notice text is documentation, kept six years from its last change.
    await keepRecordIn(trx, deps, orgId, {
      type: 'breach_letter',
      id: `${incidentId}-${state}`,
      opensId: incidentId,
      label: `${reference(incident)} media notice for ${stateName(state)}`,
      createdAt: now,
    });
    await upsertMediaNotice(trx, {
      org_id: orgId,
      incident_id: incidentId,
      state,
      body,
      updated_at: now,
      updated_by: await actingPersonIn(trx, orgId, context.actor),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_media_notice_saved',
      entity: { type: 'incident', id: incidentId },
      changes: { state: { after: state }, characters: { after: body.length } },
    });
  });
  return getMediaNotice(deps, orgId, incidentId, state);
}

/** The media notice as PDF or DOCX; an audited read (164.312(b)). */
export async function exportMediaNotice(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  state: string,
  format: 'pdf' | 'docx',
) {
  const { incident } = await mediaState(deps, orgId, incidentId, state);
  const notice = await getMediaNotice(deps, orgId, incidentId, state);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_media_notice_exported',
      entity: { type: 'incident', id: incidentId },
      changes: { state: { after: state }, format: { after: format } },
    }),
  );
  const ref = reference(incident);
  return renderBreachFile(deps, orgId, format, {
    title: `Media notice: ${stateName(state)}`,
    body: notice.body,
    what: `${ref} · media notice for ${stateName(state)}`,
    fileName: `${ref}-media-notice-${state}`,
    reference: ref,
  });
}
