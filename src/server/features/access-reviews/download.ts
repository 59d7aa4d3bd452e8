import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { downloadEvidenceFile, type EvidenceDownload } from '../evidence/download';
import { reviewReference } from './presenter';
import { foundReview } from './reviews';

/**
 * A completed review's report, streamed from the evidence vault (checked as it flows,
 * 164.312(c)(1)); audited as the review's and as the evidence's download.
 */
export async function reviewReport(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reviewId: string,
  onLateFailure: (error: unknown) => void,
): Promise<EvidenceDownload> {
  const review = await foundReview(deps.database.db, orgId, reviewId);
  if (review.report_evidence_id === null) {
    throw new AppError(
      'not_found',
      `${reviewReference(review.number)} has no report: it is not completed.`,
    );
  }
  const file = await downloadEvidenceFile(
    deps,
    context,
    orgId,
    review.report_evidence_id,
    onLateFailure,
  );
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access_review.report_downloaded',
      entity: { type: 'access_review', id: reviewId },
      changes: { reference: { after: reviewReference(review.number) } },
    }),
  );
  return file;
}
