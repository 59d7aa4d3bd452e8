import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { reference } from './presenter';
import { deleteEvidenceItem } from './repository';
import { foundEvidenceItem } from './service';

/**
 * Removes an item once its retention has passed (164.316(b)(2)(i): kept six years), with its
 * stored bytes. The row goes in the transaction with its audit event; the bytes after it commits
 * (a file whose row is gone is unreachable; a row whose file is gone would fail its check).
 * TODO(issue 14): the lead's assertMayDeleteIn (legal holds) once it is on main.
 */
export async function removeEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  const blobKey = await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundEvidenceItem(trx, orgId, id);
    const today = await organizationToday(trx, deps.clock, orgId);
    if (today < before.retain_until) {
      throw new AppError(
        'conflict',
        `${reference(before.number)} is kept until ${before.retain_until} (six years, 164.316(b)(2)(i)): it cannot be removed before then.`,
      );
    }
    await deleteEvidenceItem(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'evidence_item.removed',
      entity: { type: 'evidence_item', id },
      changes: {
        reference: { before: reference(before.number) },
        title: { before: before.title },
        retainUntil: { before: before.retain_until },
        ...(before.file_sha256 === null ? {} : { sha256: { before: before.file_sha256 } }),
      },
    });
    return before.blob_key;
  });
  if (blobKey !== null) await deps.files.remove(blobKey);
}
