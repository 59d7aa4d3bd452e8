import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Version, VersionUpdateBody } from '../../../contracts/documents';
import { VERSION_STATUS_LABELS } from '../../../contracts/documents';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPeopleNames } from '../../platform/people-repository';
import { normalizeBody, versionHash } from './canonical';
import { peopleOf, presentVersion, statusOf, versionName } from './presenter';
import {
  deleteVersion,
  findVersion,
  insertVersion,
  listVersions,
  lockDocument,
  updateDocument,
  updateVersion,
} from './repository';
import { assertMayDeleteVersionIn, refuseWhileHeld } from './retention';
import { whoMayApprove } from './approvers';
import type { DocumentsTable, DocumentVersionsTable } from './tables';

/** A document and one of its versions, locked for a change (another organization's: 404). */
export async function lockedVersion(
  trx: Db,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<{ document: DocumentsTable; version: DocumentVersionsTable }> {
  const document = await lockDocument(trx, orgId, documentId);
  const version = document ? await findVersion(trx, orgId, documentId, versionId) : undefined;
  if (!document || !version) throw new AppError('not_found', 'No such version.');
  return { document, version };
}

/**
 * Refuses a change unless the version is in one of `allowed`. An approved version (and every
 * later state) never changes: 409 (issue 14; 164.316(b)(1), the record as adopted).
 */
export function requireStatus(
  document: DocumentsTable,
  version: DocumentVersionsTable,
  allowed: readonly string[],
  act: string,
): void {
  if (allowed.includes(version.status)) return;
  const name = versionName(document.number, version.number);
  const status = VERSION_STATUS_LABELS[statusOf(version.status)].toLowerCase();
  const frozen = ['approved', 'in_effect', 'superseded', 'retired'].includes(version.status);
  throw new AppError(
    'conflict',
    frozen
      ? `${name} is ${status} and never changes; start a new draft from it to ${act}.`
      : `${name} is ${status}: it cannot ${act}.`,
  );
}

export async function presentVersionOf(
  db: Db,
  orgId: string,
  document: DocumentsTable,
  version: DocumentVersionsTable,
  now: string,
): Promise<Version> {
  const names = await findPeopleNames(db, orgId, peopleOf([version]));
  const approvers = await whoMayApprove(db, orgId, version, now);
  return presentVersion(version, document, names, approvers);
}

export async function getVersion(
  deps: AppDeps,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<Version> {
  const db = deps.database.db;
  const { document, version } = await lockedVersion(db, orgId, documentId, versionId);
  return presentVersionOf(db, orgId, document, version, deps.clock.now().toISOString());
}

/** Runs a change of one version in a transaction, then answers the version as it is now. */
export async function changingVersion(
  deps: AppDeps,
  orgId: string,
  documentId: string,
  versionId: string,
  change: (
    trx: Transaction<Database>,
    found: { document: DocumentsTable; version: DocumentVersionsTable },
  ) => Promise<void>,
): Promise<Version> {
  await deps.database.db.transaction().execute(async (trx) => {
    await change(trx, await lockedVersion(trx, orgId, documentId, versionId));
  });
  return getVersion(deps, orgId, documentId, versionId);
}

/**
 * "Edit" on a version that is approved or later: a new draft copied from it (by default from the
 * newest version). One open draft per document (a draft or a version in review): 409 naming it.
 */
export async function startVersion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  fromVersionId: string | undefined,
): Promise<Version> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const document = await lockDocument(trx, orgId, documentId);
    if (!document) throw new AppError('not_found', 'No such document.');
    const versions = await listVersions(trx, orgId, documentId);
    const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
    if (open) {
      throw new AppError(
        'conflict',
        `${versionName(document.number, open.number)} is still open (${VERSION_STATUS_LABELS[statusOf(open.status)].toLowerCase()}): finish or discard it first.`,
      );
    }
    const from = fromVersionId ? versions.find((v) => v.id === fromVersionId) : versions[0];
    if (!from) throw AppError.field('body.fromVersionId', 'names no version of this document');
    const now = deps.clock.now().toISOString();
    const number = (versions[0]?.number ?? 0) + 1;
    const row: DocumentVersionsTable = {
      id: uuidv7(),
      org_id: orgId,
      document_id: documentId,
      number,
      status: 'draft',
      title: from.title,
      kind: from.kind,
      body: from.body,
      sha256: versionHash({ number, title: from.title, kind: from.kind, body: from.body }),
      change_summary: '',
      based_on_number: from.number,
      created_at: now,
      created_by: await actingPersonIn(trx, orgId, context.actor),
      submitted_at: null,
      submitted_by: null,
      submitters: '[]',
      approved_at: null,
      approved_by: null,
      approval_note: '',
      effective_on: null,
      ended_at: null,
      retain_until: null,
      updated_at: now,
    };
    await insertVersion(trx, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.version_created',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, number) },
        basedOn: { after: versionName(document.number, from.number) },
      },
    });
    return row.id;
  });
  return getVersion(deps, orgId, documentId, id);
}

/** Changes a draft's title, kind, text or change summary; its hash follows. */
export async function changeVersion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
  body: VersionUpdateBody,
): Promise<Version> {
  return changingVersion(deps, orgId, documentId, versionId, async (trx, { document, version }) => {
    requireStatus(document, version, ['draft'], 'be changed');
    await refuseWhileHeld(trx, document, version, 'be changed');
    const next = {
      title: body.title ?? version.title,
      kind: body.kind ?? version.kind,
      body: body.body === undefined ? version.body : normalizeBody(body.body),
      change_summary: body.changeSummary ?? version.change_summary,
    };
    const sha256 = versionHash({ number: version.number, ...next });
    if (sha256 === version.sha256 && next.change_summary === version.change_summary) return;
    const now = deps.clock.now().toISOString();
    // Whoever writes a version does not approve it too (four eyes, approvers.ts).
    const editor = await actingPersonIn(trx, orgId, context.actor);
    const authors = new Set(readJson('document_versions.submitters', version.submitters));
    if (editor) authors.add(editor);
    await updateVersion(trx, orgId, versionId, {
      ...next,
      sha256,
      submitters: JSON.stringify([...authors]),
      updated_at: now,
    });
    // The list shows the newest title and kind.
    await updateDocument(trx, orgId, documentId, {
      title: next.title,
      kind: next.kind,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.version_changed',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { after: versionName(document.number, version.number) },
        ...(next.title === version.title
          ? {}
          : { title: { before: version.title, after: next.title } }),
        ...(next.kind === version.kind ? {} : { kind: { before: version.kind, after: next.kind } }),
        sha256: { before: version.sha256, after: sha256 },
      },
    });
  });
}

/**
 * Discards a draft that was never submitted: the author's work in progress, not yet a record. A
 * version that reached review is a record: deleted only after its retention and without a legal
 * hold (164.316(b)(2)(i); 409 naming the date or the hold otherwise), audited with its hash.
 */
export async function discardVersion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const { document, version } = await lockedVersion(trx, orgId, documentId, versionId);
    await assertMayDeleteVersionIn(trx, deps, document, version);
    if ((await listVersions(trx, orgId, documentId)).length === 1) {
      throw new AppError(
        'conflict',
        `${versionName(document.number, version.number)} is the document's only version: remove the document instead.`,
      );
    }
    await deleteVersion(trx, orgId, versionId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.version_discarded',
      entity: { type: 'document', id: documentId },
      changes: {
        version: { before: versionName(document.number, version.number) },
        status: { before: version.status },
        sha256: { before: version.sha256 },
      },
    });
  });
}
