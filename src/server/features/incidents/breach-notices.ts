import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  computeBreachDeadlines,
  type BreachDeadlines,
  type BreachDeadlinesInput,
} from '../../../contracts/breach-deadlines';
import {
  isCounted,
  NOTICE_KIND_LABELS,
  dutyOf,
  substituteNoticeGuidance,
  type BreachNotice,
  type BreachNoticeBody,
  type BreachNotices,
} from '../../../contracts/breach-notice-schemas';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { findPeopleNames } from '../../platform/people-repository';
import { dateWord } from '../../platform/words';
import { createLinkIn } from '../links/service';
import { keepRecordIn } from '../retention/service';
import { listDeterminations } from './breach-repository';
import { judge, stepsOf } from './breach-presenter';
import { dutyState, progressOf } from './breach-notice-progress';
import {
  findUnreachable,
  insertNotice,
  listNotices,
  saveUnreachable,
} from './breach-notices-repository';
import { presentNotices } from './breach-notices-presenter';
import { completeNoticeTaskIn, noticeTasksOf } from './breach-tasks';
import { foundIncident } from './common';
import { reference } from './presenter';
import type { IncidentRow } from './repository';
import type { BreachDeterminationsTable, BreachNoticesTable } from './tables';

// The notices of a breach as actually sent (issue 16 part 5; 164.404-164.410, to be checked):
// when, how, to how many, by whom (always the acting person). They are the proof that notices
// went out (164.414(b), burden of proof, to be checked), so they are documentation kept six years
// (164.316(b)(2)(i)): a wrong record is corrected with its reason, and only a mistake taken back
// within a day by whoever made it is removed (breach-notice-changes.ts).

export interface ApprovedBreach {
  row: BreachDeterminationsTable;
  input: BreachDeadlinesInput;
  deadlines: BreachDeadlines;
}

/** The newest approved determination when it found a breach, with its deadlines; else null. */
export async function approvedBreachOf(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<ApprovedBreach | null> {
  const row = (await listDeterminations(db, orgId, incidentId)).find(
    (r) => r.status === 'approved',
  );
  if (row?.outcome !== 'breach') return null;
  const input = judge(row, stepsOf(row)).engineInput;
  return input ? { row, input, deadlines: computeBreachDeadlines(input) } : null;
}

export async function requireBreach(db: Db, orgId: string, incident: IncidentRow) {
  const breach = await approvedBreachOf(db, orgId, incident.id);
  if (!breach) {
    throw new AppError(
      'conflict',
      `${reference(incident)} has no approved determination of a breach: notices are recorded once one is approved.`,
    );
  }
  return breach;
}

/** Refuses a notice that does not fit the breach, naming the field, before anything is written. */
export async function checkNotice(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  body: BreachNoticeBody,
  breach: ApprovedBreach,
): Promise<void> {
  const associate = breach.input.entityType === 'business_associate';
  // 164.410: a business associate notifies the covered entity, which sends the other notices.
  if (associate !== (body.kind === 'covered_entity')) {
    throw AppError.field(
      'body.kind',
      associate
        ? 'must be the notice to the covered entity: a business associate sends that one (164.410)'
        : 'cannot be a notice to a covered entity: the organization is a covered entity',
    );
  }
  const today = await organizationToday(trx, deps.clock, orgId);
  if (body.sentOn > today) throw AppError.field('body.sentOn', 'must not be in the future');
  if (body.sentOn < breach.row.discovered_on) {
    throw AppError.field(
      'body.sentOn',
      `must be on or after the day of discovery (${dateWord(breach.row.discovered_on)})`,
    );
  }
  if (body.kind === 'media' && !body.state) {
    throw AppError.field('body.state', 'is required for a media notice: the State it reached');
  }
  if (body.kind !== 'media' && body.state) {
    throw AppError.field('body.state', 'is only for a media notice');
  }
  const counted = isCounted(body.kind);
  if (counted && !body.people) {
    throw AppError.field('body.people', 'is required: how many people this notice reached');
  }
  if (!counted && body.people) {
    throw AppError.field('body.people', 'is only for notices to the people affected');
  }
  if (body.people && body.people > breach.input.affectedTotal) {
    throw AppError.field(
      'body.people',
      `must be at most the ${breach.input.affectedTotal} people affected`,
    );
  }
  if ((body.kind === 'media' || body.kind === 'covered_entity') && !body.channel) {
    throw AppError.field(
      'body.channel',
      body.kind === 'media' ? 'is required: the outlet' : 'is required: whom it was sent to',
    );
  }
  if (body.evidenceId) {
    const evidence = deps.links.target('evidence');
    const known = evidence
      ? await evidence.exists(trx, orgId, [body.evidenceId])
      : new Set<string>();
    if (!known.has(body.evidenceId)) {
      throw AppError.field('body.evidenceId', 'names no evidence item of the vault');
    }
  }
}

/** The row's values from a body. */
export function noticeValues(body: BreachNoticeBody) {
  return {
    kind: body.kind,
    sent_on: body.sentOn,
    state: body.state ?? null,
    people: body.people ?? null,
    channel: body.channel ?? '',
    note: body.note ?? '',
    evidence_id: body.evidenceId ?? null,
  };
}

/** A notice's words for the register and the trail (no note: it may name a patient). */
export const noticeLabel = (
  incident: IncidentRow,
  row: Pick<BreachNoticesTable, 'kind' | 'sent_on'>,
) =>
  `${reference(incident)} ${NOTICE_KIND_LABELS[row.kind].toLowerCase()}, sent ${dateWord(row.sent_on)}`;

/** Links the vault item to the incident, and completes the duty's task if the notices meet it. */
export async function afterNoticeIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incident: IncidentRow,
  breach: ApprovedBreach,
  row: BreachNoticesTable,
): Promise<string> {
  if (row.evidence_id) {
    await createLinkIn(trx, deps, context, orgId, {
      from: { type: 'incident', id: incident.id },
      to: { type: 'evidence', id: row.evidence_id },
    });
  }
  // 164.316(b)(2)(i): kept six years from when it was recorded.
  await keepRecordIn(trx, deps, orgId, {
    type: 'breach_notice',
    id: row.id,
    opensId: incident.id,
    label: noticeLabel(incident, row),
    createdAt: row.recorded_at,
  });
  const progress = progressOf(
    await listNotices(trx, orgId, incident.id),
    breach.input,
    breach.deadlines,
  );
  const duty = dutyOf(row.kind);
  const task = noticeTasksOf(incident, breach.input).find((t) => t.duty === duty);
  return completeNoticeTaskIn(trx, deps, context, orgId, task, dutyState(duty, progress));
}

/** Records a notice sent. */
export async function recordBreachNotice(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  body: BreachNoticeBody,
): Promise<{ notice: BreachNotice; task: string }> {
  const { id, task } = await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, incidentId);
    const breach = await requireBreach(trx, orgId, incident);
    await checkNotice(trx, deps, orgId, body, breach);
    const row: BreachNoticesTable = {
      id: uuidv7(),
      org_id: orgId,
      incident_id: incidentId,
      ...noticeValues(body),
      recorded_at: deps.clock.now().toISOString(),
      recorded_by: await actingPersonIn(trx, orgId, context.actor),
      corrected_at: null,
      corrected_by: null,
      correction_reason: null,
    };
    await insertNotice(trx, row);
    const task = await afterNoticeIn(trx, deps, context, orgId, incident, breach, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_notice_recorded',
      entity: { type: 'incident', id: incidentId },
      // What, when and to how many; not the note, which may name a patient.
      changes: {
        notice: { after: row.id },
        kind: { after: row.kind },
        sentOn: { after: row.sent_on },
        people: { after: row.people },
        state: { after: row.state },
      },
    });
    return { id: row.id, task };
  });
  return { notice: await oneNotice(deps, orgId, incidentId, id), task };
}

export async function oneNotice(deps: AppDeps, orgId: string, incidentId: string, id: string) {
  const rows = (await listNotices(deps.database.db, orgId, incidentId)).filter((r) => r.id === id);
  const [notice] = await presentNotices(deps, deps.database.db, orgId, rows);
  if (!notice) throw new AppError('not_found', 'No such notice.');
  return notice;
}

/** The notices, where each deadline stands, and the substitute-notice guidance. */
export async function listBreachNotices(
  deps: AppDeps,
  orgId: string,
  incidentId: string,
): Promise<BreachNotices> {
  const db = deps.database.db;
  await foundIncident(db, orgId, incidentId);
  const breach = await approvedBreachOf(db, orgId, incidentId);
  const rows = await listNotices(db, orgId, incidentId);
  const unreachable = await findUnreachable(db, orgId, incidentId);
  const by = unreachable?.updated_by ?? '';
  const names = await findPeopleNames(db, orgId, by ? [by] : []);
  return {
    data: await presentNotices(deps, db, orgId, rows),
    progress: breach ? progressOf(rows, breach.input, breach.deadlines) : null,
    guidance: unreachable ? substituteNoticeGuidance(unreachable.unreachable) : null,
    unreachableSaved: unreachable
      ? { at: unreachable.updated_at, by: { id: by, name: names.get(by) ?? 'Former member' } }
      : null,
  };
}

/** How many affected people cannot be reached (164.404(d)(2), to be checked). */
export async function saveBreachUnreachable(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incidentId: string,
  unreachable: number,
): Promise<BreachNotices> {
  await deps.database.db.transaction().execute(async (trx) => {
    const incident = await foundIncident(trx, orgId, incidentId);
    const breach = await requireBreach(trx, orgId, incident);
    if (unreachable > breach.input.affectedTotal) {
      throw AppError.field(
        'body.unreachable',
        `must be at most the ${breach.input.affectedTotal} people affected`,
      );
    }
    const before = await findUnreachable(trx, orgId, incidentId);
    await saveUnreachable(trx, {
      org_id: orgId,
      incident_id: incidentId,
      unreachable,
      updated_at: deps.clock.now().toISOString(),
      updated_by: await actingPersonIn(trx, orgId, context.actor),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_unreachable_saved',
      entity: { type: 'incident', id: incidentId },
      changes: { unreachable: { before: before?.unreachable ?? null, after: unreachable } },
    });
  });
  return listBreachNotices(deps, orgId, incidentId);
}
