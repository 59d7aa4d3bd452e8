import { isComplete } from '../../../contracts/risk-assessment-gaps';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireEditable } from './editable';
import { gapsOfAssessment, requireAcknowledged } from './guided';
import { findAssessment, updateAssessment } from './repository';
import { getAssessment } from './service';
import { gapsInWords } from './snapshot';

const STATUS_WORDS = { draft: 'a draft', in_review: 'in review', approved: 'approved' } as const;

/**
 * Moves a draft to review, or a review back to draft. Submitting with gaps (unrated risks,
 * uncovered pairs, assets without risks) needs `acknowledgeIncomplete`; what was acknowledged is
 * recorded with the submission and its audit event.
 */
export async function moveAssessment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  to: 'in_review' | 'draft',
  acknowledgeIncomplete?: boolean,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await findAssessment(trx, orgId, id);
    if (!row) throw new AppError('not_found', 'No such risk assessment.');
    requireEditable(row);
    const from = to === 'in_review' ? 'draft' : 'in_review';
    if (row.status !== from) {
      throw new AppError(
        'conflict',
        `RA-${row.number} is ${STATUS_WORDS[row.status]}, not ${STATUS_WORDS[from]}.`,
      );
    }
    const gaps = to === 'in_review' ? await gapsOfAssessment(trx, orgId, id) : null;
    if (gaps) requireAcknowledged(`RA-${row.number}`, 'submit', gaps, acknowledgeIncomplete);
    const incomplete = gaps && !isComplete(gaps) ? gaps : null;
    // Acknowledging gaps is a person's judgement, recorded in their name, as an approval is.
    if (incomplete && context.actor.type !== 'user') {
      throw new AppError(
        'forbidden',
        'Only a person signed in can acknowledge what is incomplete; an API token cannot.',
      );
    }
    const now = deps.clock.now().toISOString();
    const userId = context.actor.type === 'user' ? context.actor.id : null;
    await updateAssessment(trx, orgId, id, {
      status: to,
      updated_at: now,
      ...(to === 'in_review'
        ? {
            submitted_at: now,
            submitted_by: userId,
            submission_gaps: incomplete ? JSON.stringify(incomplete) : null,
          }
        : {}),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: to === 'in_review' ? 'risk_assessment.submitted' : 'risk_assessment.returned',
      entity: { type: 'risk_assessment', id },
      changes: {
        status: { before: row.status, after: to },
        ...(incomplete ? { incompleteAcknowledged: { after: gapsInWords(incomplete) } } : {}),
      },
    });
  });
  return getAssessment(deps, orgId, id);
}
