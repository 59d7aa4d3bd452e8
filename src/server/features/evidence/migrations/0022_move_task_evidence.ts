import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { isPostgres } from '../../../platform/db/dialect';

// Issue 14 leftovers. A released migration never changes: add another. Self-contained on purpose
// (no service code), so what it does cannot drift when the services change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await moveTaskEvidence(db);
  await db.schema.alterTable('tasks').dropColumn('evidence_url').execute();
  await keepUnregisteredEvidence(db);
}

interface Found {
  id: string;
}

/**
 * A completed task's evidence address (tasks.evidence_url) becomes an evidence item of kind link,
 * linked to the task, as migration 0019 did for the URL links: one item per organization and
 * address (an item 0019 made, or one recorded since, is reused), keeping the completion's time and
 * who completed it. Written by a migration, so without audit events (the trail's keys are not at
 * hand here).
 */
async function moveTaskEvidence(db: Kysely<unknown>): Promise<void> {
  const tasks = await sql<{
    id: string;
    org_id: string;
    number: number;
    title: string;
    evidence_url: string;
    completed_at: string | null;
    completed_by: string | null;
    updated_at: string;
  }>`select id, org_id, number, title, evidence_url, completed_at, completed_by, updated_at
     from tasks where evidence_url is not null order by org_id, number`.execute(db);
  for (const task of tasks.rows) {
    const at = task.completed_at ?? task.updated_at;
    const existing = await sql<Found>`select id from evidence_items
      where org_id = ${task.org_id} and kind = 'link' and url = ${task.evidence_url}
      order by number limit 1`.execute(db);
    let itemId = existing.rows[0]?.id;
    if (itemId === undefined) {
      itemId = uuidv7();
      const counter = await sql<{ last: number }>`
        insert into reference_counters (org_id, kind, last) values (${task.org_id}, 'evidence_item', 1)
        on conflict (org_id, kind) do update set last = reference_counters.last + 1
        returning last`.execute(db);
      const number = counter.rows[0]?.last ?? 1;
      // The register entry and the final retain-until come from keepUnregisteredEvidence below.
      await sql`insert into evidence_items
        (id, org_id, number, kind, title, description, url, retain_until, created_at, created_by, updated_at)
        values (${itemId}, ${task.org_id}, ${number}, 'link',
                ${`Completion of TASK-${task.number} ${task.title}`.slice(0, 200)}, '',
                ${task.evidence_url}, ${at.slice(0, 10)}, ${at}, ${task.completed_by}, ${at})`.execute(
        db,
      );
    }
    const linked = await sql<Found>`select id from record_links where org_id = ${task.org_id}
      and ((from_type = 'task' and from_id = ${task.id} and to_type = 'evidence' and to_id = ${itemId})
        or (from_type = 'evidence' and from_id = ${itemId} and to_type = 'task' and to_id = ${task.id}))`.execute(
      db,
    );
    if (linked.rows.length === 0) {
      await sql`insert into record_links
        (id, org_id, from_type, from_id, to_type, to_id, label, created_at, created_by)
        values (${uuidv7()}, ${task.org_id}, 'task', ${task.id}, 'evidence', ${itemId}, null,
                ${at}, ${task.completed_by})`.execute(db);
    }
  }
}

/** A calendar date (YYYY-MM-DD) of an instant in a time zone, as retention counts it. */
function calendarDateIn(timeZone: string, instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** A date plus whole years; 29 February becomes 28 February in a common year. */
function addYears(date: string, years: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year + years, month - 1, 1));
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * 164.316(b)(2)(i): every evidence item not yet in the retention register (those migration 0019
 * made before the register existed, and those above) enters it as keepRecordIn would enter it:
 * kept from its creation date in the organization's calendar, labelled "EV-n title", and its
 * retain-until is that date plus the organization's retention years, never earlier than before.
 */
async function keepUnregisteredEvidence(db: Kysely<unknown>): Promise<void> {
  const items = await sql<{
    id: string;
    org_id: string;
    number: number;
    title: string;
    retain_until: string;
    created_at: string;
    time_zone: string;
    years: number | null;
  }>`select e.id, e.org_id, e.number, e.title, e.retain_until, e.created_at, o.time_zone, s.years
     from evidence_items e
     join organizations o on o.id = e.org_id
     left join retention_settings s on s.org_id = e.org_id
     where not exists (select 1 from retained_records r where r.org_id = e.org_id
       and r.record_type = 'evidence' and r.record_id = ${sql.raw(castToText(db, 'e.id'))})
     order by e.org_id, e.number`.execute(db);
  const now = new Date().toISOString();
  for (const item of items.rows) {
    const keptFrom = calendarDateIn(item.time_zone, item.created_at);
    const computed = addYears(keptFrom, item.years ?? 6);
    const retainUntil = computed > item.retain_until ? computed : item.retain_until;
    await sql`insert into retained_records
      (org_id, record_type, record_id, opens_id, label, kept_from, updated_at)
      values (${item.org_id}, 'evidence', ${item.id}, ${item.id},
              ${`EV-${item.number} ${item.title}`}, ${keptFrom}, ${now})`.execute(db);
    if (retainUntil !== item.retain_until) {
      await sql`update evidence_items set retain_until = ${retainUntil}
        where id = ${item.id}`.execute(db);
    }
  }
}

/** `column` as text: retained_records.record_id is text, evidence_items.id a uuid on PostgreSQL. */
function castToText(db: Kysely<unknown>, column: string): string {
  return isPostgres(db) ? `${column}::text` : column;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The column comes back empty: its values live on as evidence items linked to their tasks.
  await db.schema.alterTable('tasks').addColumn('evidence_url', 'text').execute();
}
