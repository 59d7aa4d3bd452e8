import type { RiskMatrix } from '../../../contracts/risk-library';
import type { RiskUpdateBody } from '../../../contracts/risks';
import type { Database } from '../../db/schema';
import type { RisksTable } from './tables';
import type { AuditFields } from '../../platform/audit/changes';
import { requireNewlyNamedMember } from '../../platform/auth/members';
import { AppError } from '../../platform/errors';
import { catalog } from '../catalog/content';
import { levelOf } from './content';
import { knownAssetIds } from './repository/risks';
import { organizationLibrary } from './settings';
import type { Transaction } from 'kysely';

/** Columns a request body sets (only the fields present). */
/** The acceptance of a risk in the audit trail (API field names). */
export const ACCEPTANCE_AUDIT_FIELDS = {
  treatment: 'treatment',
  approverId: 'accepted_by',
  acceptedOn: 'accepted_on',
  expiresOn: 'acceptance_expires_on',
} as const satisfies AuditFields<RisksTable>;

/** A risk's columns in the audit trail (API field names), levels and acceptance included. */
export const RISK_AUDIT_FIELDS = {
  title: 'title',
  description: 'description',
  status: 'status',
  ownerId: 'owner_id',
  threatId: 'threat_id',
  vulnerabilityId: 'vulnerability_id',
  likelihood: 'likelihood',
  impact: 'impact',
  inherentLevel: 'inherent_level',
  ratingRationale: 'rating_rationale',
  treatmentPlan: 'treatment_plan',
  residualLikelihood: 'residual_likelihood',
  residualImpact: 'residual_impact',
  residualLevel: 'residual_level',
  residualRationale: 'residual_rationale',
  identifiedOn: 'identified_on',
  lastReviewedOn: 'last_reviewed_on',
  nextReviewOn: 'next_review_on',
  ...ACCEPTANCE_AUDIT_FIELDS,
} as const satisfies AuditFields<RisksTable>;

function columnsOf(body: RiskUpdateBody): Partial<RisksTable> {
  const v: Partial<RisksTable> = {};
  if (body.title !== undefined) v.title = body.title;
  if (body.description !== undefined) v.description = body.description;
  if (body.status !== undefined) v.status = body.status;
  if (body.ownerId !== undefined) v.owner_id = body.ownerId;
  if (body.threatId !== undefined) v.threat_id = body.threatId;
  if (body.vulnerabilityId !== undefined) v.vulnerability_id = body.vulnerabilityId;
  if (body.likelihood !== undefined) v.likelihood = body.likelihood;
  if (body.impact !== undefined) v.impact = body.impact;
  if (body.ratingRationale !== undefined) v.rating_rationale = body.ratingRationale;
  if (body.treatment !== undefined) v.treatment = body.treatment;
  if (body.treatmentPlan !== undefined) v.treatment_plan = body.treatmentPlan;
  if (body.residualLikelihood !== undefined) v.residual_likelihood = body.residualLikelihood;
  if (body.residualImpact !== undefined) v.residual_impact = body.residualImpact;
  if (body.residualRationale !== undefined) v.residual_rationale = body.residualRationale;
  if (body.identifiedOn !== undefined) v.identified_on = body.identifiedOn;
  if (body.lastReviewedOn !== undefined) v.last_reviewed_on = body.lastReviewedOn;
  if (body.nextReviewOn !== undefined) v.next_review_on = body.nextReviewOn;
  return v;
}

/** A likelihood × impact pair: both or neither, inside the matrix; returns the level index. */
function rate(
  matrix: RiskMatrix,
  likelihood: number | null,
  impact: number | null,
  fields: { likelihood: string; impact: string },
): number | null {
  if (likelihood === null && impact === null) return null;
  if (likelihood === null) throw AppError.field(fields.likelihood, 'is required with an impact');
  if (impact === null) throw AppError.field(fields.impact, 'is required with a likelihood');
  if (likelihood >= matrix.likelihood.length) {
    throw AppError.field(fields.likelihood, `must be 0–${matrix.likelihood.length - 1}`);
  }
  if (impact >= matrix.impact.length) {
    throw AppError.field(fields.impact, `must be 0–${matrix.impact.length - 1}`);
  }
  return levelOf(matrix, likelihood, impact).index;
}

/**
 * Turns a body into checked columns for a risk (`before` is the stored row, or the defaults of a
 * new one). Rules an auditor relies on: a rating has a rationale; an "accept" treatment set here
 * stays pending until an approver accepts the risk themselves (acceptance.ts; 164.308(a)(1)(ii)(B):
 * risks reduced to a reasonable and appropriate level, by a decision someone owns).
 */
export async function checkedColumns(
  trx: Transaction<Database>,
  orgId: string,
  matrix: RiskMatrix,
  body: RiskUpdateBody,
  before: RisksTable,
  now: string,
): Promise<Partial<RisksTable>> {
  const values = columnsOf(body);
  const row = { ...before, ...values };
  // 164.308(a)(3)(ii)(C): a risk is not handed to someone whose access has ended.
  await requireNewlyNamedMember(
    trx,
    orgId,
    { userId: body.ownerId, previous: before.owner_id },
    'body.ownerId',
    now,
    { permission: 'risks.manage', act: 'edit risks' },
  );

  const library = await organizationLibrary(trx, orgId);
  if (values.threat_id && !library.threats.some((t) => t.id === values.threat_id)) {
    throw AppError.field('body.threatId', 'names no threat of the library');
  }
  if (
    values.vulnerability_id &&
    !library.vulnerabilities.some((v) => v.id === values.vulnerability_id)
  ) {
    throw AppError.field('body.vulnerabilityId', 'names no vulnerability of the library');
  }
  const unknownControl = (body.controls ?? []).findIndex((c) => !catalog().byId.has(c));
  if (unknownControl >= 0) {
    throw AppError.field(`body.controls.${unknownControl}`, 'names no catalog requirement');
  }
  if (body.assetIds?.length) {
    const known = await knownAssetIds(trx, orgId, body.assetIds);
    const unknown = body.assetIds.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw AppError.field(`body.assetIds.${unknown}`, 'names no asset of this organization');
  }

  values.inherent_level = rate(matrix, row.likelihood, row.impact, {
    likelihood: 'body.likelihood',
    impact: 'body.impact',
  });
  if (values.inherent_level !== null && !row.rating_rationale.trim()) {
    throw AppError.field('body.ratingRationale', 'is required to rate a risk');
  }
  values.residual_level = rate(matrix, row.residual_likelihood, row.residual_impact, {
    likelihood: 'body.residualLikelihood',
    impact: 'body.residualImpact',
  });

  // The acceptance itself (approver, dates) is written only by the approver's own request
  // (acceptance.ts); it belongs to the "accept" treatment and goes when the treatment changes.
  if (
    row.treatment !== 'accept' &&
    (row.accepted_by || row.acceptance_expires_on || row.accepted_on)
  ) {
    values.accepted_by = null;
    values.acceptance_expires_on = null;
    values.accepted_on = null;
  }
  return values;
}
