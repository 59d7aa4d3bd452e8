import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  EvidenceItem,
  EvidenceItemBody,
  EvidenceItemUpdateBody,
} from '../../../contracts/evidence';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import { presentEvidenceItem, reference } from './presenter';
import {
  deleteEvidenceItem,
  findEvidenceItem,
  insertEvidenceItem,
  listEvidence,
  updateEvidenceItem,
} from './repository';
import type { EvidenceTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
const AUDITED: AuditFields<EvidenceTable> = { name: 'name', notes: 'notes' };

function columnsOf(body: EvidenceItemUpdateBody): Partial<EvidenceTable> {
  const values: Partial<EvidenceTable> = {};
  if (body.name !== undefined) values.name = body.name;
  if (body.notes !== undefined) values.notes = body.notes;
  return values;
}

async function found(db: Parameters<typeof findEvidenceItem>[0], orgId: string, id: string) {
  const row = await findEvidenceItem(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such evidence item.');
  return row;
}

export async function listEvidencePage(deps: AppDeps, orgId: string) {
  return { data: (await listEvidence(deps.database.db, orgId)).map(presentEvidenceItem) };
}

export async function getEvidenceItem(
  deps: AppDeps,
  orgId: string,
  id: string,
): Promise<EvidenceItem> {
  return presentEvidenceItem(await found(deps.database.db, orgId, id));
}

/** Adds a record in a caller's transaction (the demo adds several). */
export async function createEvidenceItemIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: EvidenceItemBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const row: EvidenceTable = {
    id: uuidv7(),
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'evidence_item'),
    name: body.name,
    notes: body.notes ?? '',
    created_at: now,
    updated_at: now,
  };
  await insertEvidenceItem(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'evidence_item.created',
    entity: { type: 'evidence_item', id: row.id },
    changes: { reference: { after: reference(row.number) }, name: { after: row.name } },
  });
  return row.id;
}

export async function createEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: EvidenceItemBody,
): Promise<EvidenceItem> {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createEvidenceItemIn(trx, deps, context, orgId, body));
  return getEvidenceItem(deps, orgId, id);
}

export async function changeEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: EvidenceItemUpdateBody,
): Promise<EvidenceItem> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const values = columnsOf(body);
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await updateEvidenceItem(trx, orgId, id, {
      ...values,
      updated_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'evidence_item.changed',
      entity: { type: 'evidence_item', id },
      changes,
    });
  });
  return getEvidenceItem(deps, orgId, id);
}

export async function removeEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    await deleteEvidenceItem(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'evidence_item.removed',
      entity: { type: 'evidence_item', id },
      changes: { reference: { before: reference(before.number) }, name: { before: before.name } },
    });
  });
}
