import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { inList, prepared } from '../../../platform/db/prepared';
import type { RisksTable } from '../tables';
import { withPeople, type RiskRow } from './with-people';
import type { Db } from '../../../platform/db/types';

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

export { listRisks, type RiskFilter } from './list-risks';
export type { RiskRow } from './with-people';

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
