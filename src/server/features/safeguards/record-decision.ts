import type { DecisionBody } from '../../../contracts/safeguards';
import type { SafeguardsTable } from './tables';
import type { AuditContext } from '../../platform/audit/append';
import { appendAuditEvent } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { requireApprover } from '../../platform/auth/approver';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/db/types';
import { assessmentRefs } from '../risk-assessments/link';
import { updateSafeguard } from './repository';
import { getSafeguard, orgFacts, requirementOf, rowFor } from './service';

const DECISION_AUDITED = {
  decision: 'decision',
  rationale: 'decision_rationale',
  alternative: 'decision_alternative',
  approvedBy: 'decision_approved_by',
  approvedOn: 'decision_approved_on',
  basis: 'decision_basis',
  basisAssessmentId: 'decision_basis_assessment_id',
} as const satisfies AuditFields<SafeguardsTable>;

/**
 * The assessments a decision rested on before and after, named as they were then ("RA-1 Yearly
 * analysis"), so the history and the trail's exports read without ids.
 */
async function namedAssessments(
  db: Db,
  orgId: string,
  ids: { before: string | null; after: string | null },
): Promise<{ before: AssessmentName | null; after: AssessmentName | null }> {
  const refs = await assessmentRefs(
    db,
    orgId,
    [ids.before, ids.after].filter((id) => id !== null),
  );
  const named = (id: string | null): AssessmentName | null => {
    if (id === null) return null;
    const ref = refs.get(id);
    return { id, name: ref ? `${ref.reference} ${ref.title}` : 'Risk assessment' };
  };
  return { before: named(ids.before), after: named(ids.after) };
}

interface AssessmentName {
  id: string;
  name: string;
}

/**
 * Records the 164.306(d)(3) decision on an addressable specification: implemented as specified,
 * an equivalent alternative (described, with why the specification itself is not reasonable),
 * or not reasonable and appropriate (rationale required), with approver, date and basis. The
 * approver is the person recording it (design.md §6.2: who approved is who acted), whose role
 * holds `safeguards.decide` (the route's permission); a token records no decision.
 */
export async function recordDecision(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  requirementId: string,
  body: DecisionBody,
) {
  const requirement = requirementOf(requirementId);
  if (requirement.designation !== 'addressable') {
    throw AppError.field(
      'body.decision',
      `applies only to addressable specifications; ${requirementId} is required`,
    );
  }
  const rationale = body.rationale?.trim() ?? '';
  const alternative = body.alternative?.trim() ?? '';
  const basis = body.basis?.trim() ?? '';
  const basisAssessmentId = body.basisAssessmentId ?? null;
  if (basisAssessmentId === null && basis === '') {
    // 164.306(d)(3): the decision rests on the risk analysis; name it.
    throw AppError.field(
      'body.basis',
      'is required: pick the approved risk assessment the decision rests on, or describe the analysis',
    );
  }
  if (body.decision !== 'as_specified' && rationale === '') {
    // 164.306(d)(3)(ii)(B)(1): document why implementing it would not be reasonable and appropriate.
    throw AppError.field(
      'body.rationale',
      'is required when the specification is not implemented as specified',
    );
  }
  if (body.decision === 'alternative' && alternative === '') {
    // 164.306(d)(3)(ii)(B)(2): the equivalent alternative measure.
    throw AppError.field('body.alternative', 'must describe the equivalent alternative measure');
  }
  const approverId = await requireApprover(deps, context, orgId, {
    action: 'record an addressable decision',
    entity: { type: 'safeguard', id: requirementId },
  });
  if (body.approvedBy !== undefined && body.approvedBy.toLowerCase() !== approverId.toLowerCase()) {
    throw AppError.field(
      'body.approvedBy',
      'must be you: the person who records a decision is its approver',
    );
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const { today } = await orgFacts(trx, deps, orgId);
    const approvedOn = body.approvedOn ?? today;
    if (approvedOn > today) {
      throw AppError.field('body.approvedOn', 'cannot be later than today');
    }
    if (basisAssessmentId !== null) {
      const assessment = (await assessmentRefs(trx, orgId, [basisAssessmentId])).get(
        basisAssessmentId,
      );
      if (!assessment?.approved) {
        throw AppError.field(
          'body.basisAssessmentId',
          assessment
            ? `must be an approved risk assessment; ${assessment.reference} is not approved`
            : 'names no risk assessment of this organization',
        );
      }
    }
    const before = await rowFor(trx, deps, orgId, requirementId);
    const after = {
      decision: body.decision,
      decision_rationale: rationale === '' ? null : rationale,
      decision_alternative: body.decision === 'alternative' ? alternative : null,
      decision_approved_by: approverId,
      decision_approved_on: approvedOn,
      decision_basis: basis === '' ? null : basis,
      decision_basis_assessment_id: basisAssessmentId,
    };
    await updateSafeguard(trx, orgId, before.id, {
      ...after,
      updated_at: deps.clock.now().toISOString(),
    });
    const changes = changesOf(before, after, DECISION_AUDITED, { unchanged: true });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'safeguard.decision_recorded',
      entity: { type: 'safeguard', id: before.id },
      changes: {
        requirement: { after: requirementId },
        ...changes,
        basisAssessmentId: await namedAssessments(trx, orgId, {
          before: before.decision_basis_assessment_id,
          after: basisAssessmentId,
        }),
      },
    });
  });
  return getSafeguard(deps, orgId, requirementId);
}
