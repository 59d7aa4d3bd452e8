import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { VERSION_STATUSES } from '../../../contracts/document-schemas';
import type {
  Document,
  DocumentBody,
  DocumentDetail,
  DocumentUpdateBody,
} from '../../../contracts/documents';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { actingPersonIn, requireNewlyNamedMember } from '../../platform/auth/members';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import { linkedIds, removeLinksOfIn } from '../links/service';
import { findPeopleNames } from '../../platform/people-repository';
import { syncRequirementsIn } from './requirements';
import { assertMayDeleteVersionIn } from './retention';
import { versionHash, normalizeBody } from './canonical';
import { peopleOf, presentDetail, presentDocument, reference } from './presenter';
import {
  deleteDocument,
  findDocument,
  insertDocument,
  insertVersion,
  listDocuments,
  listReviews,
  listVersions,
  listVersionsIn,
  lockDocument,
  updateDocument,
} from './repository';
import type { DocumentsTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
const AUDITED: AuditFields<DocumentsTable> = {
  category: 'category',
  ownerId: 'owner_id',
  reviewMonths: 'review_months',
};

// 164.308(a)(3)(ii)(C): a document's owner keeps it, so their role must let them edit it.
const OWNER_ABLE = { permission: 'documents.manage', act: 'keep policies' } as const;

export async function requireDocument(db: Db, orgId: string, id: string): Promise<DocumentsTable> {
  const row = await findDocument(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such document.');
  return row;
}

export async function listDocumentsPage(
  deps: AppDeps,
  orgId: string,
): Promise<{ data: Document[] }> {
  const db = deps.database.db;
  const rows = await listDocuments(db, orgId);
  const versions = await listVersionsIn(db, orgId, VERSION_STATUSES);
  const requirements = await linkedIds(
    db,
    orgId,
    'document',
    rows.map((r) => r.id),
    'safeguard',
  );
  const names = await findPeopleNames(db, orgId, peopleOf([...rows, ...versions]));
  return {
    data: rows.map((row) => {
      const own = versions.filter((v) => v.document_id === row.id);
      return presentDocument(row, {
        inEffect: own.find((v) => v.status === 'in_effect'),
        openDraft: own.find((v) => v.status === 'draft' || v.status === 'in_review'),
        latest: newest(own),
        requirements: requirements.get(row.id) ?? [],
        names,
      });
    }),
  };
}

export async function getDocument(
  deps: AppDeps,
  orgId: string,
  id: string,
  db: Db = deps.database.db,
): Promise<DocumentDetail> {
  const row = await requireDocument(db, orgId, id);
  const versions = await listVersions(db, orgId, id);
  const reviews = await listReviews(db, orgId, id);
  const requirements = (await linkedIds(db, orgId, 'document', [id], 'safeguard')).get(id) ?? [];
  const names = await findPeopleNames(db, orgId, [
    ...peopleOf([row, ...versions]),
    ...reviews.flatMap((r) => (r.reviewed_by ? [r.reviewed_by] : [])),
  ]);
  const document = presentDocument(row, {
    inEffect: versions.find((v) => v.status === 'in_effect'),
    openDraft: versions.find((v) => v.status === 'draft' || v.status === 'in_review'),
    latest: newest(versions),
    requirements,
    names,
  });
  return presentDetail(document, versions, reviews, names);
}

/** Adds a document and its first draft in a caller's transaction (templates, the demo). */
export async function createDocumentIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DocumentBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const actor = await actingPersonIn(trx, orgId, context.actor);
  const ownerId = body.ownerId ?? null;
  await requireNewlyNamedMember(
    trx,
    orgId,
    { userId: ownerId, previous: null },
    'body.ownerId',
    now,
    OWNER_ABLE,
  );
  const row: DocumentsTable = {
    id: uuidv7(),
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'document'),
    title: body.title,
    kind: body.kind,
    category: body.category ?? '',
    owner_id: ownerId,
    review_months: body.reviewMonths ?? 12,
    next_review_on: null,
    created_at: now,
    created_by: actor,
    updated_at: now,
  };
  await insertDocument(trx, row);
  const text = normalizeBody(body.body ?? '');
  await insertVersion(trx, {
    id: uuidv7(),
    org_id: orgId,
    document_id: row.id,
    number: 1,
    status: 'draft',
    title: row.title,
    kind: row.kind,
    body: text,
    sha256: versionHash({ number: 1, title: row.title, kind: row.kind, body: text }),
    change_summary: '',
    based_on_number: null,
    created_at: now,
    created_by: actor,
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
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'document.created',
    entity: { type: 'document', id: row.id },
    changes: {
      reference: { after: reference(row.number) },
      title: { after: row.title },
      kind: { after: row.kind },
    },
  });
  await syncRequirementsIn(trx, deps, context, orgId, row.id, body.requirements ?? []);
  return row.id;
}

export async function createDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DocumentBody,
): Promise<DocumentDetail> {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createDocumentIn(trx, deps, context, orgId, body));
  return getDocument(deps, orgId, id);
}

/** Category, owner, review interval and requirements: the document's, not a version's. */
export async function changeDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: DocumentUpdateBody,
): Promise<DocumentDetail> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await lockDocument(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such document.');
    const now = deps.clock.now().toISOString();
    const values: Partial<DocumentsTable> = {};
    if (body.category !== undefined) values.category = body.category;
    if (body.ownerId !== undefined) {
      await requireNewlyNamedMember(
        trx,
        orgId,
        { userId: body.ownerId, previous: before.owner_id },
        'body.ownerId',
        now,
        OWNER_ABLE,
      );
      values.owner_id = body.ownerId;
    }
    if (body.reviewMonths !== undefined) values.review_months = body.reviewMonths;
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length > 0) {
      await updateDocument(trx, orgId, id, { ...values, updated_at: now });
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'document.changed',
        entity: { type: 'document', id },
        changes,
      });
    }
    if (body.requirements !== undefined) {
      await syncRequirementsIn(trx, deps, context, orgId, id, body.requirements);
    }
  });
  return getDocument(deps, orgId, id);
}

/**
 * Removes a document: at once while none of its versions reached review (drafts are work in
 * progress, not records); otherwise only once every version's retention has passed and none is
 * held or in effect (164.316(b)(2)(i): 409 naming the date or the hold).
 */
export async function removeDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await lockDocument(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such document.');
    const versions = await listVersions(trx, orgId, id);
    for (const version of versions) await assertMayDeleteVersionIn(trx, deps, before, version);
    // Its requirements and every other link go with it (issue 14: no link left to a removed record).
    await removeLinksOfIn(trx, deps, context, orgId, { type: 'document', id });
    await deleteDocument(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.removed',
      entity: { type: 'document', id },
      changes: {
        reference: { before: reference(before.number) },
        title: { before: before.title },
        sha256: { before: versions[0]?.sha256 ?? null },
      },
    });
  });
}

/** The version with the highest number. */
function newest<T extends { number: number }>(versions: readonly T[]): T | undefined {
  return versions.reduce<T | undefined>((a, v) => (a && a.number > v.number ? a : v), undefined);
}
