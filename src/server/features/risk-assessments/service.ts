import { v7 as uuidv7 } from 'uuid';
import type {
  AssessmentCreateBody,
  AssessmentDetail,
  AssessmentUpdateBody,
  RiskSummary,
  Snapshot,
} from '../../../contracts/risk-assessments';
import type { Database } from '../../db/schema';
import type { RiskAssessmentsTable } from './tables';
import type { Kysely } from 'kysely';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { allRisks, heatMap } from '../risks/service';
import { organizationMatrix } from '../risks/settings';
import { presentAssessment, presentRecord } from './presenter';
import {
  approvedLevelCounts,
  findAssessment,
  insertAssessment,
  lastApproval,
  listAssessments,
  openAssessmentFrom,
  updateAssessment,
  type AssessmentRow,
} from './repository';
import { changesBetween } from './snapshot';
import { copyNegligiblePairsIn } from './negligible';
import { requireEditable } from './editable';
import { readJson } from '../../platform/db/json-columns';

export const DEFAULT_METHOD =
  'NIST SP 800-30 Rev. 1 semi-quantitative assessment, as NIST SP 800-66 Rev. 2 section 3 applies it: ' +
  'for each asset that creates, receives, maintains or transmits ePHI, identify threat events and the ' +
  'vulnerabilities they exploit, note the controls in place, rate likelihood and impact, and read the ' +
  'level of risk from the matrix (SP 800-30 Table I-2). Each open risk is to get a treatment, an owner and a review ' +
  'date: the treatment plan shows them as recorded, and the completeness section names every open ' +
  'risk still without a rating, a treatment or an owner.';

async function requireAssessment(deps: AppDeps, orgId: string, id: string) {
  const row = await findAssessment(deps.database.db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such risk assessment.');
  return row;
}

/** Every assessment, newest first. */
export async function listAssessmentsOf(deps: AppDeps, orgId: string) {
  const matrix = await organizationMatrix(deps.database.db, orgId);
  const rows = await listAssessments(deps.database.db, orgId);
  return { data: rows.map((r) => presentAssessment(r, matrix)) };
}

/** Heat maps of the open risks and, per approved assessment, its open risks by level. */
export async function riskSummary(deps: AppDeps, orgId: string): Promise<RiskSummary> {
  const db = deps.database.db;
  const trend = (await approvedLevelCounts(db, orgId)).map((row) => ({
    assessmentId: row.id,
    reference: `RA-${row.number}`,
    approvedAt: row.approved_at ?? '',
    levels: readJson('risk_assessments.level_counts', row.level_counts ?? '[]'),
  }));
  return { heatMap: await heatMap(db, orgId), trend };
}

function snapshotOf(row: { snapshot: string | null }): Snapshot | null {
  return row.snapshot ? readJson('risk_assessments.snapshot', row.snapshot) : null;
}

export async function getAssessment(
  deps: AppDeps,
  orgId: string,
  id: string,
): Promise<AssessmentDetail> {
  const db = deps.database.db;
  const row = await requireAssessment(deps, orgId, id);
  const assessment = presentAssessment(row, await organizationMatrix(db, orgId));
  let changes: AssessmentDetail['changes'] = null;
  const base = row.based_on_id ? await findAssessment(db, orgId, row.based_on_id) : undefined;
  const baseSnapshot = base ? snapshotOf(base) : null;
  if (base && baseSnapshot && base.approved_at) {
    const current = snapshotOf(row)?.risks ?? (await allRisks(db, orgId));
    changes = changesBetween(baseSnapshot, current, {
      id: base.id,
      reference: `RA-${base.number}`,
      approvedAt: base.approved_at,
    });
  }
  const snapshot = row.status === 'approved' ? snapshotOf(row) : null;
  return { ...assessment, changes, record: snapshot ? presentRecord(snapshot) : null };
}

export async function createAssessment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AssessmentCreateBody,
) {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    let base: AssessmentRow | undefined;
    if (body.basedOnId) {
      base = await findAssessment(trx, orgId, body.basedOnId);
      if (!base) throw AppError.field('body.basedOnId', 'names no assessment of this organization');
      if (base.status !== 'approved') {
        throw AppError.field('body.basedOnId', 'must name an approved assessment');
      }
      // One update of an approved assessment at a time: a second draft from RA-1 beside RA-2
      // would split the review of one register in two.
      const open = await openAssessmentFrom(trx, orgId, base.id);
      if (open) {
        throw new AppError(
          'conflict',
          `RA-${open.number} already updates RA-${base.number} and is not approved yet: continue it, or approve it first.`,
        );
      }
    }
    const today = await organizationToday(trx, deps.clock, orgId);
    const now = deps.clock.now().toISOString();
    const row: RiskAssessmentsTable = {
      id: uuidv7(),
      org_id: orgId,
      number: await nextReferenceNumber(trx, orgId, 'risk_assessment'),
      title: body.title ?? `Risk analysis ${today.slice(0, 4)}`,
      scope:
        body.scope ??
        base?.scope ??
        'All electronic protected health information the organization creates, receives, maintains or transmits, in every system, device, location and workflow of the asset inventory.',
      method: body.method ?? base?.method ?? DEFAULT_METHOD,
      participants: JSON.stringify(
        body.participants ??
          (base ? readJson('risk_assessments.participants', base.participants) : []),
      ),
      starts_on: body.startsOn ?? today,
      ends_on: body.endsOn ?? null,
      status: 'draft',
      based_on_id: base?.id ?? null,
      submitted_at: null,
      submitted_by: null,
      approved_at: null,
      approved_by: null,
      approval_note: null,
      matrix: null,
      snapshot: null,
      level_counts: null,
      submission_gaps: null,
      approval_gaps: null,
      created_at: now,
      created_by: context.actor.type === 'user' ? context.actor.id : null,
      updated_at: now,
    };
    await insertAssessment(trx, row);
    const carried = base ? await copyNegligiblePairsIn(trx, orgId, base.id, row.id) : 0;
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.created',
      entity: { type: 'risk_assessment', id: row.id },
      changes: {
        reference: { after: `RA-${row.number}` },
        title: { after: row.title },
        basedOn: { after: base ? `RA-${base.number}` : null },
        ...(carried > 0 ? { negligiblePairs: { after: carried } } : {}),
      },
    });
    return row.id;
  });
  return getAssessment(deps, orgId, id);
}

export async function changeAssessment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: AssessmentUpdateBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findAssessment(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such risk assessment.');
    requireEditable(before);
    const values: Partial<RiskAssessmentsTable> = {};
    if (body.title !== undefined) values.title = body.title;
    if (body.scope !== undefined) values.scope = body.scope;
    if (body.method !== undefined) values.method = body.method;
    if (body.participants !== undefined) values.participants = JSON.stringify(body.participants);
    if (body.startsOn !== undefined) values.starts_on = body.startsOn;
    if (body.endsOn !== undefined) values.ends_on = body.endsOn;
    const after = { ...before, ...values };
    if (after.starts_on && after.ends_on && after.ends_on < after.starts_on) {
      throw AppError.field('body.endsOn', 'must not be before startsOn');
    }
    const changes = changesOf(before, values, {
      title: 'title',
      scope: 'scope',
      method: 'method',
      participants: 'participants',
      startsOn: 'starts_on',
      endsOn: 'ends_on',
    });
    if (Object.keys(changes).length === 0) return;
    await updateAssessment(trx, orgId, id, {
      ...values,
      updated_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.changed',
      entity: { type: 'risk_assessment', id },
      changes,
    });
  });
  return getAssessment(deps, orgId, id);
}

/** The most recent approved assessment, if any (dashboard). */
export async function lastApprovedAssessment(db: Kysely<Database>, orgId: string) {
  return lastApproval(db, orgId);
}
