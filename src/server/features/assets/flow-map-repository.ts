import type { Db } from '../../platform/db/types';
import type { DataFlowMapPositionsTable } from './tables';

export interface MapPositionRow extends DataFlowMapPositionsTable {
  saved_by_name: string | null;
}

/** The organization's saved map positions, with who saved them. */
export async function listMapPositions(db: Db, orgId: string): Promise<MapPositionRow[]> {
  return db
    .selectFrom('data_flow_map_positions')
    .leftJoin('users', 'users.id', 'data_flow_map_positions.saved_by')
    .selectAll('data_flow_map_positions')
    .select('users.name as saved_by_name')
    .where('data_flow_map_positions.org_id', '=', orgId)
    .orderBy('data_flow_map_positions.asset_id')
    .execute();
}

/** Of `ids`, those that name assets of the organization. */
export async function assetIdsIn(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('assets')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Replaces the organization's layout with `rows` (none: the automatic layout). */
export async function replaceMapPositions(
  trx: Db,
  orgId: string,
  rows: readonly DataFlowMapPositionsTable[],
): Promise<void> {
  await trx.deleteFrom('data_flow_map_positions').where('org_id', '=', orgId).execute();
  // Within SQLite's 999 bound parameters per statement: six columns, 150 rows a batch.
  for (let i = 0; i < rows.length; i += 150) {
    await trx
      .insertInto('data_flow_map_positions')
      .values(rows.slice(i, i + 150))
      .execute();
  }
}
