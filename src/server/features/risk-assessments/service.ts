import { createHash } from 'node:crypto';
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
import { getProfile } from '../organizations/service/profile';
import { REGISTER_COLUMNS, riskCells } from '../risks/export';
import { allRisks, heatMap } from '../risks/service';
import { organizationMatrix } from '../risks/settings';
import { presentAssessment } from './presenter';
import { renderReport } from './report/report';
import {
  approvedLevelCounts,
  findAssessment,
  findReport,
  insertAssessment,
  lastApproval,
  listAssessments,
  updateAssessment,
  type AssessmentRow,
} from './repository';
import { changesBetween, takeSnapshot } from './snapshot';
import { readJson } from '../../platform/db/json-columns';

export const DEFAULT_METHOD =
  'NIST SP 800-30 Rev. 1 semi-quantitative assessment, as NIST SP 800-66 Rev. 2 section 3 applies it: ' +
  'for each asset that creates, receives, maintains or transmits ePHI, identify threat events and the ' +
  'vulnerabilities they exploit, note the controls in place, rate likelihood and impact, and read the ' +
  'level of risk from the matrix (SP 800-30 Table I-2). Each risk gets a treatment, an owner and a review date.';

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
  return { ...assessment, changes };
}

/** Refuses any change to an approved assessment: it is an immutable record (164.316(b)(1)). */
export function requireEditable(row: AssessmentRow): void {
  if (row.status === 'approved') {
    throw new AppError(
      'conflict',
      `RA-${row.number} is approved and can no longer change. Start a new draft from it.`,
    );
  }
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
      created_at: now,
      created_by: context.actor.type === 'user' ? context.actor.id : null,
      updated_at: now,
    };
    await insertAssessment(trx, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.created',
      entity: { type: 'risk_assessment', id: row.id },
      changes: {
        reference: { after: `RA-${row.number}` },
        title: { after: row.title },
        basedOn: { after: base ? `RA-${base.number}` : null },
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

/** Moves a draft to review, or a review back to draft. */
export async function moveAssessment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  to: 'in_review' | 'draft',
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await findAssessment(trx, orgId, id);
    if (!row) throw new AppError('not_found', 'No such risk assessment.');
    requireEditable(row);
    const from = to === 'in_review' ? 'draft' : 'in_review';
    if (row.status !== from) {
      throw new AppError(
        'conflict',
        `RA-${row.number} is ${row.status.replace('_', ' ')}, not ${from.replace('_', ' ')}.`,
      );
    }
    const now = deps.clock.now().toISOString();
    const userId = context.actor.type === 'user' ? context.actor.id : null;
    await updateAssessment(trx, orgId, id, {
      status: to,
      updated_at: now,
      ...(to === 'in_review' ? { submitted_at: now, submitted_by: userId } : {}),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: to === 'in_review' ? 'risk_assessment.submitted' : 'risk_assessment.returned',
      entity: { type: 'risk_assessment', id },
      changes: { status: { before: row.status, after: to } },
    });
  });
  return getAssessment(deps, orgId, id);
}

/**
 * The report: for an approved assessment the stored, immutable PDF; before approval a draft
 * rendered from the live register (not stored).
 */
export async function assessmentReport(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  const db = deps.database.db;
  const row = await requireAssessment(deps, orgId, id);
  const reference = `RA-${row.number}`;
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.report_downloaded',
      entity: { type: 'risk_assessment', id },
      changes: { status: { after: row.status } },
    }),
  );
  if (row.status === 'approved') {
    const stored = await findReport(db, orgId, id);
    if (!stored) throw new AppError('not_found', 'The report of this assessment is missing.');
    const fileName = `custos-risk-analysis-${reference}.pdf`;
    return { pdf: Buffer.from(stored.content), sha256: stored.sha256, fileName };
  }
  const now = deps.clock.now().toISOString();
  const matrix = await organizationMatrix(db, orgId);
  const pdf = await renderReport({
    organization: (await getProfile(deps, orgId)).name,
    assessment: presentAssessment(row, matrix),
    snapshot: await takeSnapshot(db, orgId, now),
    matrix,
    generatedAt: now,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return { pdf, sha256, fileName: `custos-risk-analysis-${reference}-draft.pdf` };
}

/**
 * The register as a CSV or XLSX download: as frozen in an approved assessment, or live for one
 * not yet approved. Audited like the live register's export (164.312(b)).
 */
export async function assessmentRegister(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  format: 'csv' | 'xlsx',
) {
  const row = await requireAssessment(deps, orgId, id);
  const reference = `RA-${row.number}`;
  const risks = snapshotOf(row)?.risks ?? (await allRisks(deps.database.db, orgId));
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risks.exported',
      entity: { type: 'risk_assessment', id },
      changes: { format: { after: format }, rows: { after: risks.length } },
    }),
  );
  const file = {
    name: `risk-register-${reference}`,
    sheet: 'Risk register',
    title: `Risk register ${reference}`,
    createdAt: deps.clock.now().toISOString(),
  };
  return { format, file, columns: REGISTER_COLUMNS, rows: risks.map(riskCells) };
}

/** The most recent approved assessment, if any (dashboard). */
export async function lastApprovedAssessment(db: Kysely<Database>, orgId: string) {
  return lastApproval(db, orgId);
}
