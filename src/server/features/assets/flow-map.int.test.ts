import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

interface Layout {
  positions: { assetId: string; x: number; y: number }[];
  savedAt: string | null;
  savedBy: string | null;
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const asset = async (name: string) =>
    (await call(officer, 'POST', '/assets', { kind: 'server', name })).json<{ id: string }>().id;
  return { ...t, db, clock, org, officer, auditor, call, asset };
}

describe(`the data-flow map's layout on ${testDatabaseKind()}`, () => {
  it('saves where assets were placed, for the organization, audited, and resets', async () => {
    const { call, officer, auditor, asset, db, org } = await setUp();
    const [files, fax] = [await asset('File server'), await asset('Fax server')];
    const never = (await call(auditor, 'GET', '/data-flow-map/layout')).json<Layout>();
    expect(never).toEqual({ positions: [], savedAt: null, savedBy: null });

    const saved = await call(officer, 'PUT', '/data-flow-map/layout', {
      positions: [
        { assetId: files, x: 240, y: -40 },
        { assetId: fax, x: 0, y: 120 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    // What one member placed, every member sees (the auditor too).
    const seen = (await call(auditor, 'GET', '/data-flow-map/layout')).json<Layout>();
    expect(seen.positions).toEqual(
      expect.arrayContaining([
        { assetId: files, x: 240, y: -40 },
        { assetId: fax, x: 0, y: 120 },
      ]),
    );
    expect(seen.savedBy).toBe(officer.user.name);
    expect(seen.savedAt).not.toBeNull();

    const reset = await call(officer, 'PUT', '/data-flow-map/layout', { positions: [] });
    expect(reset.json<Layout>().positions).toEqual([]);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'entity_id'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'data_flow_map.layout_saved')
      .orderBy('seq')
      .execute();
    expect(events.map((e): unknown => JSON.parse(e.changes ?? '{}'))).toEqual([
      { placedAssets: { before: 0, after: 2 } },
      { placedAssets: { before: 2, after: 0 } },
    ]);
    expect(events[0]?.entity_id).toBe(org.id);
  });

  it('refuses fractions, an asset twice, and assets of another organization, naming the field', async () => {
    const { call, officer, asset, db, clock, app } = await setUp();
    const files = await asset('File server');
    const fraction = await call(officer, 'PUT', '/data-flow-map/layout', {
      positions: [{ assetId: files, x: 1.5, y: 0 }],
    });
    expect(fraction.statusCode).toBe(400);
    const twice = await call(officer, 'PUT', '/data-flow-map/layout', {
      positions: [
        { assetId: files, x: 1, y: 0 },
        { assetId: files, x: 2, y: 0 },
      ],
    });
    expect(twice.json<{ error: { details: { path: string }[] } }>().error.details).toEqual([
      expect.objectContaining({ path: 'body.positions.1.assetId' }),
    ]);

    const other = await buildOrganization(db);
    const stranger = await buildMember(db, clock, other.id, 'owner');
    const foreign = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${other.id}/data-flow-map/layout`,
      headers: stranger.headers,
      payload: { positions: [{ assetId: files, x: 0, y: 0 }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (
        await app.inject({
          url: `/api/orgs/${other.id}/data-flow-map/layout`,
          headers: stranger.headers,
        })
      ).json<Layout>().positions,
    ).toEqual([]);
  });

  it('lets readers look and only editors save', async () => {
    const { call, auditor, app, org } = await setUp();
    expect(
      (await call(auditor, 'PUT', '/data-flow-map/layout', { positions: [] })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: `/api/orgs/${org.id}/data-flow-map/layout` })).statusCode).toBe(
      401,
    );
  });
});
