import { describe, expect, it } from 'vitest';
import { freshDatabases, testDatabaseKind } from '../../../test/support/database';
import { buildMembership, buildOrganization, buildUser } from '../../../test/support/factories';
import { findPeopleNames, listLiveMembers } from './people-repository';

const freshDatabase = freshDatabases();

// One query each for what attestations, documents and the platform's "who else could act" read
// (issue 14: they were written three times over).
describe(`people of an organization on ${testDatabaseKind()}`, () => {
  it('lists the live members by name, leaving one out when asked', async () => {
    const db = (await freshDatabase()).handle.db;
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const ann = await buildUser(db, { name: 'Ann' });
    const bob = await buildUser(db, { name: 'Bob' });
    const cy = await buildUser(db, { name: 'Cy' });
    await buildMembership(db, org.id, bob.id, 'contributor');
    await buildMembership(db, org.id, ann.id, 'owner');
    await buildMembership(db, org.id, cy.id, 'workforce', '2026-01-01T00:00:00.000Z');
    await buildMembership(db, other.id, cy.id, 'owner');
    const now = '2026-06-01T00:00:00.000Z';
    expect(await listLiveMembers(db, org.id, now)).toEqual([
      { userId: ann.id, name: 'Ann', role: 'owner' },
      { userId: bob.id, name: 'Bob', role: 'contributor' },
    ]);
    expect((await listLiveMembers(db, org.id, now, ann.id)).map((m) => m.name)).toEqual(['Bob']);
    expect(
      (await listLiveMembers(db, org.id, '2025-12-31T00:00:00.000Z')).map((m) => m.name),
    ).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it("names the organization's members only, past ones included", async () => {
    const db = (await freshDatabase()).handle.db;
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const ann = await buildUser(db, { name: 'Ann' });
    const gone = await buildUser(db, { name: 'Gone' });
    const stranger = await buildUser(db, { name: 'Stranger' });
    await buildMembership(db, org.id, ann.id, 'owner');
    await buildMembership(db, org.id, gone.id, 'workforce', '2026-01-01T00:00:00.000Z');
    await buildMembership(db, other.id, stranger.id, 'owner');
    const names = await findPeopleNames(db, org.id, [ann.id, gone.id, stranger.id, ann.id]);
    expect(Object.fromEntries(names)).toEqual({ [ann.id]: 'Ann', [gone.id]: 'Gone' });
    expect(await findPeopleNames(db, org.id, [])).toEqual(new Map());
  });
});
