import type { Asset } from '../../../contracts/assets';
import type { AssetRow } from './repository';

export function presentAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    reference: `ASSET-${row.number}`,
    kind: row.kind as Asset['kind'],
    name: row.name,
    description: row.description,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    location: row.location,
    vendor: row.vendor,
    ephiRoles: JSON.parse(row.ephi_roles) as Asset['ephiRoles'],
    holdsEphi: row.holds_ephi === 1,
    recordCount: row.record_count,
    criticality: row.criticality as Asset['criticality'],
    encryptionAtRest: row.encryption_at_rest as Asset['encryptionAtRest'],
    encryptionInTransit: row.encryption_in_transit as Asset['encryptionInTransit'],
    mfa: row.mfa as Asset['mfa'],
    backup: row.backup as Asset['backup'],
    lifecycle: row.lifecycle as Asset['lifecycle'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
