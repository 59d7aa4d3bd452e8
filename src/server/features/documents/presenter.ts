import {
  DOCUMENT_KINDS,
  VERSION_STATUSES,
  type Document,
  type DocumentDetail,
  type Version,
  type VersionSummary,
} from '../../../contracts/documents';
import type { DocumentReviewsTable, DocumentsTable, DocumentVersionsTable } from './tables';

export const reference = (number: number): string => `POL-${number}`;

/** A version's name as people say it: "POL-3 v2". */
export const versionName = (documentNumber: number, versionNumber: number): string =>
  `${reference(documentNumber)} v${versionNumber}`;

/** Names of the people the rows mention, by user id. */
export type Names = ReadonlyMap<string, string>;

function person(names: Names, id: string | null) {
  return id ? { id, name: names.get(id) ?? 'Former member' } : null;
}

function kindOf(value: string) {
  const kind = DOCUMENT_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`unknown document kind ${JSON.stringify(value)}`);
  return kind;
}

export function statusOf(value: string) {
  const status = VERSION_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`unknown version status ${JSON.stringify(value)}`);
  return status;
}

/** The user ids a set of rows names (to look their names up once). */
export function peopleOf(
  rows: readonly (Partial<DocumentVersionsTable> | Partial<DocumentsTable>)[],
): string[] {
  return rows.flatMap((row) =>
    [
      'created_by' in row ? row.created_by : null,
      'submitted_by' in row ? row.submitted_by : null,
      'approved_by' in row ? row.approved_by : null,
      'owner_id' in row ? row.owner_id : null,
    ].filter((id): id is string => typeof id === 'string'),
  );
}

export function presentVersionSummary(
  row: Omit<DocumentVersionsTable, 'body'>,
  names: Names,
): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    status: statusOf(row.status),
    title: row.title,
    sha256: row.sha256,
    createdAt: row.created_at,
    createdBy: person(names, row.created_by),
    submittedAt: row.submitted_at,
    submittedBy: person(names, row.submitted_by),
    approvedAt: row.approved_at,
    approvedBy: person(names, row.approved_by),
    approvalNote: row.approval_note,
    effectiveOn: row.effective_on,
    endedAt: row.ended_at,
    retainUntil: row.retain_until,
    basedOnNumber: row.based_on_number,
    changeSummary: row.change_summary,
  };
}

export function presentVersion(
  row: DocumentVersionsTable,
  document: DocumentsTable,
  names: Names,
  approvers: { id: string; name: string }[],
): Version {
  return {
    ...presentVersionSummary(row, names),
    documentId: document.id,
    reference: reference(document.number),
    kind: kindOf(row.kind),
    body: row.body,
    approvers: approvers.map((p) => ({ id: p.id, name: p.name })),
  };
}

export function presentDocument(
  row: DocumentsTable,
  parts: {
    inEffect: Omit<DocumentVersionsTable, 'body'> | undefined;
    openDraft: Omit<DocumentVersionsTable, 'body'> | undefined;
    latest: Omit<DocumentVersionsTable, 'body'> | undefined;
    requirements: readonly string[];
    names: Names;
  },
): Document {
  return {
    id: row.id,
    reference: reference(row.number),
    title: row.title,
    kind: kindOf(row.kind),
    category: row.category,
    owner: person(parts.names, row.owner_id),
    reviewMonths: row.review_months,
    nextReviewOn: row.next_review_on,
    requirements: [...parts.requirements].sort(),
    inEffect: parts.inEffect ? presentVersionSummary(parts.inEffect, parts.names) : null,
    openDraft: parts.openDraft ? presentVersionSummary(parts.openDraft, parts.names) : null,
    latest: parts.latest ? presentVersionSummary(parts.latest, parts.names) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDetail(
  document: Document,
  versions: readonly DocumentVersionsTable[],
  reviews: readonly DocumentReviewsTable[],
  names: Names,
): DocumentDetail {
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  return {
    ...document,
    versions: versions.map((v) => presentVersionSummary(v, names)),
    reviews: reviews.map((r) => ({
      id: r.id,
      versionNumber: numbers.get(r.version_id) ?? 0,
      reviewedAt: r.reviewed_at,
      reviewedBy: person(names, r.reviewed_by),
      note: r.note,
      nextReviewOn: r.next_review_on,
    })),
  };
}
