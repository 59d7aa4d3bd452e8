import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

interface AssetJson {
  id: string;
  reference: string;
  name: string;
  holdsEphi: boolean;
  ephiRoles: string[];
  criticality: string;
  encryptionAtRest: string;
  owner: { name: string } | null;
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}/assets`;
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'POST',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: base + url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  return { ...t, db, clock, org, officer, auditor, call };
}

describe(`asset inventory on ${testDatabaseKind()}`, () => {
  it('adds assets with ePHI roles and protections, numbered per organization', async () => {
    const { call, officer } = await setUp();
    const ehr = await call(officer, 'POST', '', {
      kind: 'application',
      name: 'Hosted EHR',
      vendor: 'Acme Health',
      ephiRoles: ['creates', 'maintains', 'maintains', 'transmits'],
      recordCount: 42000,
      criticality: 'critical',
      encryptionAtRest: 'yes',
      ownerId: officer.user.id,
    });
    expect(ehr.statusCode).toBe(201);
    expect(ehr.json<AssetJson>()).toMatchObject({
      reference: 'ASSET-1',
      holdsEphi: true,
      ephiRoles: ['creates', 'maintains', 'transmits'],
      criticality: 'critical',
      encryptionAtRest: 'yes',
      owner: { name: officer.user.name },
    });
    const door = await call(officer, 'POST', '', { kind: 'facility', name: 'Server closet' });
    expect(door.json<AssetJson>()).toMatchObject({
      reference: 'ASSET-2',
      holdsEphi: false,
      criticality: 'moderate',
      encryptionAtRest: 'unknown',
    });
  });

  it('filters, searches and pages in SQL', async () => {
    const { call, officer } = await setUp();
    for (const [kind, name, roles] of [
      ['workstation', 'Front desk PC 1', ['creates']],
      ['workstation', 'Front desk PC 2', ['creates']],
      ['mobile_device', 'Dr. Lee iPad', ['receives']],
      ['network_device', 'Core switch', []],
      ['cloud_service', 'Backup vault', ['maintains']],
    ] as const) {
      await call(officer, 'POST', '', { kind, name, ephiRoles: roles, location: 'Main clinic' });
    }
    const names = async (query: string) =>
      (await call(officer, 'GET', query)).json<{ data: AssetJson[] }>().data.map((a) => a.name);
    expect(await names('?kind=workstation')).toEqual(['Front desk PC 1', 'Front desk PC 2']);
    expect(await names('?ephi=false')).toEqual(['Core switch']);
    expect(await names('?q=desk%202')).toEqual(['Front desk PC 2']);
    expect(await names('?q=100%25')).toEqual([]);
    const first = (await call(officer, 'GET', '?limit=2')).json<{
      data: AssetJson[];
      nextCursor: string;
    }>();
    const second = (await call(officer, 'GET', `?limit=2&cursor=${first.nextCursor}`)).json<{
      data: AssetJson[];
    }>();
    expect(second.data.map((a) => a.reference)).toEqual(['ASSET-3', 'ASSET-4']);
  });

  it('refuses bad input naming the field, and changes are audited', async () => {
    const { call, officer, db, org } = await setUp();
    const bad = await call(officer, 'POST', '', { kind: 'spaceship', name: '' });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json<{ error: { details: { path: string }[] } }>()
      .error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.name']));
    const created = (
      await call(officer, 'POST', '', { kind: 'server', name: 'File server' })
    ).json<AssetJson>();
    const changed = await call(officer, 'PATCH', `/${created.id}`, {
      encryptionAtRest: 'no',
      lifecycle: 'retired',
    });
    expect(changed.statusCode).toBe(200);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', org.id)
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['asset.created', 'asset.changed']);
    expect(JSON.parse(events[1]?.changes ?? '{}')).toMatchObject({
      encryptionAtRest: { before: 'unknown', after: 'no' },
      lifecycle: { before: 'active', after: 'retired' },
    });
  });

  it("auditors read but cannot add; another organization's asset is 404", async () => {
    const { call, officer, auditor, db, clock, app } = await setUp();
    const created = (
      await call(officer, 'POST', '', { kind: 'server', name: 'PACS' })
    ).json<AssetJson>();
    expect((await call(auditor, 'GET', `/${created.id}`)).statusCode).toBe(200);
    expect((await call(auditor, 'POST', '', { kind: 'server', name: 'x' })).statusCode).toBe(403);
    const other = await buildOrganization(db);
    const stranger = await buildMember(db, clock, other.id, 'owner');
    const response = await app.inject({
      url: `/api/orgs/${other.id}/assets/${created.id}`,
      headers: stranger.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});
