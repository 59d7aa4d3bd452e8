import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Document, DocumentBody, DocumentUpdateBody } from '../../../contracts/documents';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import { presentDocument, reference } from './presenter';
import {
  deleteDocument,
  findDocument,
  insertDocument,
  listDocuments,
  updateDocument,
} from './repository';
import type { DocumentsTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
const AUDITED: AuditFields<DocumentsTable> = { name: 'name', notes: 'notes' };

function columnsOf(body: DocumentUpdateBody): Partial<DocumentsTable> {
  const values: Partial<DocumentsTable> = {};
  if (body.name !== undefined) values.name = body.name;
  if (body.notes !== undefined) values.notes = body.notes;
  return values;
}

async function found(db: Parameters<typeof findDocument>[0], orgId: string, id: string) {
  const row = await findDocument(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such document.');
  return row;
}

export async function listDocumentsPage(deps: AppDeps, orgId: string) {
  return { data: (await listDocuments(deps.database.db, orgId)).map(presentDocument) };
}

export async function getDocument(deps: AppDeps, orgId: string, id: string): Promise<Document> {
  return presentDocument(await found(deps.database.db, orgId, id));
}

/** Adds a record in a caller's transaction (the demo adds several). */
export async function createDocumentIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DocumentBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const row: DocumentsTable = {
    id: uuidv7(),
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'document'),
    name: body.name,
    notes: body.notes ?? '',
    created_at: now,
    updated_at: now,
  };
  await insertDocument(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'document.created',
    entity: { type: 'document', id: row.id },
    changes: { reference: { after: reference(row.number) }, name: { after: row.name } },
  });
  return row.id;
}

export async function createDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DocumentBody,
): Promise<Document> {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createDocumentIn(trx, deps, context, orgId, body));
  return getDocument(deps, orgId, id);
}

export async function changeDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: DocumentUpdateBody,
): Promise<Document> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const values = columnsOf(body);
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await updateDocument(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.changed',
      entity: { type: 'document', id },
      changes,
    });
  });
  return getDocument(deps, orgId, id);
}

export async function removeDocument(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    await deleteDocument(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'document.removed',
      entity: { type: 'document', id },
      changes: { reference: { before: reference(before.number) }, name: { before: before.name } },
    });
  });
}
