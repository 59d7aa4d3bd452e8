import { createHash } from 'node:crypto';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { readJson } from '../../platform/db/json-columns';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { AppError } from '../../platform/errors';
import { getProfile } from '../organizations/service/profile';
import { REGISTER_COLUMNS, riskCells } from '../risks/export';
import { allRisks } from '../risks/service';
import { organizationMatrix } from '../risks/settings';
import { gapsOf, guidedPairs } from './guided';
import { presentAssessment } from './presenter';
import { renderReport } from './report/report';
import { findAssessment, findReport } from './repository';
import { takeSnapshot } from './snapshot';

async function requireAssessment(deps: AppDeps, orgId: string, id: string) {
  const row = await findAssessment(deps.database.db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such risk assessment.');
  return row;
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
  const snapshot = await takeSnapshot(db, orgId, id, now);
  const { pairs, assets } = await guidedPairs(db, orgId, id);
  const pdf = await renderReport({
    organization: (await getProfile(deps, orgId)).name,
    timeZone: (await findTimeZone(db, orgId)) ?? 'UTC',
    assessment: presentAssessment(row, matrix),
    snapshot,
    matrix,
    generatedAt: now,
    gaps: gapsOf(snapshot.risks, pairs, assets),
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
  const risks = row.snapshot
    ? readJson('risk_assessments.snapshot', row.snapshot).risks
    : await allRisks(deps.database.db, orgId);
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
