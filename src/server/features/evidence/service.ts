import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  EvidenceItem,
  EvidenceItemDetail,
  EvidenceItemUpdateBody,
  EvidenceLinkBody,
} from '../../../contracts/evidence';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { isFreshMistake, MISTAKE_HOURS } from './mistake';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { memberHolds, requireNewlyNamedMember } from '../../platform/auth/members';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { linksOf } from '../links/service';
import { notifyNewOwnerIn } from '../notifications/notify';
import { holdInForce, keepRecordIn, relabelRecordIn } from '../retention/service';
import { presentEvidenceItem, reference } from './presenter';
import { evidenceHiddenFrom, type Reader } from './restricted';
import {
  findEvidenceItem,
  insertEvidenceItem,
  listEvidenceItems,
  updateEvidenceItem,
  type EvidenceItemRow,
} from './repository';
import type { EvidenceItemsTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
const AUDITED: AuditFields<EvidenceItemsTable> = {
  title: 'title',
  description: 'description',
  url: 'url',
  collectedOn: 'collected_on',
  effectiveFrom: 'effective_from',
  effectiveTo: 'effective_to',
  refreshOn: 'refresh_on',
  ownerId: 'owner_id',
};

export const KEEPS_EVIDENCE = { permission: 'evidence.manage', act: 'keep evidence' } as const;

/** The columns a body sets; a link's address only on a link. */
export function columnsOf(body: EvidenceItemUpdateBody): Partial<EvidenceItemsTable> {
  const values: Partial<EvidenceItemsTable> = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.description !== undefined) values.description = body.description;
  if (body.url !== undefined) values.url = body.url;
  if (body.collectedOn !== undefined) values.collected_on = body.collectedOn;
  if (body.effectiveFrom !== undefined) values.effective_from = body.effectiveFrom;
  if (body.effectiveTo !== undefined) values.effective_to = body.effectiveTo;
  if (body.refreshOn !== undefined) values.refresh_on = body.refreshOn;
  if (body.ownerId !== undefined) values.owner_id = body.ownerId;
  return values;
}

function checkPeriod(row: Pick<EvidenceItemsTable, 'effective_from' | 'effective_to'>): void {
  if (row.effective_from && row.effective_to && row.effective_to < row.effective_from) {
    throw AppError.field('body.effectiveTo', 'must not be before effectiveFrom');
  }
}

export async function foundEvidenceItem(
  db: Db,
  orgId: string,
  id: string,
): Promise<EvidenceItemRow> {
  const row = await findEvidenceItem(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such evidence item.');
  return row;
}

export async function listEvidencePage(
  deps: AppDeps,
  orgId: string,
  query: { kind?: 'file' | 'link' | undefined; stale?: 'true' | 'false' | undefined },
  reader: Reader,
) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const hidden = await evidenceHiddenFrom(db, orgId, reader);
  const all = await listEvidenceItems(db, orgId, {
    kind: query.kind,
    ...(query.stale === 'true' ? { staleBefore: today } : {}),
    ...(query.stale === 'false' ? { currentFrom: today } : {}),
  });
  const rows = hidden ? all.filter((row) => !hidden.has(row.id)) : all;
  return { data: rows.map((row) => presentEvidenceItem(row, today)) };
}

export async function getEvidenceItem(
  deps: AppDeps,
  orgId: string,
  id: string,
): Promise<EvidenceItem> {
  const db = deps.database.db;
  const row = await foundEvidenceItem(db, orgId, id);
  return presentEvidenceItem(row, await organizationToday(db, deps.clock, orgId));
}

/** One item with the records it supports (its page). */
export async function getEvidenceItemDetail(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<EvidenceItemDetail> {
  const row = await foundEvidenceItem(deps.database.db, orgId, id);
  const now = deps.clock.now();
  return {
    ...(await getEvidenceItem(deps, orgId, id)),
    mayTakeBackUntil: isFreshMistake(row, context, now)
      ? new Date(Date.parse(row.created_at) + MISTAKE_HOURS * 3_600_000).toISOString()
      : null,
    links: await linksOf(deps.database.db, deps, orgId, 'evidence', id),
    hold: await holdInForce(deps.database.db, orgId, { type: 'evidence', id }),
  };
}

/**
 * A new item's row in the caller's transaction, with its number, entered in the retention register
 * (164.316(b)(2)(i): kept six years from creation, or the organization's longer period).
 */
export async function newEvidenceRowIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  values: Pick<EvidenceItemsTable, 'kind' | 'title' | 'url'> & Partial<EvidenceItemsTable>,
): Promise<EvidenceItemsTable> {
  const now = deps.clock.now().toISOString();
  const id = uuidv7();
  const number = await nextReferenceNumber(trx, orgId, 'evidence_item');
  const retainUntil = await keepRecordIn(trx, deps, orgId, {
    type: 'evidence',
    id,
    label: `${reference(number)} ${values.title}`,
    createdAt: now,
  });
  const row: EvidenceItemsTable = {
    id,
    org_id: orgId,
    number,
    description: '',
    file_name: null,
    file_size: null,
    file_type: null,
    file_sha256: null,
    blob_key: null,
    sealed_key: null,
    file_checked_stamp: null,
    file_checked_at: null,
    collected_on: null,
    effective_from: null,
    effective_to: null,
    refresh_on: null,
    // Whoever adds it looks after it unless they name someone else, when their role may keep
    // evidence (a workforce member completing a task leaves it to the Security Official).
    owner_id:
      context.actor.type === 'user' &&
      context.actor.id !== null &&
      (await memberHolds(trx, orgId, context.actor.id, KEEPS_EVIDENCE.permission))
        ? context.actor.id
        : null,
    retain_until: retainUntil,
    created_at: now,
    created_by: context.actor.type === 'user' ? context.actor.id : null,
    updated_at: now,
    ...values,
  };
  checkPeriod(row);
  await requireNewlyNamedMember(
    trx,
    orgId,
    { userId: row.owner_id, previous: null },
    'body.ownerId',
    now,
    KEEPS_EVIDENCE,
  );
  await insertEvidenceItem(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'evidence_item.created',
    entity: { type: 'evidence_item', id: row.id },
    changes: {
      reference: { after: reference(row.number) },
      kind: { after: row.kind },
      title: { after: row.title },
      ...(row.url === null ? {} : { url: { after: row.url } }),
      ...(row.file_name === null
        ? {}
        : {
            fileName: { after: row.file_name },
            fileSize: { after: row.file_size },
            fileType: { after: row.file_type },
            sha256: { after: row.file_sha256 },
          }),
    },
  });
  await notifyNewOwnerIn(trx, deps, context, {
    orgId,
    ownerId: row.owner_id,
    previousOwnerId: null,
    record: { type: 'evidence', id: row.id },
    title: `${reference(row.number)} ${row.title}`,
  });
  return row;
}

export async function createEvidenceLink(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: EvidenceLinkBody,
): Promise<EvidenceItem> {
  const row = await deps.database.db.transaction().execute((trx) =>
    newEvidenceRowIn(trx, deps, context, orgId, {
      ...columnsOf(body),
      kind: 'link',
      title: body.title,
      url: body.url,
    }),
  );
  return getEvidenceItem(deps, orgId, row.id);
}

export async function changeEvidenceItem(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: EvidenceItemUpdateBody,
): Promise<EvidenceItem> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundEvidenceItem(trx, orgId, id);
    if (body.url !== undefined && before.kind !== 'link') {
      throw AppError.field('body.url', 'is only for evidence kept elsewhere (a link), not a file');
    }
    const now = deps.clock.now().toISOString();
    await requireNewlyNamedMember(
      trx,
      orgId,
      { userId: body.ownerId, previous: before.owner_id },
      'body.ownerId',
      now,
      KEEPS_EVIDENCE,
    );
    const values = columnsOf(body);
    checkPeriod({ ...before, ...values });
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await updateEvidenceItem(trx, orgId, id, { ...values, updated_at: now });
    if (values.title !== undefined && values.title !== before.title) {
      // The retention register names the item as people call it, not by its file's name.
      const label = `${reference(before.number)} ${values.title}`;
      await relabelRecordIn(trx, deps, orgId, { type: 'evidence', id, label });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'evidence_item.changed',
      entity: { type: 'evidence_item', id },
      changes,
    });
    await notifyNewOwnerIn(trx, deps, context, {
      orgId,
      ownerId: body.ownerId,
      previousOwnerId: before.owner_id,
      record: { type: 'evidence', id },
      title: `${reference(before.number)} ${values.title ?? before.title}`,
    });
  });
  return getEvidenceItem(deps, orgId, id);
}
