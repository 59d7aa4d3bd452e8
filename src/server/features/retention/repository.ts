import { sql } from 'kysely';
import type { Db } from '../../platform/db/types';
import type { LegalHoldsTable, RetainedRecordsTable, RetentionSettingsTable } from './tables';

// The only place that reads and writes the retention tables (issue 11: one owner per table).

export interface HoldRow extends LegalHoldsTable {
  placed_by_name: string | null;
  released_by_name: string | null;
}

function holdsWithNames(db: Db) {
  return db
    .selectFrom('legal_holds')
    .leftJoin('users as placer', 'placer.id', 'legal_holds.placed_by')
    .leftJoin('users as releaser', 'releaser.id', 'legal_holds.released_by')
    .selectAll('legal_holds')
    .select(['placer.name as placed_by_name', 'releaser.name as released_by_name']);
}

export async function findSettings(
  db: Db,
  orgId: string,
): Promise<RetentionSettingsTable | undefined> {
  return db
    .selectFrom('retention_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveSettings(trx: Db, row: RetentionSettingsTable): Promise<void> {
  await trx
    .insertInto('retention_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        years: row.years,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function findRetained(
  db: Db,
  orgId: string,
  type: string,
  id: string,
): Promise<RetainedRecordsTable | undefined> {
  return db
    .selectFrom('retained_records')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .executeTakeFirst();
}

export async function saveRetained(trx: Db, row: RetainedRecordsTable): Promise<void> {
  await trx
    .insertInto('retained_records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'record_type', 'record_id']).doUpdateSet({
        label: row.label,
        opens_id: row.opens_id,
        kept_from: row.kept_from,
        in_effect: row.in_effect,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Renames a record in the register (its label only: dates are kept). */
export async function updateRetainedLabel(
  trx: Db,
  row: Pick<RetainedRecordsTable, 'org_id' | 'record_type' | 'record_id' | 'label' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('retained_records')
    .set({ label: row.label, updated_at: row.updated_at })
    .where('org_id', '=', row.org_id)
    .where('record_type', '=', row.record_type)
    .where('record_id', '=', row.record_id)
    .execute();
}

export async function deleteRetained(
  trx: Db,
  orgId: string,
  type: string,
  id: string,
): Promise<void> {
  await trx
    .deleteFrom('retained_records')
    .where('org_id', '=', orgId)
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .execute();
}

/** One page of the register, oldest first (what may go soonest), with the hold in force on each. */
export async function listRetained(
  db: Db,
  orgId: string,
  options: { heldOnly: boolean; after: { keptFrom: string; id: string } | null; limit: number },
): Promise<(RetainedRecordsTable & { hold_id: string | null })[]> {
  let query = db
    .selectFrom('retained_records')
    .leftJoin('legal_holds', (join) =>
      join
        .onRef('legal_holds.org_id', '=', 'retained_records.org_id')
        .onRef('legal_holds.record_type', '=', 'retained_records.record_type')
        .onRef('legal_holds.record_id', '=', 'retained_records.record_id')
        .on('legal_holds.released_at', 'is', null),
    )
    .selectAll('retained_records')
    .select('legal_holds.id as hold_id')
    .where('retained_records.org_id', '=', orgId);
  if (options.heldOnly) query = query.where('legal_holds.id', 'is not', null);
  if (options.after) {
    const { keptFrom, id } = options.after;
    query = query.where((eb) =>
      eb.or([
        eb('retained_records.kept_from', '>', keptFrom),
        eb.and([
          eb('retained_records.kept_from', '=', keptFrom),
          eb('retained_records.record_id', '>', id),
        ]),
      ]),
    );
  }
  return query
    .orderBy('retained_records.kept_from')
    .orderBy('retained_records.record_id')
    .limit(options.limit)
    .execute();
}

export async function insertHold(trx: Db, row: LegalHoldsTable): Promise<void> {
  await trx.insertInto('legal_holds').values(row).execute();
}

export async function releaseHoldRow(
  trx: Db,
  orgId: string,
  id: string,
  values: Pick<LegalHoldsTable, 'released_by' | 'released_at' | 'release_reason'>,
): Promise<void> {
  await trx
    .updateTable('legal_holds')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findHold(db: Db, orgId: string, id: string): Promise<HoldRow | undefined> {
  return holdsWithNames(db)
    .where('legal_holds.org_id', '=', orgId)
    .where('legal_holds.id', '=', id)
    .executeTakeFirst();
}

/** The hold in force on one record, if any. */
export async function findHoldInForce(
  db: Db,
  orgId: string,
  type: string,
  id: string,
): Promise<HoldRow | undefined> {
  return holdsWithNames(db)
    .where('legal_holds.org_id', '=', orgId)
    .where('legal_holds.record_type', '=', type)
    .where('legal_holds.record_id', '=', id)
    .where('legal_holds.released_at', 'is', null)
    .executeTakeFirst();
}

export async function listHolds(
  db: Db,
  orgId: string,
  ids?: readonly string[],
): Promise<HoldRow[]> {
  let query = holdsWithNames(db).where('legal_holds.org_id', '=', orgId);
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('legal_holds.id', 'in', ids);
  }
  // In force first (released_at null sorts differently on the two databases), newest first.
  return query
    .orderBy(sql`case when legal_holds.released_at is null then 0 else 1 end`)
    .orderBy('legal_holds.number', 'desc')
    .execute();
}

/** The record of a type kept the longest (the demo holds one). */
export async function findOldestRetained(
  db: Db,
  orgId: string,
  type: string,
): Promise<RetainedRecordsTable | undefined> {
  return db
    .selectFrom('retained_records')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('record_type', '=', type)
    .orderBy('kept_from')
    .orderBy('record_id')
    .executeTakeFirst();
}
