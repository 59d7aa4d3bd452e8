import { DOCUMENT_KIND_LABELS, VERSION_STATUS_LABELS } from '../../../contracts/documents';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { todayIn } from '../../platform/time';
import { dateWord } from '../../platform/words';
import { organizationName } from '../organizations/service/profile';
import { AppError } from '../../platform/errors';
import { runWorkerTask, WorkerTaskError } from '../../platform/worker-task';
import type { ExportInput } from './export-pdf';
import { getVersion } from './versions';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A version as PDF or DOCX. Exports are reads of the record, audited (164.312(b)) with the hash of
 * the version exported; the file is drawn after the event is written, outside any transaction.
 */
export async function exportVersion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
  format: 'pdf' | 'docx',
): Promise<{ content: Buffer; fileName: string; contentType: string; sha256: string }> {
  const db = deps.database.db;
  const version = await getVersion(deps, orgId, documentId, versionId);
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.exported',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: `${version.reference} v${version.number}` },
        format: { after: format },
        sha256: { after: version.sha256 },
      },
    }),
  );
  // Dates as people read them, in the organization's calendar (platform/words.ts, as the risk
  // analysis report writes them): "approved … on 2 Jun 2026", never an ISO string.
  const zone = (await findTimeZone(db, orgId)) ?? 'UTC';
  const day = (instant: string) => dateWord(todayIn(zone, new Date(instant)));
  const approved =
    version.approvedBy && version.approvedAt
      ? `approved by ${version.approvedBy.name} on ${day(version.approvedAt)}`
      : 'not approved';
  const effective = version.effectiveOn
    ? `effective ${dateWord(version.effectiveOn)}`
    : 'not in effect';
  const input: ExportInput = {
    organization: await organizationName(db, orgId),
    // The export's own heading names the policy: a first body heading saying the same goes.
    version: { ...version, body: withoutTitleHeading(version.body, version.title) },
    subtitle: `${version.reference} · ${DOCUMENT_KIND_LABELS[version.kind]} · version ${version.number} · ${VERSION_STATUS_LABELS[version.status]}`,
    footer: `${version.reference} version ${version.number} · ${approved} · ${effective}`,
    facts: [
      ['Approved', approved === 'not approved' ? 'Not yet' : approved.replace(/^approved by /, '')],
      ['Effective date', version.effectiveOn ? dateWord(version.effectiveOn) : 'Not in effect'],
      ['SHA-256 of the content', version.sha256],
    ],
    generatedAt: deps.clock.now().toISOString(),
  };
  const content = await renderDocumentFile(format, input);
  const draft = ['draft', 'in_review'].includes(version.status) ? '-draft' : '';
  return {
    content,
    fileName: `${version.reference}-v${version.number}${draft}.${format}`,
    contentType: TYPES[format],
    sha256: version.sha256,
  };
}

/**
 * Draws a document (a policy version, a breach notice letter) as PDF or DOCX in a worker thread:
 * a long one must not stall everyone's requests.
 */
export async function renderDocumentFile(
  format: 'pdf' | 'docx',
  input: ExportInput,
): Promise<Buffer> {
  try {
    const bytes = await runWorkerTask<Uint8Array>(new URL('./export-worker', import.meta.url), {
      format,
      input,
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof WorkerTaskError) {
      throw new AppError('unavailable', `The ${format.toUpperCase()} export ${error.message}.`);
    }
    throw error;
  }
}

/** The body without a first-line "# <title>" heading that repeats the version's title. */
export function withoutTitleHeading(body: string, title: string): string {
  const match = /^\s*#\s+([^\n]*)\n?/.exec(body);
  const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase();
  return match && same(match[1] ?? '') === same(title) ? body.slice(match[0].length) : body;
}
