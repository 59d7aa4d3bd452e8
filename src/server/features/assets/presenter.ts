import type { Asset } from '../../../contracts/assets';
import type { AssetRow } from './repository';
import { readJson } from '../../platform/db/json-columns';

export function presentAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    reference: `ASSET-${row.number}`,
    kind: row.kind,
    name: row.name,
    description: row.description,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    location: row.location,
    vendor: row.vendor,
    ephiRoles: readJson('assets.ephi_roles', row.ephi_roles),
    holdsEphi: row.holds_ephi === 1,
    recordCount: row.record_count,
    criticality: row.criticality,
    encryptionAtRest: row.encryption_at_rest,
    encryptionInTransit: row.encryption_in_transit,
    mfa: row.mfa,
    backup: row.backup,
    lifecycle: row.lifecycle,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
