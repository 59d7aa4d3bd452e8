import {
  INCIDENT_STATUS_LABELS,
  INCIDENT_TRANSITIONS,
  isClosedStatus,
  type Incident,
  type IncidentReviewBody,
  type IncidentStatusBody,
  type SeverityScaleBody,
  type TimelineEntryBody,
} from '../../../contracts/incidents-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { createLinkIn } from '../links/service';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { checklistOf } from './checklists';
import { actorOf, foundIncident, recordTimelineIn, severityScale } from './common';
import { presentTimelineEntry, reference } from './presenter';
import {
  highestSeverityInUse,
  listTimeline,
  replaceSeverityLevels,
  updateIncident,
} from './repository';
import { getIncident } from './service';

// The response (164.308(a)(6)(ii): respond, mitigate, document): status, timeline, checklist,
// review, and the organization's severity scale.

/**
 * Moves an incident along its workflow; a move INCIDENT_TRANSITIONS does not allow answers 409
 * naming both statuses. Closing a real incident needs its post-incident review (our choice: the
 * rule asks to document incidents and their outcomes, 164.308(a)(6)(ii)); closing a report as
 * not an incident does not.
 */
export async function changeIncidentStatus(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: IncidentStatusBody,
): Promise<Incident> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundIncident(trx, orgId, id);
    if (before.status === body.status) return;
    const from = INCIDENT_STATUS_LABELS[before.status];
    const to = INCIDENT_STATUS_LABELS[body.status];
    if (!INCIDENT_TRANSITIONS[before.status].includes(body.status)) {
      const allowed = INCIDENT_TRANSITIONS[before.status].map((s) => INCIDENT_STATUS_LABELS[s]);
      throw new AppError(
        'conflict',
        `An incident cannot go from "${from}" to "${to}": from "${from}" it goes to ${allowed.map((s) => `"${s}"`).join(' or ')}.`,
      );
    }
    if (body.status === 'closed' && before.reviewed_at === null) {
      throw new AppError(
        'conflict',
        `${reference(before)} cannot be closed before its post-incident review is recorded.`,
      );
    }
    const now = deps.clock.now().toISOString();
    await updateIncident(trx, orgId, id, {
      status: body.status,
      closed_at: isClosedStatus(body.status) ? now : null,
      updated_at: now,
    });
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId: id,
      kind: 'change',
      text: `Status: ${from} → ${to}.${body.note ? ` ${body.note}` : ''}`,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.status_changed',
      entity: { type: 'incident', id },
      changes: { status: { before: before.status, after: body.status } },
    });
  });
  return getIncident(deps, orgId, id);
}

async function evidenceNames(deps: AppDeps, orgId: string, ids: readonly string[]) {
  const target = deps.links.target('evidence');
  return target && ids.length > 0
    ? target.labels(deps.database.db, orgId, ids)
    : new Map<string, string>();
}

export async function incidentTimeline(deps: AppDeps, orgId: string, id: string) {
  const db = deps.database.db;
  await foundIncident(db, orgId, id);
  const rows = await listTimeline(db, orgId, id);
  const names = await evidenceNames(
    deps,
    orgId,
    rows.flatMap((r) => (r.evidence_id === null ? [] : [r.evidence_id])),
  );
  return { data: rows.map((row) => presentTimelineEntry(row, names)) };
}

/** A call, a decision, a note or collected evidence (an item of the vault, linked to the incident). */
export async function addTimelineEntry(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: TimelineEntryBody,
) {
  const entryId = await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, id);
    if (body.at !== undefined && Date.parse(body.at) > deps.clock.now().getTime() + 60_000) {
      throw AppError.field('body.at', 'must not be in the future');
    }
    if (body.evidenceId !== undefined) {
      const evidence = deps.links.target('evidence');
      const known = evidence
        ? await evidence.exists(trx, orgId, [body.evidenceId])
        : new Set<string>();
      if (!known.has(body.evidenceId)) {
        throw AppError.field('body.evidenceId', 'names no evidence item of the vault');
      }
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'incident', id },
        to: { type: 'evidence', id: body.evidenceId },
      });
    }
    const created = await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId: id,
      kind: body.kind,
      text: body.text,
      at: body.at === undefined ? undefined : new Date(body.at).toISOString(),
      evidenceId: body.evidenceId,
    });
    await updateIncident(trx, orgId, id, { updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.timeline_added',
      entity: { type: 'incident', id },
      changes: {
        reference: { after: reference(incident) },
        kind: { after: body.kind },
        ...(body.evidenceId ? { evidenceId: { after: body.evidenceId } } : {}),
      },
    });
    return created;
  });
  const entry = (await incidentTimeline(deps, orgId, id)).data.find((e) => e.id === entryId);
  if (!entry) throw new AppError('not_found', 'No such timeline entry.');
  return entry;
}

/** The checklist of the incident's category (content/incidents/checklists.md). */
export async function incidentChecklist(deps: AppDeps, orgId: string, id: string) {
  const row = await foundIncident(deps.database.db, orgId, id);
  return { category: row.category, items: [...checklistOf(row.category)] };
}

/** Makes the checklist's items into tasks linked to the incident, once (409 the second time). */
export async function applyChecklist(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<Incident> {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await foundIncident(trx, orgId, id);
    if (row.checklist_applied_at !== null) {
      throw new AppError(
        'conflict',
        `The checklist of ${reference(row)} is already made into tasks.`,
      );
    }
    if (isClosedStatus(row.status)) {
      throw new AppError('conflict', `${reference(row)} is closed: reopen it first.`);
    }
    const today = await organizationToday(trx, deps.clock, orgId);
    const items = checklistOf(row.category);
    for (const item of items) {
      await createSystemTaskIn(
        trx,
        deps,
        context,
        orgId,
        {
          title: `${reference(row)}: ${item.title}`,
          dueOn: addDays(today, item.dueInDays),
          priority: item.dueInDays === 0 ? 'high' : 'medium',
          links: [{ type: 'incident', id }],
        },
        { recordOwnerId: row.owner_id },
      );
    }
    const now = deps.clock.now().toISOString();
    await updateIncident(trx, orgId, id, { checklist_applied_at: now, updated_at: now });
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId: id,
      kind: 'change',
      text: `Response checklist made into ${items.length} tasks.`,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.checklist_applied',
      entity: { type: 'incident', id },
      changes: { tasks: { after: items.length } },
    });
  });
  return getIncident(deps, orgId, id);
}

/**
 * Records the post-incident review (164.308(a)(6)(ii): document incidents and their outcomes):
 * corrective actions become tasks linked to the incident, risks to re-rate are linked to it.
 * Recorded again, it replaces the text and adds the new actions and links.
 */
export async function reviewIncident(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: IncidentReviewBody,
): Promise<Incident> {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await foundIncident(trx, orgId, id);
    if (row.status === 'reported' || row.status === 'not_an_incident') {
      throw new AppError(
        'conflict',
        `${reference(row)} is "${INCIDENT_STATUS_LABELS[row.status]}": a review follows the response.`,
      );
    }
    const risks = deps.links.target('risk');
    const riskIds = [...new Set(body.riskIds ?? [])];
    const knownRisks =
      risks && riskIds.length > 0 ? await risks.exists(trx, orgId, riskIds) : new Set();
    const unknown = riskIds.findIndex((r) => !knownRisks.has(r));
    if (unknown >= 0)
      throw AppError.field(`body.riskIds.${unknown}`, 'names no risk of the register');
    const actor = await actorOf(trx, orgId, context);
    const now = deps.clock.now().toISOString();
    for (const action of body.correctiveActions ?? []) {
      await createSystemTaskIn(
        trx,
        deps,
        context,
        orgId,
        {
          title: action.title,
          description: `Corrective action from the review of ${reference(row)}.`,
          dueOn: action.dueOn ?? null,
          links: [{ type: 'incident', id }],
        },
        { recordOwnerId: row.owner_id },
      );
    }
    for (const riskId of riskIds) {
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'incident', id },
        to: { type: 'risk', id: riskId },
        label: 'Re-rate after the incident',
      });
    }
    await updateIncident(trx, orgId, id, {
      review_root_cause: body.rootCause,
      review_what_worked: body.whatWorked ?? '',
      review_lessons: body.lessons,
      reviewed_at: now,
      reviewed_by: actor.id,
      updated_at: now,
    });
    const actions = body.correctiveActions?.length ?? 0;
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId: id,
      kind: 'change',
      text: `Post-incident review recorded${actions > 0 ? `, with ${actions === 1 ? 'one corrective action' : `${actions} corrective actions`}` : ''}.`,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.reviewed',
      entity: { type: 'incident', id },
      changes: {
        rootCause: { before: row.review_root_cause, after: body.rootCause },
        lessons: { before: row.review_lessons, after: body.lessons },
        correctiveActions: { after: actions },
        riskIds: { after: riskIds },
      },
    });
  });
  return getIncident(deps, orgId, id);
}

export async function getSeverityScale(deps: AppDeps, orgId: string) {
  const { levels, isDefault } = await severityScale(deps.database.db, orgId);
  return { data: levels, isDefault };
}

/** Replaces the scale; a level some incident holds cannot go (409). */
export async function setSeverityScale(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: SeverityScaleBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await severityScale(trx, orgId);
    const top = await highestSeverityInUse(trx, orgId);
    if (top !== null && top > body.levels.length) {
      throw new AppError(
        'conflict',
        `An incident is rated at level ${top}: the scale needs at least ${top} levels.`,
      );
    }
    await replaceSeverityLevels(
      trx,
      orgId,
      body.levels.map((l, i) => ({
        org_id: orgId,
        level: i + 1,
        name: l.name,
        definition: l.definition,
      })),
    );
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.severity_scale_changed',
      entity: { type: 'incident_severity_scale', id: orgId },
      changes: {
        levels: {
          before: before.levels.map((l) => l.name),
          after: body.levels.map((l) => l.name),
        },
      },
    });
  });
  return getSeverityScale(deps, orgId);
}
