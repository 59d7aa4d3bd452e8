import { sql } from 'kysely';
import type { Db } from '../../platform/db/types';
import type { EvidenceItemsTable } from './tables';

// The only place that reads and writes evidence_items (issue 11: one owner per table).

export interface EvidenceItemRow extends EvidenceItemsTable {
  owner_name: string | null;
}

function withOwner(db: Db, orgId: string) {
  return db
    .selectFrom('evidence_items')
    .leftJoin('users', 'users.id', 'evidence_items.owner_id')
    .selectAll('evidence_items')
    .select('users.name as owner_name')
    .where('evidence_items.org_id', '=', orgId);
}

export async function insertEvidenceItem(trx: Db, row: EvidenceItemsTable): Promise<void> {
  await trx.insertInto('evidence_items').values(row).execute();
}

export async function updateEvidenceItem(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<EvidenceItemsTable>,
): Promise<void> {
  await trx
    .updateTable('evidence_items')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEvidenceItem(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('evidence_items').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The organization's first link item recording `url`, if any (one item per address). */
export async function findLinkItemByUrl(
  db: Db,
  orgId: string,
  url: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('evidence_items')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'link')
    .where('url', '=', url)
    .orderBy('number')
    .limit(1)
    .executeTakeFirst();
}

/** One record of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findEvidenceItem(
  db: Db,
  orgId: string,
  id: string,
): Promise<EvidenceItemRow | undefined> {
  return withOwner(db, orgId).where('evidence_items.id', '=', id).executeTakeFirst();
}

export async function listEvidenceItems(
  db: Db,
  orgId: string,
  filter: { kind?: 'file' | 'link' | undefined; staleBefore?: string; currentFrom?: string },
): Promise<EvidenceItemRow[]> {
  let query = withOwner(db, orgId);
  if (filter.kind) query = query.where('evidence_items.kind', '=', filter.kind);
  if (filter.staleBefore) query = query.where('evidence_items.refresh_on', '<', filter.staleBefore);
  if (filter.currentFrom) {
    const from = filter.currentFrom;
    query = query.where((eb) =>
      eb.or([
        eb('evidence_items.refresh_on', 'is', null),
        eb('evidence_items.refresh_on', '>=', from),
      ]),
    );
  }
  return query.orderBy('evidence_items.number').execute();
}

/** References and titles of the organization's items among `ids` (links, notifications). */
export async function findEvidenceTitles(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('evidence_items')
    .select(['id', 'number', 'title'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

/** Items whose refresh date falls in [from, to] (the stale-evidence sweep), by index. */
export async function listEvidenceDueForRefresh(db: Db, orgId: string, from: string, to: string) {
  return db
    .selectFrom('evidence_items')
    .select(['id', 'number', 'title', 'owner_id', 'refresh_on'])
    .where('org_id', '=', orgId)
    .where('refresh_on', '>=', from)
    .where('refresh_on', '<=', to)
    .where('owner_id', 'is not', null)
    .execute();
}

/** Every stored file's sealed key, for `custos keys rotate` (installation-wide, loudly named). */
export async function listAllSealedFileKeysUnscoped(db: Db) {
  return db
    .selectFrom('evidence_items')
    .select(['id', 'sealed_key'])
    .where('sealed_key', 'is not', null)
    .orderBy('id')
    .execute();
}

export async function setSealedFileKeyUnscoped(db: Db, id: string, sealedKey: string) {
  await db
    .updateTable('evidence_items')
    .set({ sealed_key: sealedKey })
    .where('id', '=', id)
    .execute();
}

/**
 * Stored files of one organization not checked end to end since `before` (or never), oldest check
 * first: what the integrity sweep reads next (scrub.ts).
 */
export async function listFilesDueForCheck(db: Db, orgId: string, before: string, limit: number) {
  return (
    db
      .selectFrom('evidence_items')
      .select([
        'id',
        'number',
        'title',
        'owner_id',
        'blob_key',
        'sealed_key',
        'file_sha256',
        'file_checked_at',
      ])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'file')
      .where('blob_key', 'is not', null)
      .where((eb) => eb.or([eb('file_checked_at', 'is', null), eb('file_checked_at', '<', before)]))
      // Never checked first on both databases (PostgreSQL sorts nulls last, SQLite first).
      .orderBy(sql`file_checked_at is null`, 'desc')
      .orderBy('file_checked_at')
      .orderBy('id')
      .limit(limit)
      .execute()
  );
}
