import { ASSET_IMPORT_COLUMNS } from '../../../contracts/assets';
import type { Cell, Columns } from '../../platform/http/spreadsheet';
import type { AssetRow } from './repository';
import { readJson } from '../../platform/db/json-columns';

// The export uses the import's columns, so an exported file can be edited and imported again.
export const EXPORT_COLUMNS: Columns = [
  ...ASSET_IMPORT_COLUMNS.map(
    (c) => [c, c === 'description' ? 40 : c === 'name' ? 30 : 16] as const,
  ),
  ['reference', 12],
];

export function assetCells(row: AssetRow): Cell[] {
  return [
    row.kind,
    row.name,
    row.description,
    row.owner_email ?? '',
    row.location,
    row.vendor,
    readJson('assets.ephi_roles', row.ephi_roles).join('; '),
    row.record_count ?? '',
    row.criticality,
    row.encryption_at_rest,
    row.encryption_in_transit,
    row.mfa,
    row.backup,
    row.lifecycle,
    `ASSET-${row.number}`,
  ];
}
