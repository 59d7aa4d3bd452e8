import type { FlowMapLayout, FlowMapLayoutBody } from '../../../contracts/assets-flow-map';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assetIdsIn, listMapPositions, replaceMapPositions } from './flow-map-repository';

async function layoutOf(db: Db, orgId: string): Promise<FlowMapLayout> {
  const rows = await listMapPositions(db, orgId);
  const latest = rows.reduce<(typeof rows)[number] | undefined>(
    (a, r) => (a && a.saved_at >= r.saved_at ? a : r),
    undefined,
  );
  return {
    positions: rows.map((r) => ({ assetId: r.asset_id, x: r.x, y: r.y })),
    savedAt: latest?.saved_at ?? null,
    savedBy: latest?.saved_by_name ?? null,
  };
}

/** The assets placed by hand on the map, by asset id (the risk report draws the same map). */
export async function flowMapPositions(db: Db, orgId: string) {
  return (await layoutOf(db, orgId)).positions;
}

/** GET data-flow-map/layout: the assets placed by hand. */
export async function getFlowMapLayout(deps: AppDeps, orgId: string): Promise<FlowMapLayout> {
  return layoutOf(deps.database.db, orgId);
}

/**
 * PUT data-flow-map/layout: one layout for the organization, since the map is the
 * organization's record of where ePHI moves (164.308(a)(1)(ii)(A)), not one person's view.
 */
export async function saveFlowMapLayout(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: FlowMapLayoutBody,
): Promise<FlowMapLayout> {
  const ids = body.positions.map((p) => p.assetId);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    throw AppError.field(`body.positions.${twice}.assetId`, 'names an asset placed twice');
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const known = await assetIdsIn(trx, orgId, ids);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) {
      throw AppError.field(
        `body.positions.${unknown}.assetId`,
        'names no asset of this organization',
      );
    }
    const before = (await listMapPositions(trx, orgId)).length;
    const now = deps.clock.now().toISOString();
    const savedBy = context.actor.type === 'user' ? context.actor.id : null;
    await replaceMapPositions(
      trx,
      orgId,
      body.positions.map((p) => ({
        org_id: orgId,
        asset_id: p.assetId,
        x: p.x,
        y: p.y,
        saved_at: now,
        saved_by: savedBy,
      })),
    );
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'data_flow_map.layout_saved',
      entity: { type: 'organization', id: orgId },
      changes: { placedAssets: { before, after: body.positions.length } },
    });
  });
  return layoutOf(deps.database.db, orgId);
}
