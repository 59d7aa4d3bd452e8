import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { inList, prepared } from '../../../platform/db/prepared';
import type { RisksTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export interface RiskRow extends RisksTable {
  owner_name: string | null;
  accepted_by_name: string | null;
}

function withPeople(db: Db, orgId: string) {
  return db
    .selectFrom('risks')
    .leftJoin('users as owner', 'owner.id', 'risks.owner_id')
    .leftJoin('users as acceptor', 'acceptor.id', 'risks.accepted_by')
    .selectAll('risks')
    .select(['owner.name as owner_name', 'acceptor.name as accepted_by_name'])
    .where('risks.org_id', '=', orgId);
}

export async function insertRisk(trx: Db, row: RisksTable): Promise<void> {
  await trx.insertInto('risks').values(row).execute();
}

export async function updateRisk(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<RisksTable>,
): Promise<void> {
  await trx
    .updateTable('risks')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findRisk(db: Db, orgId: string, id: string): Promise<RiskRow | undefined> {
  return withPeople(db, orgId).where('risks.id', '=', id).executeTakeFirst();
}

export interface RiskFilter {
  q?: string | undefined;
  status?: RisksTable['status'] | undefined;
  level?: number | undefined;
  residualLevel?: number | undefined;
  treatment?: RisksTable['treatment'] | undefined;
  assetId?: string | undefined;
  ownerId?: string | null | undefined;
  afterNumber?: number | undefined;
  limit: number;
}

/** One page of the register in reference order, filtered in SQL. */
export async function listRisks(db: Db, orgId: string, filter: RiskFilter): Promise<RiskRow[]> {
  let query = withPeople(db, orgId);
  if (filter.status) query = query.where('risks.status', '=', filter.status);
  if (filter.level !== undefined) query = query.where('risks.inherent_level', '=', filter.level);
  if (filter.residualLevel !== undefined)
    query = query.where('risks.residual_level', '=', filter.residualLevel);
  if (filter.treatment !== undefined) {
    query =
      filter.treatment === null
        ? query.where('risks.treatment', 'is', null)
        : query.where('risks.treatment', '=', filter.treatment);
  }
  if (filter.ownerId !== undefined) {
    query =
      filter.ownerId === null
        ? query.where('risks.owner_id', 'is', null)
        : query.where('risks.owner_id', '=', filter.ownerId);
  }
  if (filter.assetId) {
    const assetId = filter.assetId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('risk_assets')
          .select('risk_assets.risk_id')
          .whereRef('risk_assets.risk_id', '=', 'risks.id')
          .where('risk_assets.asset_id', '=', assetId),
      ),
    );
  }
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([like('risks.title'), like('risks.description')]));
  }
  if (filter.afterNumber !== undefined)
    query = query.where('risks.number', '>', filter.afterNumber);
  // org_id first (one value here) so that the ORDER BY names the columns of the (org_id, number)
  // index: SQLite then reads the page in index order whatever its statistics say.
  return query.orderBy('risks.org_id').orderBy('risks.number').limit(filter.limit).execute();
}

// Compiled once, the page's ids bound as one list.
const assetsOf = prepared((db: Kysely<Database>, slot: (name: 'orgId' | 'riskIds') => string) =>
  db
    .selectFrom('risk_assets')
    .innerJoin('assets', 'assets.id', 'risk_assets.asset_id')
    .select(['risk_assets.risk_id', 'assets.id', 'assets.number', 'assets.name'])
    .where('risk_assets.org_id', '=', slot('orgId'))
    .where(inList(db, 'risk_assets.risk_id', slot('riskIds'))),
);

/** The assets each risk names, with reference and name, in reference order. */
export async function assetsOfRisks(db: Db, orgId: string, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  // Sorted here: a few rows, where SQL sorted them in a temporary b-tree.
  const rows = await assetsOf(db, { orgId, riskIds });
  return rows.sort((a, b) => a.number - b.number);
}

export async function replaceRiskAssets(
  trx: Db,
  orgId: string,
  riskId: string,
  assetIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('risk_assets').where('risk_id', '=', riskId).execute();
  if (assetIds.length === 0) return;
  await trx
    .insertInto('risk_assets')
    .values(assetIds.map((asset_id) => ({ org_id: orgId, risk_id: riskId, asset_id })))
    .execute();
}

/** Open risks per (likelihood, impact), inherent or residual. */
export async function countCells(db: Db, orgId: string, residual: boolean) {
  const [l, i] = residual
    ? (['risks.residual_likelihood', 'risks.residual_impact'] as const)
    : (['risks.likelihood', 'risks.impact'] as const);
  return db
    .selectFrom('risks')
    .select([`${l} as l`, `${i} as i`, (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('risks.org_id', '=', orgId)
    .where('risks.status', '=', 'open')
    .groupBy([l, i])
    .execute();
}

/** True when some risk carries a rating (a matrix of another size would misread it). */
export async function anyRated(db: Db, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('risks')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([eb('likelihood', 'is not', null), eb('residual_likelihood', 'is not', null)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets the stored level of every risk rated (l, i) to `level`. */
export async function relevel(
  trx: Db,
  orgId: string,
  l: number,
  i: number,
  level: number,
): Promise<void> {
  await trx
    .updateTable('risks')
    .set({ inherent_level: level })
    .where('org_id', '=', orgId)
    .where('likelihood', '=', l)
    .where('impact', '=', i)
    .execute();
  await trx
    .updateTable('risks')
    .set({ residual_level: level })
    .where('org_id', '=', orgId)
    .where('residual_likelihood', '=', l)
    .where('residual_impact', '=', i)
    .execute();
}

/** Risks naming each (asset, threat) pair: the guided assessment's cover. */
export async function riskCover(db: Db, orgId: string) {
  return db
    .selectFrom('risks')
    .innerJoin('risk_assets', 'risk_assets.risk_id', 'risks.id')
    .select(['risks.number', 'risks.threat_id', 'risk_assets.asset_id'])
    .where('risks.org_id', '=', orgId)
    .where('risks.threat_id', 'is not', null)
    .execute();
}

/** The ids among `ids` that are assets of the organization. */
export async function knownAssetIds(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('assets')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Reference and title of the organization's risks among `ids` (link labels and checks). */
export async function findRiskLabels(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('risks')
    .select(['id', 'number', 'title'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}
