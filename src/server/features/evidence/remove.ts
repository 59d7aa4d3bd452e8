import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { reference } from './presenter';
import { deleteEvidenceItem } from './repository';
import { removeLinksOfIn } from '../links/service';
import { assertMayDeleteIn } from '../retention/service';
import { isFreshMistake } from './mistake';
import { foundEvidenceItem } from './service';

/**
 * Removes an item once its retention has passed and no legal hold is on it (164.316(b)(2)(i);
 * the retention service answers 409 naming the date or the hold), with its links and its stored
 * bytes. The row and its links go in the transaction with their audit events; the bytes after it commits (a file whose row is
 * gone is unreachable; a row whose file is gone would fail its check).
 */
export async function removeEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  const blobKey = await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundEvidenceItem(trx, orgId, id);
    await assertMayDeleteIn(trx, deps, orgId, {
      type: 'evidence',
      id,
      label: `${reference(before.number)} ${before.title}`,
      retainUntil: before.retain_until,
      mistake: isFreshMistake(before, context, deps.clock.now()),
    });
    await removeLinksOfIn(trx, deps, context, orgId, { type: 'evidence', id });
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
