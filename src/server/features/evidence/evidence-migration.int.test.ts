import { Migrator } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import { buildOrganization } from '../../../../test/support/factories';
import { allMigrations, migrateToLatest } from '../../platform/db/migrator';

const freshDatabase = freshDatabases();

describe(`migration 0019 on ${testDatabaseKind()}`, () => {
  it('turns URL evidence links into evidence items of kind link, linked to the same records', async () => {
    const database = await freshDatabase({ migrate: false });
    const db = database.handle.db;
    const all = await allMigrations();
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0019'));
    const migrated = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const link = (
      orgId: string,
      fromType: 'safeguard' | 'task',
      fromId: string,
      url: string,
      label: string | null,
    ) => ({
      id: uuidv7(),
      org_id: orgId,
      from_type: fromType,
      from_id: fromId,
      to_type: 'url' as const,
      to_id: url,
      label,
      created_at: '2026-02-03T04:05:06.000Z',
      created_by: null,
    });
    const taskId = uuidv7();
    await db
      .insertInto('record_links')
      .values([
        link(
          org.id,
          'safeguard',
          '164.312(a)(2)(iv)',
          'https://intranet.example/bitlocker',
          'BitLocker report',
        ),
        link(org.id, 'task', taskId, 'https://intranet.example/bitlocker', null),
        link(org.id, 'safeguard', '164.308(a)(7)(ii)(A)', 'https://intranet.example/backups', null),
        link(
          other.id,
          'safeguard',
          '164.312(a)(2)(iv)',
          'https://intranet.example/bitlocker',
          'Theirs',
        ),
      ])
      .execute();

    await migrateToLatest(db);

    const items = await db
      .selectFrom('evidence_items')
      .select(['id', 'org_id', 'number', 'kind', 'title', 'url', 'retain_until', 'created_at'])
      .orderBy('org_id')
      .orderBy('number')
      .execute();
    const mine = items.filter((i) => i.org_id === org.id);
    expect(
      mine.map(({ number, kind, title, url, retain_until }) => ({
        number,
        kind,
        title,
        url,
        retain_until,
      })),
    ).toEqual([
      {
        number: 1,
        kind: 'link',
        title: 'BitLocker report',
        url: 'https://intranet.example/bitlocker',
        retain_until: '2032-02-03',
      },
      {
        number: 2,
        kind: 'link',
        title: 'https://intranet.example/backups',
        url: 'https://intranet.example/backups',
        retain_until: '2032-02-03',
      },
    ]);
    expect(items.filter((i) => i.org_id === other.id).map((i) => i.title)).toEqual(['Theirs']);
    const links = await db
      .selectFrom('record_links')
      .select(['org_id', 'from_type', 'from_id', 'to_type', 'to_id'])
      .where('org_id', '=', org.id)
      .execute();
    expect(links.every((l) => l.to_type === 'evidence')).toBe(true);
    const [bitlocker, backups] = mine;
    const pairs = (list: (string | undefined)[][]) => list.map((p) => p.join(' → ')).toSorted();
    expect(pairs(links.map((l) => [l.from_id, l.to_id]))).toEqual(
      pairs([
        ['164.308(a)(7)(ii)(A)', backups?.id],
        ['164.312(a)(2)(iv)', bitlocker?.id],
        [taskId, bitlocker?.id],
      ]),
    );
    const counter = await db
      .selectFrom('reference_counters')
      .select('last')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'evidence_item')
      .executeTakeFirst();
    expect(counter?.last).toBe(2);
  });
});
