import type { RiskMatrix } from '../../../contracts/risk-library';
import type { Risk } from '../../../contracts/risks';
import { catalog } from '../catalog/content';
import type { RiskRow } from './repository/risks';
import type { LibraryTitles } from './settings';

/** What the presenter needs besides the row: the scales, the library and the linked records. */
export interface RiskContext {
  matrix: RiskMatrix;
  library: LibraryTitles;
  assets: Map<string, Risk['assets']>;
  controls: Map<string, string[]>;
  planTasks: Map<string, Risk['planTasks']>;
}

function point(labels: readonly string[], index: number | null) {
  return index === null ? null : { index, label: labels[index] ?? `#${index}` };
}

function level(matrix: RiskMatrix, index: number | null) {
  const found = index === null ? undefined : matrix.levels[index];
  return index === null || !found ? null : { index, label: found.label, color: found.color };
}

export function presentRisk(row: RiskRow, context: RiskContext): Risk {
  const { matrix, library } = context;
  const requirements = catalog().byId;
  return {
    id: row.id,
    reference: `RISK-${row.number}`,
    title: row.title,
    description: row.description,
    status: row.status,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    assets: context.assets.get(row.id) ?? [],
    threat: row.threat_id
      ? { id: row.threat_id, title: library.threats.get(row.threat_id) ?? row.threat_id }
      : null,
    vulnerability: row.vulnerability_id
      ? {
          id: row.vulnerability_id,
          title: library.vulnerabilities.get(row.vulnerability_id) ?? row.vulnerability_id,
        }
      : null,
    controls: (context.controls.get(row.id) ?? []).map((citation) => ({
      citation,
      title: requirements.get(citation)?.title ?? '',
    })),
    likelihood: point(matrix.likelihood, row.likelihood),
    impact: point(matrix.impact, row.impact),
    inherentLevel: level(matrix, row.inherent_level),
    ratingRationale: row.rating_rationale,
    treatment: row.treatment,
    treatmentPlan: row.treatment_plan,
    planTasks: context.planTasks.get(row.id) ?? [],
    residualLikelihood: point(matrix.likelihood, row.residual_likelihood),
    residualImpact: point(matrix.impact, row.residual_impact),
    residualLevel: level(matrix, row.residual_level),
    residualRationale: row.residual_rationale,
    acceptance:
      row.accepted_by && row.accepted_on && row.acceptance_expires_on
        ? {
            approver: { id: row.accepted_by, name: row.accepted_by_name ?? '' },
            acceptedOn: row.accepted_on,
            expiresOn: row.acceptance_expires_on,
          }
        : null,
    identifiedOn: row.identified_on,
    lastReviewedOn: row.last_reviewed_on,
    nextReviewOn: row.next_review_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
