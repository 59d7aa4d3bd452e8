import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { RisksTable } from '../tables';
import { numberSlot, prepared, type SlotValue } from '../../../platform/db/prepared';
import type { Db } from '../../../platform/db/types';
import { withPeople, type RiskRow } from './with-people';

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

type Slot = 'orgId' | 'status' | 'level' | 'residual' | 'treatment' | 'owner' | 'asset' | 'after';
type Name = Slot | 'limit' | `q${number}`;

/** Which filters a page has: queries of one shape differ only in their values. */
function shapeOf(filter: RiskFilter): string {
  const [status, level, residual, asset, after] = [
    filter.status,
    filter.level,
    filter.residualLevel,
    filter.assetId,
    filter.afterNumber,
  ].map((value) => (value === undefined || value === '' ? '-' : 'v'));
  const nullable = (value: unknown) => (value === undefined ? '-' : value === null ? 'n' : 'v');
  const words = words_(filter.q).length;
  return `${status}${level}${residual}${nullable(filter.treatment)}${nullable(filter.ownerId)}${asset}${after}${words}`;
}

function words_(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** The query of one shape, values left to slots. */
function build(shape: string, db: Kysely<Database>, slot: (name: Name) => string) {
  const has = (i: number) => shape[i] === 'v';
  let query = withPeople(db, slot('orgId'));
  if (has(0))
    query = query.where('risks.status', '=', sql<RisksTable['status']>`${slot('status')}`);
  if (has(1)) query = query.where('risks.inherent_level', '=', numberSlot(slot('level')));
  if (has(2)) query = query.where('risks.residual_level', '=', numberSlot(slot('residual')));
  if (shape[3] === 'n') query = query.where('risks.treatment', 'is', null);
  if (has(3)) {
    query = query.where('risks.treatment', '=', sql<RisksTable['treatment']>`${slot('treatment')}`);
  }
  if (shape[4] === 'n') query = query.where('risks.owner_id', 'is', null);
  if (has(4)) query = query.where('risks.owner_id', '=', slot('owner'));
  if (has(5)) {
    const assetId = slot('asset');
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
  for (let i = 0; i < Number(shape.slice(7)); i += 1) {
    const pattern = slot(`q${i}`);
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([like('risks.title'), like('risks.description')]));
  }
  if (has(6)) query = query.where('risks.number', '>', numberSlot(slot('after')));
  // org_id first (one value here) so that the ORDER BY names the columns of the (org_id, number)
  // index: SQLite then reads the page in index order whatever its statistics say.
  return query
    .orderBy('risks.org_id')
    .orderBy('risks.number')
    .limit(numberSlot(slot('limit')));
}

// Compiled once per shape (a search of more than MAX_WORDS words is compiled on each call).
const MAX_WORDS = 3;
const byShape = new Map<string, ReturnType<typeof preparedList>>();
function preparedList(shape: string) {
  return prepared((db: Kysely<Database>, slot: (name: Name) => string) => build(shape, db, slot));
}

/** One page of the register in reference order, filtered in SQL. */
export async function listRisks(db: Db, orgId: string, filter: RiskFilter): Promise<RiskRow[]> {
  const words = words_(filter.q);
  const values: Record<Name, SlotValue> = {
    orgId,
    status: filter.status ?? '',
    level: filter.level ?? 0,
    residual: filter.residualLevel ?? 0,
    treatment: filter.treatment ?? '',
    owner: filter.ownerId ?? '',
    asset: filter.assetId ?? '',
    after: filter.afterNumber ?? 0,
    limit: filter.limit,
  };
  words.forEach((word, i) => {
    values[`q${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  const shape = shapeOf(filter);
  if (words.length > MAX_WORDS) return preparedList(shape)(db, values);
  let list = byShape.get(shape);
  if (!list) {
    list = preparedList(shape);
    byShape.set(shape, list);
  }
  return list(db, values);
}
