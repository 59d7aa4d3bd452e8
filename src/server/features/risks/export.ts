import { acceptancePending, type Risk } from '../../../contracts/risks';
import type { Cell, Columns } from '../../platform/http/spreadsheet';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { allRisks } from './service';
import { taskStatusLabel } from '../../../contracts/tasks';

/** The register's columns, for CSV/XLSX exports of the live register and of a snapshot. */
export const REGISTER_COLUMNS: Columns = [
  ['reference', 12],
  ['title', 40],
  ['status', 10],
  ['assets', 30],
  ['threat', 28],
  ['vulnerability', 28],
  ['existing_controls', 30],
  ['likelihood', 12],
  ['impact', 12],
  ['inherent_level', 14],
  ['rating_rationale', 40],
  ['treatment', 12],
  ['treatment_plan', 40],
  ['plan_tasks', 30],
  ['residual_likelihood', 12],
  ['residual_impact', 12],
  ['residual_level', 14],
  ['accepted_by', 20],
  ['accepted_on', 12],
  ['acceptance_expires_on', 14],
  ['owner', 20],
  ['identified_on', 12],
  ['next_review_on', 12],
];

export function riskCells(risk: Risk): Cell[] {
  return [
    risk.reference,
    risk.title,
    risk.status,
    risk.assets.map((a) => `${a.reference} ${a.name}`).join('; '),
    risk.threat?.title ?? '',
    risk.vulnerability?.title ?? '',
    risk.controls.map((c) => c.citation).join('; '),
    risk.likelihood?.label ?? '',
    risk.impact?.label ?? '',
    risk.inherentLevel?.label ?? '',
    risk.ratingRationale,
    risk.treatment ?? '',
    risk.treatmentPlan,
    risk.planTasks
      .map((t) => `${t.reference} ${t.title} (${taskStatusLabel(t.status).toLowerCase()})`)
      .join('; '),
    risk.residualLikelihood?.label ?? '',
    risk.residualImpact?.label ?? '',
    risk.residualLevel?.label ?? '',
    risk.acceptance?.approver.name ?? (acceptancePending(risk) ? 'pending approval' : ''),
    risk.acceptance?.acceptedOn ?? '',
    risk.acceptance?.expiresOn ?? '',
    risk.owner?.name ?? '',
    risk.identifiedOn,
    risk.nextReviewOn ?? '',
  ];
}

/** The live register as a CSV or XLSX download, the export audited (164.312(b)). */
export async function exportRisks(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  format: 'csv' | 'xlsx',
) {
  const risks = await allRisks(deps.database.db, orgId);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risks.exported',
      changes: { format: { after: format }, rows: { after: risks.length } },
    }),
  );
  const createdAt = deps.clock.now().toISOString();
  const file = { name: 'risk-register', sheet: 'Risk register', title: 'Risk register', createdAt };
  return { format, file, columns: REGISTER_COLUMNS, rows: risks.map(riskCells) };
}
