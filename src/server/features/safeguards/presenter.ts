import type { Requirement } from '../../../contracts/catalog';
import type { OrganizationsTable } from '../organizations/tables';
import type { Safeguard } from '../../../contracts/safeguards';
import type { AssessmentRef } from '../risk-assessments/link';
import type { SafeguardRow } from './repository';

export type Applicability = Pick<
  OrganizationsTable,
  'entity_type' | 'includes_group_health_plan' | 'includes_clearinghouse'
>;

/** Whether the rule lets this organization mark the requirement not applicable. */
export function notApplicableAllowed(requirement: Requirement, org: Applicability): boolean {
  if (!requirement.notApplicableWhen || org.entity_type === null) {
    return false;
  }
  if (requirement.notApplicableWhen === 'no_clearinghouse') {
    // 164.308(a)(4)(ii)(A) concerns a clearinghouse inside a larger organization.
    return org.entity_type !== 'clearinghouse' && org.includes_clearinghouse === 0;
  }
  // 164.314(b) binds group health plans only.
  return org.includes_group_health_plan === 0;
}

const NOT_APPLICABLE_BECAUSE = {
  no_clearinghouse:
    'The organization profile says it includes no health care clearinghouse function (164.308(a)(4)(ii)(A) concerns a clearinghouse inside a larger organization).',
  no_group_health_plan:
    'The organization profile says it includes no group health plan (164.314(b) binds group health plans and their plan sponsors).',
} as const;

/**
 * Why the organization profile makes a requirement not applicable, or null when it applies. The
 * profile decides: the record shows as not applicable with this reason, and counts as done.
 */
export function notApplicableReason(requirement: Requirement, org: Applicability): string | null {
  return requirement.notApplicableWhen && notApplicableAllowed(requirement, org)
    ? NOT_APPLICABLE_BECAUSE[requirement.notApplicableWhen]
    : null;
}

/** One requirement's record as the organization sees it; no stored row means not started. */
export function presentSafeguard(
  requirement: Requirement,
  row: SafeguardRow | undefined,
  org: Applicability,
  today: string,
  assessments: ReadonlyMap<string, AssessmentRef> = new Map(),
): Safeguard {
  const basisId = row?.decision_basis_assessment_id ?? null;
  const basis = basisId === null ? undefined : assessments.get(basisId);
  const reason = notApplicableReason(requirement, org);
  const status = reason ? 'not_applicable' : (row?.status ?? 'not_started');
  const decision = row?.decision
    ? {
        decision: row.decision,
        rationale: row.decision_rationale,
        alternative: row.decision_alternative,
        approvedBy: row.decision_approved_by
          ? { id: row.decision_approved_by, name: row.approver_name ?? '' }
          : null,
        approvedOn: row.decision_approved_on,
        basis: row.decision_basis,
        basisAssessment: basis
          ? {
              id: basis.id,
              reference: basis.reference,
              title: basis.title,
              approvedAt: basis.approvedAt,
            }
          : null,
      }
    : null;
  return {
    requirementId: requirement.id,
    kind: requirement.kind,
    parent: requirement.parent,
    title: requirement.title,
    safeguard: requirement.safeguard,
    designation: requirement.designation,
    status,
    owner: row?.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    statement: row?.statement ?? '',
    reviewIntervalMonths: row?.review_interval_months ?? null,
    nextReviewOn: row?.next_review_on ?? null,
    reviewOverdue:
      status !== 'not_applicable' && !!row?.next_review_on && row.next_review_on < today,
    decision,
    decisionMissing:
      requirement.designation === 'addressable' &&
      requirement.kind === 'implementation_specification' &&
      status !== 'not_applicable' &&
      decision === null,
    notApplicableAllowed: notApplicableAllowed(requirement, org),
    notApplicableReason: reason,
    updatedAt: row?.updated_at ?? null,
  };
}
