import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { downloadEvidenceFile, type EvidenceDownload } from '../evidence/download';
import type { TrainingRow } from './repository';

/**
 * A completion's certificate, streamed from the evidence vault (decrypted and its SHA-256 checked
 * as it flows, 164.312(c)(1)); the download is audited as training's and as the evidence's.
 */
export async function certificateOf(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  row: TrainingRow,
  onLateFailure: (error: unknown) => void,
): Promise<EvidenceDownload> {
  if (row.certificate_evidence_id === null) {
    throw new AppError('not_found', 'This training has no certificate: it is not completed.');
  }
  const file = await downloadEvidenceFile(
    deps,
    context,
    orgId,
    row.certificate_evidence_id,
    onLateFailure,
  );
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training.certificate_downloaded',
      entity: { type: 'training', id: row.id },
      changes: { person: { after: row.person_name }, course: { after: row.course_title } },
    }),
  );
  return file;
}
