import { v7 as uuidv7 } from 'uuid';
import type { DataFlow, DataFlowBody, DataFlowUpdateBody } from '../../../contracts/assets';
import type { Database } from '../../db/schema';
import type { DataFlowsTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import {
  deleteFlow,
  findAsset,
  insertFlow,
  listFlows,
  updateFlow,
  type FlowRow,
} from './repository';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/types';

export function presentFlow(row: FlowRow): DataFlow {
  const external = row.external === 1;
  return {
    id: row.id,
    reference: `FLOW-${row.number}`,
    from: { id: row.from_asset_id, reference: `ASSET-${row.from_number}`, name: row.from_name },
    to: { id: row.to_asset_id, reference: `ASSET-${row.to_number}`, name: row.to_name },
    ephi: row.ephi,
    protocol: row.protocol,
    encrypted: row.encrypted,
    external,
    // 164.312(e)(1): ePHI crossing the boundary without (known) encryption is what stands out.
    exposed: external && row.ephi.trim() !== '' && row.encrypted !== 'yes',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function allFlows(db: Db, orgId: string): Promise<DataFlow[]> {
  return (await listFlows(db, orgId)).map(presentFlow);
}

/** GET data-flows: every flow of the organization. */
export async function listDataFlows(deps: AppDeps, orgId: string) {
  return { data: await allFlows(deps.database.db, orgId) };
}

async function getFlow(db: Db, orgId: string, id: string): Promise<DataFlow> {
  const [row] = await listFlows(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such data flow.');
  return presentFlow(row);
}

const AUDITED: AuditFields<DataFlowsTable> = {
  fromAssetId: 'from_asset_id',
  toAssetId: 'to_asset_id',
  ephi: 'ephi',
  protocol: 'protocol',
  encrypted: 'encrypted',
  external: 'external',
};

function columnsOf(body: DataFlowUpdateBody): Partial<DataFlowsTable> {
  const v: Partial<DataFlowsTable> = {};
  if (body.fromAssetId !== undefined) v.from_asset_id = body.fromAssetId;
  if (body.toAssetId !== undefined) v.to_asset_id = body.toAssetId;
  if (body.ephi !== undefined) v.ephi = body.ephi;
  if (body.protocol !== undefined) v.protocol = body.protocol;
  if (body.encrypted !== undefined) v.encrypted = body.encrypted;
  if (body.external !== undefined) v.external = body.external ? 1 : 0;
  return v;
}

async function checkEnds(trx: Db, orgId: string, from: string, to: string) {
  if (!(await findAsset(trx, orgId, from))) {
    throw AppError.field('body.fromAssetId', 'names no asset of this organization');
  }
  if (!(await findAsset(trx, orgId, to))) {
    throw AppError.field('body.toAssetId', 'names no asset of this organization');
  }
  if (from === to) throw AppError.field('body.toAssetId', 'must differ from fromAssetId');
}

/** Adds a flow in a caller's transaction (the demo adds several). */
export async function createFlowIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DataFlowBody,
): Promise<string> {
  await checkEnds(trx, orgId, body.fromAssetId, body.toAssetId);
  const now = deps.clock.now().toISOString();
  const row: DataFlowsTable = {
    id: uuidv7(),
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'data_flow'),
    from_asset_id: body.fromAssetId,
    to_asset_id: body.toAssetId,
    ephi: '',
    protocol: '',
    encrypted: 'unknown',
    external: 0,
    created_at: now,
    updated_at: now,
    ...columnsOf(body),
  };
  await insertFlow(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'data_flow.created',
    entity: { type: 'data_flow', id: row.id },
    changes: {
      reference: { after: `FLOW-${row.number}` },
      from: { after: row.from_asset_id },
      to: { after: row.to_asset_id },
      encrypted: { after: row.encrypted },
      external: { after: row.external === 1 },
    },
  });
  return row.id;
}

export async function createFlow(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: DataFlowBody,
) {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createFlowIn(trx, deps, context, orgId, body));
  return getFlow(deps.database.db, orgId, id);
}

export async function changeFlow(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: DataFlowUpdateBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const [before] = await listFlows(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such data flow.');
    const values = columnsOf(body);
    const after = { ...before, ...values };
    await checkEnds(trx, orgId, after.from_asset_id, after.to_asset_id);
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) return;
    await updateFlow(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'data_flow.changed',
      entity: { type: 'data_flow', id },
      changes,
    });
  });
  return getFlow(deps.database.db, orgId, id);
}

export async function removeFlow(deps: AppDeps, context: AuditContext, orgId: string, id: string) {
  await deps.database.db.transaction().execute(async (trx) => {
    const [before] = await listFlows(trx, orgId, id);
    if (!before) throw new AppError('not_found', 'No such data flow.');
    await deleteFlow(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'data_flow.removed',
      entity: { type: 'data_flow', id },
      changes: { reference: { before: `FLOW-${before.number}` } },
    });
  });
}
