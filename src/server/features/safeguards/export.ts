import {
  DECISION_LABELS,
  SAFEGUARD_STATUS_LABELS,
  type Safeguard,
} from '../../../contracts/safeguards';
import { designationLabel } from '../../../contracts/catalog';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Columns } from '../../platform/http/spreadsheet';
import { getOrganization } from '../organizations/service/organization';
import { allSafeguards } from './service';

const COLUMNS: Columns = [
  ['Citation', 22],
  ['Title', 40],
  ['Safeguard', 16],
  ['Kind', 14],
  ['Designation', 13],
  ['Status', 15],
  ['Owner', 22],
  ['Implementation statement', 60],
  ['Decision (164.306(d)(3))', 30],
  ['Rationale', 40],
  ['Alternative measure', 40],
  ['Approved by', 22],
  ['Approved on', 12],
  ['Basis (risk analysis)', 30],
  ['Review every (months)', 10],
  ['Next review', 12],
  ['Review overdue', 10],
];

/** The register's cells, one row per requirement; every cell is text or a number. */
export function registerRows(safeguards: readonly Safeguard[]): (string | number)[][] {
  return safeguards.map((s) => [
    s.requirementId,
    s.title,
    s.safeguard,
    s.kind === 'standard' ? 'Standard' : 'Specification',
    designationLabel(s),
    s.notApplicableReason
      ? `${SAFEGUARD_STATUS_LABELS[s.status]}: ${s.notApplicableReason}`
      : SAFEGUARD_STATUS_LABELS[s.status],
    s.owner?.name ?? '',
    s.statement,
    s.decision ? DECISION_LABELS[s.decision.decision] : s.decisionMissing ? 'Missing' : '',
    s.decision?.rationale ?? '',
    s.decision?.alternative ?? '',
    s.decision?.approvedBy?.name ?? '',
    s.decision?.approvedOn ?? '',
    s.decision?.basisAssessment
      ? `${s.decision.basisAssessment.reference} ${s.decision.basisAssessment.title}`
      : (s.decision?.basis ?? ''),
    s.reviewIntervalMonths ?? '',
    s.nextReviewOn ?? '',
    s.reviewOverdue ? 'Yes' : '',
  ]);
}

/**
 * The whole register for a download, after recording the export in the trail: a bulk read of the
 * program's records is audited (164.312(b)).
 */
export async function exportRegister(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  format: 'csv' | 'xlsx',
) {
  const safeguards = await allSafeguards(deps, orgId);
  const createdAt = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'safeguards.exported',
      changes: { format: { after: format }, rows: { after: safeguards.length } },
    }),
  );
  const organization = (await getOrganization(deps, orgId)).name;
  return {
    file: {
      name: 'safeguards',
      sheet: 'Safeguard register',
      title: `${organization}: safeguard register`,
      createdAt,
    },
    columns: COLUMNS,
    rows: registerRows(safeguards),
  };
}
