import type { Readable } from 'node:stream';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { IntegrityError } from '../../platform/storage/sealed-stream';
import { reference } from './presenter';
import { updateEvidenceItem } from './repository';
import { foundEvidenceItem } from './service';

export interface EvidenceDownload {
  stream: Readable;
  filename: string;
  type: string;
  size: number;
}

/**
 * Opens an evidence file for download, an audited read (design.md §6.3). The content is checked
 * as it streams (segment tags, then the SHA-256 recorded at upload; 164.312(c)(1)): a file that
 * fails before the answer starts is refused with `integrity_failed`; one that fails later errors
 * the stream, and the connection is cut rather than ending as if the file were whole. Both
 * refusals are audited.
 */
export async function downloadEvidenceFile(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  onLateFailure: (error: unknown) => void,
): Promise<EvidenceDownload> {
  const row = await foundEvidenceItem(deps.database.db, orgId, id);
  if (
    row.kind !== 'file' ||
    row.blob_key === null ||
    row.sealed_key === null ||
    row.file_sha256 === null ||
    row.file_name === null ||
    row.file_type === null ||
    row.file_size === null
  ) {
    throw new AppError('not_found', 'This evidence is a link: it has no file to download.');
  }
  const refused = (error: IntegrityError) =>
    deps.database.db.transaction().execute((trx) =>
      appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'evidence_item.integrity_failed',
        entity: { type: 'evidence_item', id },
        outcome: 'failure',
        changes: { reference: { after: reference(row.number) }, reason: { after: error.message } },
      }),
    );
  let stream: Readable;
  let checkedStamp: string;
  try {
    ({ stream, checkedStamp } = await deps.files.open({
      blobKey: row.blob_key,
      sealedKey: row.sealed_key,
      sha256: row.file_sha256,
      checkedStamp: row.file_checked_stamp,
    }));
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    await refused(error);
    throw new AppError(
      'integrity_failed',
      `${reference(row.number)} failed its integrity check: the stored file is damaged or was altered, so it is not served.`,
    );
  }
  stream.once('error', (error) => {
    if (error instanceof IntegrityError) refused(error).catch(onLateFailure);
    onLateFailure(error);
  });
  await deps.database.db.transaction().execute(async (trx) => {
    if (checkedStamp !== row.file_checked_stamp) {
      // Checked end to end just now: the next download of the same bytes can start at once.
      await updateEvidenceItem(trx, orgId, id, {
        file_checked_stamp: checkedStamp,
        file_checked_at: deps.clock.now().toISOString(),
      });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'evidence_item.downloaded',
      entity: { type: 'evidence_item', id },
      changes: { reference: { after: reference(row.number) }, fileName: { after: row.file_name } },
    });
  });
  return { stream, filename: row.file_name, type: row.file_type, size: row.file_size };
}
