import { v7 as uuidv7 } from 'uuid';
import {
  BREACH_OUTCOME_LABELS,
  BREACH_STEPS,
  type BreachDeterminationView,
  type BreachStepsBody,
} from '../../../contracts/breach-determination-schemas';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn, othersWhoHold } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { todayIn } from '../../platform/time';
import {
  insertDetermination,
  latestDetermination,
  listDeterminations,
  lockIncident,
  updateDraftDetermination,
} from './breach-repository';
import { judge, presentDeterminations, stepsOf } from './breach-presenter';
import { foundIncident, recordTimelineIn } from './common';
import { reference } from './presenter';
import type { IncidentRow } from './repository';
import type { BreachDeterminationsTable } from './tables';
import { findEntityType } from './breach-organization';
import { reconcileNoticeTasksIn } from './breach-tasks';
import { metDuties, progressOf } from './breach-notice-progress';
import { listNotices } from './breach-notices-repository';
import { keepRecordIn } from '../retention/service';
import { computeBreachDeadlines } from '../../../contracts/breach-deadlines';

// The breach determination (issue 16 part 3; 164.402, to be checked against Subpart D): a guided
// record of versions. A draft's steps are saved with who and when; an approved version never
// changes (design.md §6.4): a changed conclusion is a new version with its reason.

/** Every version of an incident's determination, newest first. */
export async function listBreachDeterminations(
  deps: AppDeps,
  orgId: string,
  incidentId: string,
): Promise<{ data: BreachDeterminationView[] }> {
  const db = deps.database.db;
  await foundIncident(db, orgId, incidentId);
  return {
    data: await presentDeterminations(db, orgId, await listDeterminations(db, orgId, incidentId)),
  };
}

async function presentOne(deps: AppDeps, orgId: string, id: string, incidentId: string) {
  const rows = await listDeterminations(deps.database.db, orgId, incidentId);
  const [view] = await presentDeterminations(
    deps.database.db,
    orgId,
    rows.filter((r) => r.id === id),
  );
  if (!view) throw new AppError('not_found', 'No such breach determination.');
  return view;
}

/** The day of discovery in the organization's zone: when it was discovered, else reported. */
async function discoveryDate(db: Db, orgId: string, incident: IncidentRow): Promise<string> {
  const zone = (await findTimeZone(db, orgId)) ?? 'UTC';
  return todayIn(zone, new Date(incident.discovered_at ?? incident.reported_at));
}

const ref = (row: BreachDeterminationsTable, incident: IncidentRow) =>
  `The breach determination of ${reference(incident)} (version ${row.version})`;

/** Facts that do not hold together are refused with the field named, before anything is written. */
function checkFacts(body: BreachStepsBody, discoveredOn: string): void {
  if (body.exclusion?.applies && body.exclusion.facts === '') {
    throw AppError.field('body.exclusion.facts', 'is required when an exclusion is claimed');
  }
  const facts = body.facts;
  if (!facts) return;
  if (facts.breachOccurredOn > discoveredOn) {
    throw AppError.field(
      'body.facts.breachOccurredOn',
      `must be on or before the day of discovery (${discoveredOn})`,
    );
  }
  const byState = Object.values(facts.affectedByState).reduce((sum, n) => sum + n, 0);
  if (byState > facts.affectedTotal) {
    throw AppError.field(
      'body.facts.affectedByState',
      `adds up to ${byState}, more than the total affected (${facts.affectedTotal})`,
    );
  }
  const delay = facts.lawEnforcementDelay;
  // 164.412: an oral statement delays at most 30 days from it, so its day is needed.
  if (delay?.statement === 'oral' && delay.statementOn === null) {
    throw AppError.field(
      'body.facts.lawEnforcementDelay.statementOn',
      'is required for an oral statement',
    );
  }
}

/** Saves steps of the draft (a first version is started if there is none). */
export async function saveBreachSteps(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  body: BreachStepsBody,
): Promise<BreachDeterminationView> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    await lockIncident(trx, orgId, incidentId);
    const incident = await foundIncident(trx, orgId, incidentId);
    const userId = await actingPersonIn(trx, orgId, context.actor);
    if (userId === null) throw new AppError('forbidden', 'A member records a determination.');
    const discoveredOn = await discoveryDate(trx, orgId, incident);
    checkFacts(body, discoveredOn);
    const now = deps.clock.now().toISOString();
    let row = await latestDetermination(trx, orgId, incidentId);
    if (row?.status === 'approved') {
      throw new AppError(
        'conflict',
        `${ref(row, incident)} is approved and cannot change: start a new version with its reason.`,
      );
    }
    if (!row) {
      row = emptyVersion(orgId, incidentId, 1, null, discoveredOn, userId, now);
      await insertDetermination(trx, row);
    }
    const steps = stepsOf(row);
    const next = { ...steps, saved: { ...steps.saved } };
    const values: Partial<BreachDeterminationsTable> = {};
    for (const step of BREACH_STEPS) {
      const value = body[step];
      if (value === undefined) continue;
      values[step] = JSON.stringify(value);
      next.saved[step] = { at: now, by: userId };
    }
    const entityType = await findEntityType(trx, orgId);
    const merged = { ...row, ...values, entity_type: entityType, discovered_on: discoveredOn };
    const outcome = judge(merged, stepsOf({ ...merged, saved: JSON.stringify(next.saved) }));
    await updateDraftDetermination(trx, orgId, row.id, {
      ...values,
      saved: JSON.stringify(next.saved),
      entity_type: entityType,
      discovered_on: discoveredOn,
      outcome: outcome.outcome,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_steps_saved',
      entity: { type: 'incident', id: incidentId },
      // The steps' names and the outcome, not their text: rationales may describe patients.
      changes: {
        version: { after: row.version },
        steps: { after: BREACH_STEPS.filter((s) => body[s] !== undefined).join(', ') },
        outcome: { before: row.outcome, after: outcome.outcome },
      },
    });
    return row.id;
  });
  return presentOne(deps, orgId, id, incidentId);
}

function emptyVersion(
  orgId: string,
  incidentId: string,
  version: number,
  reason: string | null,
  discoveredOn: string,
  userId: string,
  now: string,
): BreachDeterminationsTable {
  return {
    id: uuidv7(),
    org_id: orgId,
    incident_id: incidentId,
    version,
    status: 'draft',
    reason,
    entity_type: null,
    discovered_on: discoveredOn,
    phi: null,
    exclusion: null,
    factors: null,
    facts: null,
    conclusion: null,
    saved: '{}',
    outcome: null,
    approved_at: null,
    approved_by: null,
    approval_note: null,
    created_at: now,
    created_by: userId,
    updated_at: now,
  };
}

/**
 * Approves the complete draft; from then on it never changes. Four eyes where there are four
 * (as risk assessments and policies do): whoever saved a step does not approve it too while
 * another member may; a one-person practice approves its own.
 */
export async function approveBreachDetermination(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  note: string | undefined,
): Promise<BreachDeterminationView> {
  // Who approved is who acted: the signed-in person (the permission is person-only).
  const approverId = context.actor.type === 'user' ? context.actor.id : null;
  if (approverId === null) throw new AppError('forbidden', 'A person approves, not a token.');
  const id = await deps.database.db.transaction().execute(async (trx) => {
    await lockIncident(trx, orgId, incidentId);
    const incident = await foundIncident(trx, orgId, incidentId);
    const row = await latestDetermination(trx, orgId, incidentId);
    if (!row) {
      throw new AppError(
        'conflict',
        `${reference(incident)} has no breach determination to approve.`,
      );
    }
    if (row.status === 'approved') {
      throw new AppError('conflict', `${ref(row, incident)} is already approved.`);
    }
    const steps = stepsOf(row);
    const judgement = judge(row, steps);
    if (judgement.missing.length > 0 || judgement.outcome === null) {
      throw new AppError(
        'conflict',
        `${ref(row, incident)} is not complete: still to record ${judgement.missing.join('; ')}.`,
      );
    }
    const now = deps.clock.now().toISOString();
    const savers = new Set(Object.values(steps.saved).map((s) => s.by));
    if (savers.has(approverId)) {
      const others = await othersWhoHold(trx, orgId, approverId, 'incidents.breach_approve', now);
      if (others.length > 0) {
        throw new AppError(
          'conflict',
          `You recorded this determination, so someone else approves it: ${others.join(', ')} may.`,
        );
      }
    }
    await updateDraftDetermination(trx, orgId, row.id, {
      status: 'approved',
      approved_at: now,
      approved_by: approverId,
      approval_note: note ?? '',
      outcome: judgement.outcome,
      updated_at: now,
    });
    // A later version cancels the earlier version's notice tasks that no longer apply, keeps
    // those that still do, and raises what is newly due (unless the notices sent already meet it).
    const earlier = (await listDeterminations(trx, orgId, incidentId)).find(
      (r) => r.status === 'approved' && r.version < row.version,
    );
    const before =
      earlier?.outcome === 'breach' ? judge(earlier, stepsOf(earlier)).engineInput : null;
    const after = judgement.outcome === 'breach' ? judgement.engineInput : null;
    const notices = await listNotices(trx, orgId, incidentId);
    const met = metDuties(after ? progressOf(notices, after, computeBreachDeadlines(after)) : null);
    await reconcileNoticeTasksIn(trx, deps, context, orgId, incident, { before, after, met });
    // 164.316(b)(2)(i): an approved determination is documentation kept six years.
    await keepRecordIn(trx, deps, orgId, {
      type: 'breach_determination',
      id: row.id,
      opensId: incidentId,
      label: `${reference(incident)} breach determination, version ${row.version}`,
      createdAt: now,
    });
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId,
      kind: 'decision',
      text: `Breach determination (version ${row.version}) approved: ${BREACH_OUTCOME_LABELS[judgement.outcome]}.`,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_determination_approved',
      entity: { type: 'incident', id: incidentId },
      changes: {
        version: { after: row.version },
        status: { before: 'draft', after: 'approved' },
        outcome: { after: judgement.outcome },
      },
    });
    return row.id;
  });
  return presentOne(deps, orgId, id, incidentId);
}

/** Starts a new version from the approved one, with its reason; the approved one stays as it is. */
export async function reviseBreachDetermination(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  reason: string,
): Promise<BreachDeterminationView> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    await lockIncident(trx, orgId, incidentId);
    const incident = await foundIncident(trx, orgId, incidentId);
    const userId = await actingPersonIn(trx, orgId, context.actor);
    if (userId === null) throw new AppError('forbidden', 'A member records a determination.');
    const row = await latestDetermination(trx, orgId, incidentId);
    if (row?.status !== 'approved') {
      throw new AppError(
        'conflict',
        row
          ? `${ref(row, incident)} is still a draft: change it instead of starting another.`
          : `${reference(incident)} has no approved determination to revise: record one.`,
      );
    }
    const now = deps.clock.now().toISOString();
    const next: BreachDeterminationsTable = {
      ...emptyVersion(orgId, incidentId, row.version + 1, reason, row.discovered_on, userId, now),
      // The new version starts from the approved steps; who saved them is asked again.
      entity_type: row.entity_type,
      phi: row.phi,
      exclusion: row.exclusion,
      factors: row.factors,
      facts: row.facts,
      conclusion: row.conclusion,
    };
    await insertDetermination(trx, next);
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId,
      kind: 'decision',
      text: `Breach determination version ${next.version} started: ${reason}`,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_determination_revised',
      entity: { type: 'incident', id: incidentId },
      changes: { version: { before: row.version, after: next.version } },
    });
    return next.id;
  });
  return presentOne(deps, orgId, id, incidentId);
}
