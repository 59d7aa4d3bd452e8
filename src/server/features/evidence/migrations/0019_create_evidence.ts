import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { columnTypes } from '../../../platform/db/dialect';

// The evidence vault (issue 14): files and links with their dates. A released migration never
// changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('file', 'link')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('file_type', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('blob_key', 'text', (c) => c.unique())
    .addColumn('sealed_key', 'text')
    .addColumn('collected_on', t.date)
    .addColumn('effective_from', t.date)
    .addColumn('effective_to', t.date)
    .addColumn('refresh_on', t.date)
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('retain_until', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('evidence_items_org_number_unique', ['org_id', 'number'])
    // A file has every file column, a link its address and none of them.
    .addCheckConstraint(
      'evidence_items_kind_fields',
      sql`(kind = 'file' and url is null and file_name is not null and file_size is not null and file_type is not null and file_sha256 is not null and blob_key is not null and sealed_key is not null) or (kind = 'link' and url is not null and file_name is null and blob_key is null and sealed_key is null)`,
    )
    .execute();
  // The stale-evidence sweep reads by refresh date.
  await db.schema
    .createIndex('evidence_items_org_refresh_idx')
    .on('evidence_items')
    .columns(['org_id', 'refresh_on'])
    .execute();
  await moveUrlLinks(db);
}

/**
 * The program's URL evidence (record_links to a `url`) becomes evidence items of kind link, linked
 * to the same records. One item per organization and address, however many records named it.
 * Written by the migration, so without audit events (the trail's keys are not at hand here); the
 * items keep the link's creation time and creator.
 */
async function moveUrlLinks(db: Kysely<unknown>): Promise<void> {
  const links = await sql<{
    id: string;
    org_id: string;
    from_type: string;
    from_id: string;
    to_id: string;
    label: string | null;
    created_at: string;
    created_by: string | null;
  }>`select id, org_id, from_type, from_id, to_id, label, created_at, created_by
     from record_links where to_type = 'url' and from_type <> 'url' order by org_id, created_at, id`.execute(
    db,
  );
  const items = new Map<string, string>();
  for (const link of links.rows) {
    const key = `${link.org_id} ${link.to_id}`;
    let itemId = items.get(key);
    if (itemId === undefined) {
      itemId = uuidv7();
      items.set(key, itemId);
      const counter = await sql<{ last: number }>`
        insert into reference_counters (org_id, kind, last) values (${link.org_id}, 'evidence_item', 1)
        on conflict (org_id, kind) do update set last = reference_counters.last + 1
        returning last`.execute(db);
      const number = counter.rows[0]?.last ?? 1;
      const createdAt = link.created_at;
      const created = createdAt.slice(0, 10);
      const retainUntil = `${String(Number(created.slice(0, 4)) + 6).padStart(4, '0')}${created.slice(4)}`;
      await sql`insert into evidence_items
        (id, org_id, number, kind, title, description, url, retain_until, created_at, created_by, updated_at)
        values (${itemId}, ${link.org_id}, ${number}, 'link', ${(link.label ?? link.to_id).slice(0, 200)}, '',
                ${link.to_id}, ${retainUntil.replace('-02-29', '-03-01')}, ${createdAt}, ${link.created_by}, ${createdAt})`.execute(
        db,
      );
    }
    await sql`update record_links set to_type = 'evidence', to_id = ${itemId}, label = null
      where id = ${link.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_items').execute();
}
