import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '../../../../test/support/database';
import { buildOrganization } from '../../../../test/support/factories';
import { prepared } from './prepared';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe(`prepared queries on ${testDatabaseKind()}`, () => {
  it('compile once and bind new values on every run, fixed values kept', async () => {
    const db = t.handle.db;
    const [a, b] = [await buildOrganization(db, { name: 'A' }), await buildOrganization(db)];
    let builds = 0;
    const named = prepared((kysely: typeof db, slot: (name: 'id' | 'other') => string) => {
      builds++;
      return kysely
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where((eb) => eb.or([eb('id', '=', slot('id')), eb('id', '=', slot('other'))]))
        .where('idle_timeout_minutes', '>', 0)
        .where('name', '!=', 'never')
        .orderBy('name');
    });
    expect(await named(db, { id: a.id, other: a.id })).toEqual([{ id: a.id, name: 'A' }]);
    expect(await named(db, { id: b.id, other: a.id })).toEqual(
      [a, b].map((o) => ({ id: o.id, name: o.name })).sort((x, y) => x.name.localeCompare(y.name)),
    );
    const none = '00000000-0000-7000-8000-000000000000';
    expect(await named(db, { id: none, other: none })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuse a slot written into the SQL text rather than bound', async () => {
    const inlined = prepared((kysely: typeof t.handle.db, slot: (name: 'name') => string) =>
      kysely
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', sql.lit(slot('name'))),
    );
    await expect(inlined(t.handle.db, { name: 'A' })).rejects.toThrow(/not a parameter/);
  });
});
