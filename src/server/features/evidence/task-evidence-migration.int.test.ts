import { Migrator, sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import { buildOrganization } from '../../../../test/support/factories';
import type { Database } from '../../db/schema';
import { allMigrations, migrateToLatest } from '../../platform/db/migrator';

const freshDatabase = freshDatabases();

async function migrateBefore(db: Kysely<Database>, name: string): Promise<void> {
  const all = await allMigrations();
  const before = Object.fromEntries(Object.entries(all).filter(([n]) => n < name));
  const result = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(before) },
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
}

async function insertTask(
  db: Kysely<Database>,
  orgId: string,
  number: number,
  evidenceUrl: string | null,
): Promise<string> {
  const id = uuidv7();
  // Raw SQL: the column is gone from the current schema's types.
  await sql`insert into tasks (id, org_id, number, title, description, due_key, status, priority,
      completion_note, evidence_url, completed_at, created_at, updated_at)
    values (${id}, ${orgId}, ${number}, ${`Review ${String(number)}`}, '', '9999-12-31', 'done',
      'medium', 'Done.', ${evidenceUrl}, '2026-02-03T04:05:06.000Z', '2026-01-01T00:00:00.000Z',
      '2026-02-03T04:05:06.000Z')`.execute(db);
  return id;
}

describe(`migration 0022 on ${testDatabaseKind()}`, () => {
  it('moves task evidence addresses into evidence items linked to their tasks, and registers every item', async () => {
    const database = await freshDatabase({ migrate: false });
    const db = database.handle.db;
    await migrateBefore(db, '0019');
    const org = await buildOrganization(db);
    const longer = await buildOrganization(db, { time_zone: 'Europe/Paris' });
    // A URL link that migration 0019 turns into EV-1 of `org`.
    await db
      .insertInto('record_links')
      .values({
        id: uuidv7(),
        org_id: org.id,
        from_type: 'safeguard',
        from_id: '164.308(a)(1)(ii)(A)',
        to_type: 'url',
        to_id: 'https://intranet.example/risk',
        label: 'Risk analysis',
        created_at: '2026-02-03T04:05:06.000Z',
        created_by: null,
      })
      .execute();
    await migrateBefore(db, '0022');
    await db
      .insertInto('retention_settings')
      .values({
        org_id: longer.id,
        years: 8,
        updated_at: '2026-01-01T00:00:00.000Z',
        updated_by: null,
      })
      .execute();
    const same = await insertTask(db, org.id, 1, 'https://intranet.example/risk');
    const fresh = await insertTask(db, org.id, 2, 'https://intranet.example/backups');
    await insertTask(db, org.id, 3, null);
    const theirs = await insertTask(db, longer.id, 1, 'https://intranet.example/risk');

    await migrateToLatest(db);

    const items = await db
      .selectFrom('evidence_items')
      .select(['id', 'org_id', 'number', 'kind', 'title', 'url', 'retain_until', 'created_at'])
      .orderBy('number')
      .execute();
    const mine = items.filter((i) => i.org_id === org.id);
    expect(
      mine.map(({ number, title, url, retain_until }) => [number, title, url, retain_until]),
    ).toEqual([
      // 0019's, kept until six years after its UTC date: never moved earlier.
      [1, 'Risk analysis', 'https://intranet.example/risk', '2032-02-03'],
      [2, 'Completion of TASK-2 Review 2', 'https://intranet.example/backups', '2032-02-02'],
    ]);
    const [risk, backups] = mine;
    const [their] = items.filter((i) => i.org_id === longer.id);
    // Eight years in Paris: 2026-02-03 05:05 there.
    expect(their).toMatchObject({ number: 1, kind: 'link', retain_until: '2034-02-03' });
    const links = await db
      .selectFrom('record_links')
      .select(['org_id', 'from_type', 'from_id', 'to_type', 'to_id'])
      .where('from_type', '=', 'task')
      .execute();
    const pairs = links.map((l) => `${l.from_id} → ${l.to_type} ${l.to_id}`).toSorted();
    expect(pairs).toEqual(
      [
        `${same} → evidence ${risk?.id}`,
        `${fresh} → evidence ${backups?.id}`,
        `${theirs} → evidence ${their?.id}`,
      ].toSorted(),
    );
    const kept = await db
      .selectFrom('retained_records')
      .select(['org_id', 'record_type', 'record_id', 'opens_id', 'label', 'kept_from'])
      .execute();
    expect(
      kept.toSorted(
        (x, y) => x.kept_from.localeCompare(y.kept_from) || x.label.localeCompare(y.label),
      ),
    ).toEqual([
      {
        org_id: org.id,
        record_type: 'evidence',
        record_id: risk?.id,
        opens_id: risk?.id,
        label: 'EV-1 Risk analysis',
        kept_from: '2026-02-02',
      },
      {
        org_id: org.id,
        record_type: 'evidence',
        record_id: backups?.id,
        opens_id: backups?.id,
        label: 'EV-2 Completion of TASK-2 Review 2',
        kept_from: '2026-02-02',
      },
      {
        org_id: longer.id,
        record_type: 'evidence',
        record_id: their?.id,
        opens_id: their?.id,
        label: 'EV-1 Completion of TASK-1 Review 1',
        kept_from: '2026-02-03',
      },
    ]);
    const counter = await db
      .selectFrom('reference_counters')
      .select('last')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'evidence_item')
      .executeTakeFirst();
    expect(counter?.last).toBe(2);
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'tasks')?.columns;
    expect(columns?.map((c) => c.name)).not.toContain('evidence_url');
  });
});
