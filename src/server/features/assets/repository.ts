import { setImmediate } from 'node:timers/promises';
import { sql, type CompiledQuery, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AssetsTable, DataFlowsTable } from './tables';
import type { Db } from '../../platform/db/types';

export interface AssetRow extends AssetsTable {
  owner_name: string | null;
  owner_email: string | null;
}

function withOwner(db: Db, orgId: string) {
  return db
    .selectFrom('assets')
    .leftJoin('users', 'users.id', 'assets.owner_id')
    .selectAll('assets')
    .select(['users.name as owner_name', 'users.email as owner_email'])
    .where('assets.org_id', '=', orgId);
}

export async function insertAsset(trx: Db, row: AssetsTable): Promise<void> {
  await trx.insertInto('assets').values(row).execute();
}

export async function updateAsset(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<AssetsTable>,
): Promise<void> {
  await trx
    .updateTable('assets')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Ids, references and names of the organization's assets among `ids` (links, notifications). */
export async function findAssetNames(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('assets')
    .select(['id', 'number', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export async function findAsset(db: Db, orgId: string, id: string): Promise<AssetRow | undefined> {
  return withOwner(db, orgId).where('assets.id', '=', id).executeTakeFirst();
}

export interface AssetFilter {
  q?: string | undefined;
  kind?: AssetsTable['kind'] | undefined;
  criticality?: AssetsTable['criticality'] | undefined;
  lifecycle?: AssetsTable['lifecycle'] | undefined;
  holdsEphi?: boolean | undefined;
  ownerId?: string | null | undefined;
  afterNumber?: number | undefined;
  limit: number;
}

/** One page of assets in reference order, filtered in SQL. */
export async function listAssets(db: Db, orgId: string, filter: AssetFilter): Promise<AssetRow[]> {
  let query = withOwner(db, orgId);
  if (filter.kind) query = query.where('assets.kind', '=', filter.kind);
  if (filter.criticality) query = query.where('assets.criticality', '=', filter.criticality);
  if (filter.lifecycle) query = query.where('assets.lifecycle', '=', filter.lifecycle);
  if (filter.holdsEphi !== undefined)
    query = query.where('assets.holds_ephi', '=', filter.holdsEphi ? 1 : 0);
  if (filter.ownerId !== undefined) {
    query =
      filter.ownerId === null
        ? query.where('assets.owner_id', 'is', null)
        : query.where('assets.owner_id', '=', filter.ownerId);
  }
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('assets.name'),
        like('assets.description'),
        like('assets.location'),
        like('assets.vendor'),
      ]),
    );
  }
  if (filter.afterNumber !== undefined)
    query = query.where('assets.number', '>', filter.afterNumber);
  // As the (org_id, number) index: SQLite reads the page in its order whatever its statistics.
  return query.orderBy('assets.org_id').orderBy('assets.number').limit(filter.limit).execute();
}

const IMPORT_BATCH = 500;

/** An import's inserts, compiled; `runAssetInserts` gives them their numbers and runs them. */
export interface CompiledAssetInserts {
  batches: CompiledQuery[];
  rows: number;
}

/**
 * Compiles an import's inserts before its transaction: for 20,000 rows compiling costs about
 * as much as running them, and on SQLite every other request waits while a write transaction
 * is open. Numbers are reserved inside the transaction, so each row's number is compiled as a
 * placeholder, -1 - its index, which `runAssetInserts` replaces.
 */
export async function compileAssetInserts(
  db: Db,
  rows: Omit<AssetsTable, 'number'>[],
): Promise<CompiledAssetInserts> {
  const batches: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
    // Compiling is CPU work: other requests get a turn between batches.
    if (i > 0) await setImmediate();
    const batch = rows.slice(i, i + IMPORT_BATCH).map((row, j) => ({ ...row, number: -1 - i - j }));
    batches.push(db.insertInto('assets').values(batch).compile());
  }
  return { batches, rows: rows.length };
}

/** Runs compiled inserts (see compileAssetInserts), numbering the rows from `first`. */
export async function runAssetInserts(
  trx: Transaction<Database>,
  inserts: CompiledAssetInserts,
  first: number,
): Promise<void> {
  let numbered = 0;
  for (const query of inserts.batches) {
    // Every other number parameter of an asset is 0 or more (flags, record counts).
    const parameters = query.parameters.map((p) => {
      if (typeof p !== 'number' || p >= 0) return p;
      numbered++;
      return first - 1 - p;
    });
    await trx.executeQuery({ ...query, parameters });
  }
  if (numbered !== inserts.rows) throw new Error('asset import: numbers and rows do not match');
}

/** Member ids by lower-cased email, for owner columns of an import. */
export async function memberIdsByEmail(db: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email_key'])
    .where('memberships.org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.email_key, r.id]));
}

export interface FlowRow extends DataFlowsTable {
  from_number: number;
  from_name: string;
  to_number: number;
  to_name: string;
}

/** Every data flow of the organization with both ends' reference and name. */
export async function listFlows(db: Db, orgId: string, id?: string): Promise<FlowRow[]> {
  let query = db
    .selectFrom('data_flows')
    .innerJoin('assets as source', 'source.id', 'data_flows.from_asset_id')
    .innerJoin('assets as target', 'target.id', 'data_flows.to_asset_id')
    .selectAll('data_flows')
    .select([
      'source.number as from_number',
      'source.name as from_name',
      'target.number as to_number',
      'target.name as to_name',
    ])
    .where('data_flows.org_id', '=', orgId);
  if (id) query = query.where('data_flows.id', '=', id);
  return query.orderBy('data_flows.number').execute();
}

export async function insertFlow(trx: Db, row: DataFlowsTable): Promise<void> {
  await trx.insertInto('data_flows').values(row).execute();
}

export async function updateFlow(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<DataFlowsTable>,
): Promise<void> {
  await trx
    .updateTable('data_flows')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFlow(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('data_flows').where('org_id', '=', orgId).where('id', '=', id).execute();
}
