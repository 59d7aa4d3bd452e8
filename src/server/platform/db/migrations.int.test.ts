import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import { describeSchema } from './introspect';
import { allMigrations, migrateToEmpty, migrateToLatest, migrationState } from './migrator';

// db/migrations and every feature's own.
const migrations = await allMigrations();

const kind = testDatabaseKind();
const freshDatabase = freshDatabases();

describe(`migrations on ${kind}`, () => {
  it('produce the committed schema snapshot from an empty database', async () => {
    const database = await freshDatabase({ migrate: false });
    const applied = await migrateToLatest(database.handle.db);
    expect(applied).toEqual(Object.keys(migrations));
    const schema = await describeSchema(database.handle.db);
    // A change here is a schema change: review the diff, then run `npx vitest run -u` to accept it.
    await expect(schema).toMatchFileSnapshot(
      `../../db/schema-snapshots/${kind === 'sqlite' ? 'sqlite.sql' : 'postgres.txt'}`,
    );
  });

  it('report pending migrations before and none after', async () => {
    const database = await freshDatabase({ migrate: false });
    const names = Object.keys(migrations);
    expect(await migrationState(database.handle.db)).toMatchObject({
      applied: 0,
      pending: names.length,
      latest: null,
      current: false,
      pendingNames: names,
    });
    await migrateToLatest(database.handle.db);
    expect(await migrationState(database.handle.db)).toMatchObject({
      applied: names.length,
      pending: 0,
      latest: names.at(-1),
      current: true,
    });
    expect(await migrateToLatest(database.handle.db)).toEqual([]);
  });

  it('revert completely with their down steps and apply again', async () => {
    const database = await freshDatabase();
    await migrateToEmpty(database.handle.db);
    const tables = await database.handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual([]);
    await migrateToLatest(database.handle.db);
    expect(await migrationState(database.handle.db)).toMatchObject({ pending: 0 });
  });

  it('store instants so that they read back as the same ISO-8601 UTC strings', async () => {
    const database = await freshDatabase();
    const at = '2026-03-04T05:06:07.089Z';
    await database.handle.db
      .insertInto('instance')
      .values({ singleton: 1, id: '0190a6f2-0000-7000-8000-000000000001', created_at: at })
      .execute();
    const row = await database.handle.db
      .selectFrom('instance')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    const { rows } = await sql<{ n: number }>`select count(*) as n from instance`.execute(
      database.handle.db,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
