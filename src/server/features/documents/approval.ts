import { v7 as uuidv7 } from 'uuid';
import type { DocumentDetail, Version } from '../../../contracts/documents';
import { countOf } from '../../../contracts/words';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { approverOf } from '../../platform/auth/approver';
import { actingPersonIn } from '../../platform/auth/members';
import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { addMonths, todayIn } from '../../platform/time';
import { versionName } from './presenter';
import { choicesIn } from './templates';
import {
  insertReview,
  listVersions,
  lockDocument,
  updateDocument,
  updateVersion,
} from './repository';
import { keepVersionIn, refuseWhileHeld } from './retention';
import { whoMayApprove } from './approvers';
import { getDocument } from './service';
import type { DocumentsTable, DocumentVersionsTable } from './tables';
import { changingVersion, requireStatus } from './versions';

type Step = (
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
) => Promise<Version>;

/** Draft → in review. From here on the version is a record (164.316(b)(2)(i)). */
export const submitVersion: Step = (deps, context, orgId, documentId, versionId) =>
  changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['draft'], 'be submitted');
    const now = deps.clock.now().toISOString();
    // A token submits for its creator, who then counts as a submitter for the four eyes.
    const submitter = await actingPersonIn(trx, orgId, context.actor);
    const submitters = new Set(readJson('document_versions.submitters', version.submitters));
    if (submitter) submitters.add(submitter);
    await updateVersion(trx, orgId, versionId, {
      status: 'in_review',
      submitted_at: now,
      submitted_by: submitter,
      submitters: JSON.stringify([...submitters]),
      retain_until: await keepVersionIn(trx, deps, document, version, null),
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.submitted',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        status: { before: version.status, after: 'in_review' },
        sha256: { after: version.sha256 },
      },
    });
  });

/** In review → draft, for changes. */
export const returnVersion: Step = (deps, context, orgId, documentId, versionId) =>
  changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['in_review'], 'be returned');
    await refuseWhileHeld(trx, document, version, 'be returned to draft');
    await updateVersion(trx, orgId, versionId, {
      status: 'draft',
      updated_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.returned',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        status: { before: version.status, after: 'draft' },
      },
    });
  });

/**
 * Four eyes where there are four: whoever wrote or submitted a version does not approve it too while another
 * member may (as risk assessments: a one-person practice still approves its own policies).
 */
async function requireSecondPerson(
  db: Db,
  orgId: string,
  document: DocumentsTable,
  version: DocumentVersionsTable,
  approverId: string,
  now: string,
): Promise<void> {
  const approvers = await whoMayApprove(db, orgId, version, now);
  if (approvers.some((m) => m.id === approverId)) return;
  throw new AppError(
    'conflict',
    `You wrote or submitted ${versionName(document.number, version.number)}, so someone else approves it: ${approvers.map((m) => m.name).join(', ')} may.`,
  );
}

/**
 * A template's `[choose: …]` marks are decisions still to make: a version with any is not what the
 * practice adopts (164.316(a)), so it is returned to be filled in rather than approved (409).
 */
function refuseOpenChoices(document: DocumentsTable, version: DocumentVersionsTable): void {
  const choices = choicesIn(version.body);
  if (choices.length === 0) return;
  const named = choices.slice(0, 3).join('; ');
  const more = choices.length > 3 ? `; and ${countOf(choices.length - 3, 'more', 'more')}` : '';
  throw new AppError(
    'conflict',
    `${versionName(document.number, version.number)} still has ${countOf(choices.length, 'choice')} to make (${named}${more}): return it to draft and fill ${choices.length === 1 ? 'it' : 'them'} in before approval.`,
  );
}

/** In review → approved: who (the request's own person, design.md §6.2) and when. */
export function approveVersion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
  note: string,
): Promise<Version> {
  return changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['in_review'], 'be approved');
    refuseOpenChoices(document, version);
    const now = deps.clock.now().toISOString();
    const approver = approverOf(context);
    await requireSecondPerson(trx, orgId, document, version, approver, now);
    await updateVersion(trx, orgId, versionId, {
      status: 'approved',
      approved_at: now,
      approved_by: approver,
      approval_note: note,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.approved',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        status: { before: version.status, after: 'approved' },
        sha256: { after: version.sha256 },
      },
    });
  });
}

/**
 * Approved → in effect from a date (the organization's today by default; not in the future, not
 * before the approval). The version in effect until then is superseded, and the next review is the
 * effective date plus the interval (164.316(b)(2)(iii)).
 */
export function putVersionInEffect(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
  effectiveOn: string | undefined,
): Promise<Version> {
  return changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['approved'], 'be put in effect');
    approverOf(context);
    const now = deps.clock.now().toISOString();
    const today = await organizationToday(trx, deps.clock, orgId);
    const zone = (await findTimeZone(trx, orgId)) ?? 'UTC';
    const approvedOn = todayIn(zone, new Date(version.approved_at ?? now));
    const date = effectiveOn ?? today;
    if (date > today)
      throw AppError.field('body.effectiveOn', `must not be after today (${today})`);
    if (date < approvedOn) {
      throw AppError.field('body.effectiveOn', `must not be before the approval (${approvedOn})`);
    }
    const current = (await listVersions(trx, orgId, documentId)).find(
      (v) => v.status === 'in_effect',
    );
    if (current) {
      await updateVersion(trx, orgId, current.id, {
        status: 'superseded',
        ended_at: now,
        retain_until: await keepVersionIn(trx, deps, document, current, now),
        updated_at: now,
      });
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'document.superseded',
        entity: { type: 'document', id: documentId },
        changes: {
          version: { after: versionName(document.number, current.number) },
          status: { before: 'in_effect', after: 'superseded' },
          supersededBy: { after: versionName(document.number, version.number) },
        },
      });
    }
    await updateVersion(trx, orgId, versionId, {
      status: 'in_effect',
      effective_on: date,
      retain_until: await keepVersionIn(trx, deps, document, version, now, true),
      updated_at: now,
    });
    const nextReviewOn = addMonths(date, document.review_months);
    await updateDocument(trx, orgId, documentId, {
      title: version.title,
      kind: version.kind,
      next_review_on: nextReviewOn,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.put_in_effect',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        status: { before: version.status, after: 'in_effect' },
        effectiveOn: { after: date },
        nextReviewOn: { before: document.next_review_on, after: nextReviewOn },
      },
    });
  });
}

/** Approved or in effect → retired: withdrawn with no version after it. */
export const retireVersion: Step = (deps, context, orgId, documentId, versionId) =>
  changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['approved', 'in_effect'], 'be retired');
    approverOf(context);
    const now = deps.clock.now().toISOString();
    const wasInEffect = version.status === 'in_effect';
    await updateVersion(trx, orgId, versionId, {
      status: 'retired',
      ended_at: now,
      retain_until: await keepVersionIn(trx, deps, document, version, wasInEffect ? now : null),
      updated_at: now,
    });
    if (wasInEffect) {
      await updateDocument(trx, orgId, documentId, { next_review_on: null, updated_at: now });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.retired',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        status: { before: version.status, after: 'retired' },
      },
    });
  });

/**
 * "Reviewed, no change" (164.316(b)(2)(iii)): records who reviewed the version in effect and
 * when, and moves the next review to today plus the interval.
 */
export async function reviewDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  note: string,
): Promise<DocumentDetail> {
  await deps.database.db.transaction().execute(async (trx) => {
    const document = await lockDocument(trx, orgId, documentId);
    if (!document) throw new AppError('not_found', 'No such document.');
    const current = (await listVersions(trx, orgId, documentId)).find(
      (v) => v.status === 'in_effect',
    );
    if (!current) {
      throw new AppError('conflict', 'No version is in effect: there is nothing to review yet.');
    }
    const reviewer = approverOf(context);
    const now = deps.clock.now().toISOString();
    const today = await organizationToday(trx, deps.clock, orgId);
    const nextReviewOn = addMonths(today, document.review_months);
    await insertReview(trx, {
      id: uuidv7(),
      org_id: orgId,
      document_id: documentId,
      version_id: current.id,
      reviewed_at: now,
      reviewed_by: reviewer,
      note,
      next_review_on: nextReviewOn,
    });
    await updateDocument(trx, orgId, documentId, { next_review_on: nextReviewOn, updated_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.reviewed',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, current.number) },
        nextReviewOn: { before: document.next_review_on, after: nextReviewOn },
      },
    });
  });
  return getDocument(deps, orgId, documentId);
}
