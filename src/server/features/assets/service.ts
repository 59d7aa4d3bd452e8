import { v7 as uuidv7 } from 'uuid';
import type { AssetBody, AssetQuery, AssetUpdateBody } from '../../../contracts/assets';
import type { Database } from '../../db/schema';
import type { AssetsTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { requireNewlyNamedMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { notifyNewOwnerIn } from '../notifications/notify';
import { nextReferenceNumber } from '../../platform/references-repository';
import { recordSignificantChangeIn } from '../risk-assessments/reminders';
import { EXPORT_COLUMNS, assetCells } from './export';
import { presentAsset } from './presenter';
import { findAsset, findAssetNames, insertAsset, listAssets, updateAsset } from './repository';
import type { Db } from '../../platform/db/types';
import { uuidsOnly } from '../../platform/links-registry';
import type { Kysely, Transaction } from 'kysely';

/** Columns from a request body (only the fields present). */
const AUDITED: AuditFields<AssetsTable> = {
  kind: 'kind',
  name: 'name',
  description: 'description',
  ownerId: 'owner_id',
  location: 'location',
  vendor: 'vendor',
  ephiRoles: 'ephi_roles',
  holdsEphi: 'holds_ephi',
  recordCount: 'record_count',
  criticality: 'criticality',
  encryptionAtRest: 'encryption_at_rest',
  encryptionInTransit: 'encryption_in_transit',
  mfa: 'mfa',
  backup: 'backup',
  lifecycle: 'lifecycle',
};

function columnsOf(body: AssetUpdateBody): Partial<AssetsTable> {
  const values: Partial<AssetsTable> = {};
  if (body.kind !== undefined) values.kind = body.kind;
  if (body.name !== undefined) values.name = body.name;
  if (body.description !== undefined) values.description = body.description;
  if (body.ownerId !== undefined) values.owner_id = body.ownerId;
  if (body.location !== undefined) values.location = body.location;
  if (body.vendor !== undefined) values.vendor = body.vendor;
  if (body.ephiRoles !== undefined) {
    const roles = [...new Set(body.ephiRoles)];
    values.ephi_roles = JSON.stringify(roles);
    values.holds_ephi = roles.length > 0 ? 1 : 0;
  }
  if (body.recordCount !== undefined) values.record_count = body.recordCount;
  if (body.criticality !== undefined) values.criticality = body.criticality;
  if (body.encryptionAtRest !== undefined) values.encryption_at_rest = body.encryptionAtRest;
  if (body.encryptionInTransit !== undefined)
    values.encryption_in_transit = body.encryptionInTransit;
  if (body.mfa !== undefined) values.mfa = body.mfa;
  if (body.backup !== undefined) values.backup = body.backup;
  if (body.lifecycle !== undefined) values.lifecycle = body.lifecycle;
  return values;
}

export async function listAssetPage(deps: AppDeps, orgId: string, query: AssetQuery) {
  // The contract accepts only a 32-bit reference number as cursor.
  const after = query.cursor;
  const rows = await listAssets(deps.database.db, orgId, {
    q: query.q,
    kind: query.kind,
    criticality: query.criticality,
    lifecycle: query.lifecycle,
    holdsEphi: query.ephi === undefined ? undefined : query.ephi === 'true',
    ownerId: query.ownerId === 'none' ? null : query.ownerId,
    afterNumber: after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(presentAsset),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.number ?? '') : null,
  };
}

export async function getAsset(deps: AppDeps, orgId: string, id: string) {
  const row = await findAsset(deps.database.db, orgId, id);
  if (!row) {
    throw new AppError('not_found', 'No such asset.');
  }
  return presentAsset(row);
}

/** An asset's owner keeps its entry up to date. */
const KEEPS_ASSETS = { permission: 'assets.manage', act: 'edit the inventory' } as const;

/** Adds an asset in a caller's transaction (the import adds many in one). */
export async function createAssetIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AssetBody,
  field = 'body',
): Promise<string> {
  const now = deps.clock.now().toISOString();
  // 164.308(a)(3)(ii)(C): a record is not handed to someone whose access has ended.
  const owner = { userId: body.ownerId, previous: null };
  await requireNewlyNamedMember(trx, orgId, owner, `${field}.ownerId`, now, KEEPS_ASSETS);
  const id = uuidv7();
  const row: AssetsTable = {
    id,
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'asset'),
    kind: body.kind,
    name: body.name,
    description: '',
    owner_id: null,
    location: '',
    vendor: '',
    ephi_roles: '[]',
    holds_ephi: 0,
    record_count: null,
    criticality: 'moderate',
    encryption_at_rest: 'unknown',
    encryption_in_transit: 'unknown',
    mfa: 'unknown',
    backup: 'unknown',
    lifecycle: 'active',
    created_at: now,
    updated_at: now,
    ...columnsOf(body),
  };
  await insertAsset(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'asset.created',
    entity: { type: 'asset', id },
    changes: {
      reference: { after: `ASSET-${row.number}` },
      kind: { after: row.kind },
      name: { after: row.name },
      holdsEphi: { after: row.holds_ephi === 1 },
    },
  });
  return id;
}

export async function createAsset(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AssetBody,
) {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const created = await createAssetIn(trx, deps, context, orgId, body);
    if (body.ephiRoles?.length) {
      await recordSignificantChangeIn(trx, deps, context, orgId, {
        kind: 'new_system',
        description: `${body.name} handles ePHI`,
      });
    }
    return created;
  });
  return getAsset(deps, orgId, id);
}

export async function changeAsset(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: AssetUpdateBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findAsset(trx, orgId, id);
    if (!before) {
      throw new AppError('not_found', 'No such asset.');
    }
    await requireNewlyNamedMember(
      trx,
      orgId,
      { userId: body.ownerId, previous: before.owner_id },
      'body.ownerId',
      deps.clock.now().toISOString(),
      KEEPS_ASSETS,
    );
    const values = columnsOf(body);
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await updateAsset(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'asset.changed',
      entity: { type: 'asset', id },
      changes,
    });
    await notifyNewOwnerIn(trx, deps, context, {
      orgId,
      ownerId: values.owner_id,
      previousOwnerId: before.owner_id,
      record: { type: 'asset', id },
      title: `ASSET-${before.number} ${values.name ?? before.name}`,
    });
  });
  return getAsset(deps, orgId, id);
}

/**
 * The inventory as a CSV or XLSX download in the import's columns, read page by page, with the
 * export audited (164.312(b)).
 */
export async function exportAssets(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  format: 'csv' | 'xlsx',
) {
  const rows = await allAssetRows(deps.database.db, orgId);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'assets.exported',
      changes: { format: { after: format }, rows: { after: rows.length } },
    }),
  );
  const file = {
    name: 'assets',
    sheet: 'Assets',
    title: 'Asset inventory',
    createdAt: deps.clock.now().toISOString(),
  };
  return { format, file, columns: EXPORT_COLUMNS, rows: rows.map(assetCells) };
}

/** Every asset row, read page by page. */
async function allAssetRows(db: Kysely<Database> | Transaction<Database>, orgId: string) {
  const rows = [];
  for (let after = 0; ;) {
    const page = await listAssets(db, orgId, { afterNumber: after, limit: 1000 });
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < 1000) break;
    after = last.number;
  }
  return rows;
}

/** Every asset, presented (snapshots and reports). */
export async function allAssets(db: Kysely<Database> | Transaction<Database>, orgId: string) {
  return (await allAssetRows(db, orgId)).map(presentAsset);
}

/** True when at least one asset handles ePHI (the first-week inventory step). */
export async function holdsAnyEphi(db: Kysely<Database> | Transaction<Database>, orgId: string) {
  return (await listAssets(db, orgId, { holdsEphi: true, limit: 1 })).length > 0;
}

/** Assets among `ids` as other records name them (name and ASSET-n); others' ids find nothing. */
export async function assetNames(db: Db, orgId: string, ids: readonly string[]) {
  const rows = await findAssetNames(db, orgId, uuidsOnly([...new Set(ids)]));
  return new Map(rows.map((a) => [a.id, { name: a.name, reference: `ASSET-${a.number}` }]));
}
