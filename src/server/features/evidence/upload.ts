import { Readable } from 'node:stream';
import type { EvidenceItem } from '../../../contracts/evidence';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { ContentCheck, FILE_KINDS } from '../../platform/storage/content-check';
import { getEvidenceItem, newEvidenceRowIn } from './service';

/** The request's Content-Type without parameters; null when it declares nothing in particular. */
export function declaredType(contentType: string | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'application/octet-stream' ? null : type;
}

/**
 * Stores an uploaded file, then records it. The body streams through the size and type checks and
 * the encryption into the blob store (nothing whole in memory); a refusal at any point leaves no
 * file, and the row is written only once the file is stored. If the row cannot be written, the
 * file is removed again (164.312(c)(1): no stored bytes without their record).
 */
export async function uploadEvidenceFile(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  upload: {
    body: unknown;
    contentType: string | undefined;
    filename: string;
    title?: string | undefined;
  },
): Promise<EvidenceItem> {
  if (!isReadable(upload.body)) {
    throw AppError.field('body', 'is required: send the file as the body');
  }
  const declared = { filename: upload.filename, type: declaredType(upload.contentType) };
  const check = new ContentCheck(declared, deps.files.maxBytes);
  const stored = await deps.files.store(upload.body, [check]);
  const kind = check.kind ?? 'text';
  let id: string;
  try {
    const row = await deps.database.db.transaction().execute((trx) =>
      newEvidenceRowIn(trx, deps, context, orgId, {
        kind: 'file',
        // An empty title (the query's default) means the file's name.
        title: upload.title === undefined || upload.title === '' ? upload.filename : upload.title,
        url: null,
        file_name: upload.filename,
        file_size: stored.size,
        file_type: FILE_KINDS[kind].mime,
        file_sha256: stored.sha256,
        blob_key: stored.blobKey,
        sealed_key: stored.sealedKey,
        file_checked_stamp: stored.checkedStamp,
        file_checked_at: deps.clock.now().toISOString(),
      }),
    );
    id = row.id;
  } catch (error) {
    await deps.files.remove(stored.blobKey);
    throw error;
  }
  return getEvidenceItem(deps, orgId, id);
}

const isReadable = (value: unknown): value is Readable => value instanceof Readable;
