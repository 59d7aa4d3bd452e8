import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findAssetNames } from './repository';

/** Assets as ends of links (and of notifications: a new owner is told): `ASSET-3 EHR server`. */
export const assetLink: LinkTarget = {
  type: 'asset',
  exists: async (db, orgId, ids) =>
    new Set((await findAssetNames(db, orgId, uuidsOnly(ids))).map((a) => a.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findAssetNames(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((a) => [a.id, `ASSET-${a.number} ${a.name}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Asset']));
  },
};
