import {
  ACCESS_DECISION_LABELS,
  type AccessDecisionBody,
  type AccessReviewDetail,
} from '../../../contracts/access-reviews';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personRowIn } from '../people/service';
import { flagsOf, reviewReference } from './presenter';
import { findItem, lockReview, updateItem } from './repository';
import { requireReviewer } from './reviewer';
import { foundReview, getReview, requireOpen } from './reviews';

/**
 * The reviewer keeps, modifies or revokes one account (164.308(a)(4)(ii)(C)). A change or a
 * revocation says why, and so does keeping a flagged account. Decisions may change until the
 * review is completed.
 */
export async function decideItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reviewId: string,
  itemId: string,
  body: AccessDecisionBody,
): Promise<AccessReviewDetail> {
  const db = deps.database.db;
  const review = await foundReview(db, orgId, reviewId);
  const item = await findItem(db, orgId, reviewId, itemId);
  if (!item) throw new AppError('not_found', 'No such account in this review.');
  requireOpen(review);
  const reviewer = await requireReviewer(deps, context, orgId, review, 'record decisions');
  const comment = (body.comment ?? '').trim();
  if (comment === '' && body.decision !== 'keep') {
    throw AppError.field(
      'body.comment',
      `is required to ${ACCESS_DECISION_LABELS[body.decision].toLowerCase()} an account`,
    );
  }
  if (comment === '' && flagsOf(item).length > 0) {
    throw AppError.field('body.comment', 'is required to keep a flagged account');
  }
  // Keeping one's own access is a decision about oneself (164.308(a)(4)(ii)(C)): it says why.
  if (comment === '' && body.decision === 'keep' && item.person_id !== null) {
    const person = await personRowIn(db, orgId, item.person_id);
    if (person?.user_id === reviewer) {
      throw AppError.field('body.comment', 'is required to keep your own access');
    }
  }
  await db.transaction().execute(async (trx) => {
    const locked = await lockReview(trx, orgId, reviewId);
    if (!locked) throw new AppError('not_found', 'No such access review.');
    requireOpen(locked);
    const before = await findItem(trx, orgId, reviewId, itemId);
    if (!before) throw new AppError('not_found', 'No such account in this review.');
    await updateItem(trx, orgId, itemId, {
      decision: body.decision,
      comment,
      decided_by: reviewer,
      decided_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access_review.item_decided',
      entity: { type: 'access_review', id: reviewId },
      changes: {
        reference: { after: reviewReference(locked.number) },
        account: { after: before.account },
        decision: { before: before.decision, after: body.decision },
        ...(comment !== before.comment
          ? { comment: { before: before.comment, after: comment } }
          : {}),
      },
    });
  });
  return getReview(deps, orgId, reviewId);
}
