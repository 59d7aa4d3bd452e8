import { Readable } from 'node:stream';
import type { AccessReviewDetail } from '../../../contracts/access-reviews';
import { countOf } from '../../../contracts/words';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { memberHolds, memberIsActive } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { getAsset } from '../assets/service';
import { newEvidenceRowIn } from '../evidence/service';
import { createLinkIn } from '../links/service';
import { getProfile } from '../organizations/service/profile';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { reviewReference } from './presenter';
import { renderReviewReport } from './report';
import { completeReviewRow, listItems, lockReview, updateItem } from './repository';
import { requireReviewer } from './reviewer';
import { foundReview, getReview, requireOpen } from './reviews';
import type { AccessReviewItemsTable } from './tables';

// 164.308(a)(4)(ii)(C): the completed review is the record of access reviewed and modified.
const SAFEGUARD = '164.308(a)(4)(ii)(C)';

/** What the report was drawn from: a change to any decision meanwhile means drawing it again. */
const fingerprint = (items: readonly AccessReviewItemsTable[]) =>
  JSON.stringify(items.map((i) => [i.id, i.decision, i.comment, i.decided_by]));

/**
 * The reviewer completes a review once every account is decided: each change and revocation
 * becomes a task for the system's owner (or the reviewer), the report a PDF in the evidence vault
 * linked to 164.308(a)(4)(ii)(C); the review is a record from then on (409 on any change).
 */
export async function completeReview(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reviewId: string,
): Promise<AccessReviewDetail> {
  const db = deps.database.db;
  const review = await foundReview(db, orgId, reviewId);
  requireOpen(review);
  const reviewer = await requireReviewer(deps, context, orgId, review, 'complete the review');
  const items = await listItems(db, orgId, reviewId);
  if (items.length === 0) {
    throw new AppError(
      'conflict',
      `${reviewReference(review.number)} has no accounts: import the system's accounts first.`,
    );
  }
  const open = items.filter((i) => i.decision === null).length;
  if (open > 0) {
    throw new AppError(
      'conflict',
      `${countOf(open, 'account')} of ${reviewReference(review.number)} still ${open === 1 ? 'needs' : 'need'} a decision.`,
    );
  }
  // Slow work before the write transaction (ARCHITECTURE: slow work stays out of transactions).
  const now = deps.clock.now();
  const detail = await getReview(deps, orgId, reviewId);
  const profile = await getProfile(deps, orgId);
  const pdf = await renderReviewReport(
    {
      organization: profile.name,
      timeZone: profile.timeZone,
      review: detail,
      completedBy: detail.reviewer.name,
      completedAt: now.toISOString(),
    },
    now,
  );
  const stored = await deps.files.store(Readable.from([pdf]), []);
  const asset = await getAsset(deps, orgId, review.asset_id).catch(() => null);
  const today = await organizationToday(db, deps.clock, orgId);
  try {
    await db.transaction().execute(async (trx) => {
      const locked = await lockReview(trx, orgId, reviewId);
      if (!locked) throw new AppError('not_found', 'No such access review.');
      requireOpen(locked);
      const current = await listItems(trx, orgId, reviewId);
      if (fingerprint(current) !== fingerprint(items)) {
        throw new AppError(
          'conflict',
          'Decisions changed while the report was drawn: complete again.',
        );
      }
      const at = now.toISOString();
      const nowIso = at;
      // The system's owner makes the change, while their access lasts; else the reviewer.
      const ownerId = asset?.owner?.id ?? null;
      const taskOwner =
        ownerId !== null &&
        (await memberIsActive(trx, orgId, ownerId, nowIso)) &&
        (await memberHolds(trx, orgId, ownerId, 'tasks.complete'))
          ? ownerId
          : reviewer;
      const system = asset?.name ?? 'the system';
      let tasks = 0;
      for (const item of current) {
        if (item.decision === 'keep' || item.decision === null) continue;
        const verb = item.decision === 'revoke' ? 'Revoke' : 'Change';
        const taskId = await createSystemTaskIn(trx, deps, context, orgId, {
          title:
            `${verb} the access of account ${item.account} on ${system} (${reviewReference(locked.number)})`.slice(
              0,
              300,
            ),
          description: `Decided in access review ${reviewReference(locked.number)}: ${item.comment}`,
          ownerId: taskOwner,
          dueOn: addDays(today, 7),
          priority: item.decision === 'revoke' ? 'high' : 'medium',
          links: [{ type: 'asset', id: locked.asset_id }],
        });
        await updateItem(trx, orgId, item.id, { task_id: taskId });
        tasks += 1;
      }
      const evidence = await newEvidenceRowIn(trx, deps, context, orgId, {
        kind: 'file',
        title: `Access review ${reviewReference(locked.number)}: ${system}`.slice(0, 200),
        url: null,
        description: `Completed access review of ${system}, ${locked.period_start} to ${locked.period_end} (${SAFEGUARD}).`,
        file_name: `access-review-${reviewReference(locked.number)}.pdf`,
        file_size: stored.size,
        file_type: 'application/pdf',
        file_sha256: stored.sha256,
        blob_key: stored.blobKey,
        sealed_key: stored.sealedKey,
        file_checked_stamp: stored.checkedStamp,
        file_checked_at: at,
        collected_on: today,
      });
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'safeguard', id: SAFEGUARD },
        to: { type: 'evidence', id: evidence.id },
      });
      const completed = await completeReviewRow(trx, orgId, reviewId, {
        completed_at: at,
        completed_by: reviewer,
        report_evidence_id: evidence.id,
      });
      if (!completed) throw new AppError('conflict', 'The review was completed meanwhile.');
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'access_review.completed',
        entity: { type: 'access_review', id: reviewId },
        changes: {
          reference: { after: reviewReference(locked.number) },
          status: { before: 'open', after: 'completed' },
          accounts: { after: current.length },
          tasks: { after: tasks },
          report: { after: evidence.id },
        },
      });
    });
  } catch (error) {
    await deps.files.remove(stored.blobKey);
    throw error;
  }
  return getReview(deps, orgId, reviewId);
}
