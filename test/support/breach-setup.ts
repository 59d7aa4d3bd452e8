import { expect } from 'vitest';
import type { testApps } from './app';
import { buildMember, buildOrganization, testClock } from './factories';

type Json = Record<string, unknown>;

/**
 * A clinic in Chicago (a covered entity) with its two officials and an incident discovered on
 * 9 March 2026 in the clinic's zone, for the breach tests (issue 16 parts 3 and 5).
 */
export function breachSetUp(startApp: ReturnType<typeof testApps>) {
  return async function setUp() {
    const clock = testClock('2026-03-12T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db, { time_zone: 'America/Chicago' });
    await db
      .updateTable('organizations')
      .set({ entity_type: 'provider' })
      .where('id', '=', org.id)
      .execute();
    const so = await buildMember(db, clock, org.id, 'security_officer');
    const po = await buildMember(db, clock, org.id, 'privacy_officer');
    const call = async (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      headers: object,
      payload?: Json,
    ) => {
      const res = await t.app.inject({
        method,
        url: `/api/orgs/${org.id}${url}`,
        headers: headers as Record<string, string>,
        ...(payload ? { payload } : {}),
      });
      return { status: res.statusCode, body: res.body, json: () => res.json<Json>() };
    };
    // Discovered at 02:00 UTC on 10 March: still 9 March in Chicago, the organization's zone.
    const created = await call('POST', '/incidents', so.headers, {
      title: 'Laptop left on the bus',
      category: 'lost_device',
      discoveredAt: '2026-03-10T02:00:00.000Z',
    });
    expect(created.status).toBe(201);
    const incidentId = String(created.json().id);
    const path = `/incidents/${incidentId}`;
    return { t, db, clock, org, so, po, call, incidentId, path };
  };
}
