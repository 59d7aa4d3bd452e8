import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { inList, prepared } from '../../platform/db/prepared';
import type { RecordLinksTable } from './tables';
import type { Db } from '../../platform/db/types';

type LinkType = RecordLinksTable['from_type'];

export async function insertLink(trx: Db, row: RecordLinksTable): Promise<void> {
  await trx.insertInto('record_links').values(row).execute();
}

export async function findLink(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findLinkBetween(
  db: Db,
  orgId: string,
  a: { type: LinkType; id: string },
  b: { type: LinkType; id: string },
) {
  return db
    .selectFrom('record_links')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('from_type', '=', a.type),
          eb('from_id', '=', a.id),
          eb('to_type', '=', b.type),
          eb('to_id', '=', b.id),
        ]),
        eb.and([
          eb('from_type', '=', b.type),
          eb('from_id', '=', b.id),
          eb('to_type', '=', a.type),
          eb('to_id', '=', a.id),
        ]),
      ]),
    )
    .executeTakeFirst();
}

export async function deleteLink(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('record_links').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Every link touching a record, from either end (one query per index, as in listLinksAmong). */
export async function listLinksOf(db: Db, orgId: string, type: LinkType, id: string) {
  const from = await db
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('from_type', '=', type)
    .where('from_id', '=', id)
    .execute();
  const to = await db
    .selectFrom('record_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('to_type', '=', type)
    .where('to_id', '=', id)
    .execute();
  const seen = new Set(from.map((l) => l.id));
  return [...from, ...to.filter((l) => !seen.has(l.id))].sort((x, y) =>
    x.created_at.localeCompare(y.created_at),
  );
}

type Slot = (name: 'orgId' | 'type' | 'ids' | 'otherTypes') => string;
const columns = ['from_type', 'from_id', 'to_type', 'to_id', 'created_at'] as const;
// One query per direction for all the other types: each probes its index once per id. Compiled
// once, the ids and types bound as lists.
const linksFrom = prepared((db: Kysely<Database>, slot: Slot) =>
  db
    .selectFrom('record_links')
    .select(columns)
    .where('org_id', '=', slot('orgId'))
    .where('from_type', '=', sql<LinkType>`${slot('type')}`)
    .where(inList(db, 'from_id', slot('ids')))
    .where(inList(db, 'to_type', slot('otherTypes'))),
);
const linksTo = prepared((db: Kysely<Database>, slot: Slot) =>
  db
    .selectFrom('record_links')
    .select(columns)
    .where('org_id', '=', slot('orgId'))
    .where('to_type', '=', sql<LinkType>`${slot('type')}`)
    .where(inList(db, 'to_id', slot('ids')))
    .where(inList(db, 'from_type', slot('otherTypes'))),
);

/**
 * Links between records of `type` (ids given) and any record of one of `otherTypes`, either direction.
 * Two queries, one per index: an OR of both directions lets SQLite fall back to scanning the
 * organization's links when its statistics are stale.
 */
export async function listLinksAmong(
  db: Db,
  orgId: string,
  type: LinkType,
  ids: readonly string[],
  otherTypes: readonly LinkType[],
) {
  if (ids.length === 0 || otherTypes.length === 0) return [];
  const values = { orgId, type, ids, otherTypes };
  const from = await linksFrom(db, values);
  const to = await linksTo(db, values);
  return [...from, ...to].sort((x, y) => x.created_at.localeCompare(y.created_at));
}

/** The ids of the organization's records of type `a` linked, either way, to any record of type `b`. */
export async function listIdsLinkedTo(
  db: Db,
  orgId: string,
  a: LinkType,
  b: LinkType,
): Promise<string[]> {
  const rows = await db
    .selectFrom('record_links')
    .select(['from_type', 'from_id', 'to_id'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('from_type', '=', a), eb('to_type', '=', b)]),
        eb.and([eb('from_type', '=', b), eb('to_type', '=', a)]),
      ]),
    )
    .execute();
  return rows.map((row) => (row.from_type === a ? row.from_id : row.to_id));
}
