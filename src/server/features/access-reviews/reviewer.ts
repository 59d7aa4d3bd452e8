import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPeopleNames } from '../../platform/people-repository';
import type { AccessReviewsTable } from './tables';

/**
 * The person acting, who must be the review's reviewer: a decision is the reviewer's own and is
 * never recorded for someone else (design.md §6.2; 164.308(a)(4)(ii)(C)). A refusal is audited
 * (design.md §6.3) and answers 403.
 */
export async function requireReviewer(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  review: AccessReviewsTable,
  act: string,
): Promise<string> {
  const actor = context.actor.type === 'user' ? context.actor.id : null;
  if (actor !== null && actor === review.reviewer_id) return actor;
  const names = await findPeopleNames(deps.database.db, orgId, [review.reviewer_id]);
  const reviewer = names.get(review.reviewer_id) ?? 'the reviewer';
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access.denied',
      outcome: 'denied',
      entity: { type: 'access_review', id: review.id },
      changes: { reason: { after: `only the reviewer may ${act}` } },
    }),
  );
  throw new AppError('forbidden', `Only ${reviewer}, the reviewer, can ${act}.`);
}
