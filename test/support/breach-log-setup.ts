import { expect } from 'vitest';
import type { TestApp } from './app';
import { buildMember, buildOrganization, sessionHeaders, testClock } from './factories';
import { COMPLETE_BREACH } from './incident-preparations';
import { testDeps } from './tenants';

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * An organization (a provider in Chicago) with a Security Official and a Privacy Official, and a
 * way to record approved breaches through the API (recorded by one, approved by the other).
 */
export async function breachLogSetUp(startApp: (o: object) => Promise<TestApp>, now: string) {
  const clock = testClock(now);
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { time_zone: 'America/Chicago' });
  await db
    .updateTable('organizations')
    .set({ entity_type: 'provider', security_official_id: null })
    .where('id', '=', org.id)
    .execute();
  const so = await buildMember(db, clock, org.id, 'security_officer');
  const po = await buildMember(db, clock, org.id, 'privacy_officer');
  await db
    .updateTable('organizations')
    .set({ security_official_id: so.user.id })
    .where('id', '=', org.id)
    .execute();
  const call = async (method: Method, url: string, headers: object, payload?: Json) => {
    const res = await t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's shape
      json: <T = Json>() => res.json<T>(),
    };
  };
  /** An incident discovered at `discoveredAt`, determined and approved with these facts. */
  const breach = async (
    title: string,
    discoveredAt: string,
    facts: { affectedTotal: number; affectedByState: Json; breachOccurredOn?: string },
    conclusion: Json = COMPLETE_BREACH.conclusion,
  ) => {
    const created = await call('POST', '/incidents', so.headers, {
      title,
      category: 'misdirected_communication',
      discoveredAt,
    });
    expect(created.status, created.body).toBe(201);
    const id = String(created.json().id);
    const saved = await call('PATCH', `/incidents/${id}/breach-determination`, so.headers, {
      ...COMPLETE_BREACH,
      facts: {
        ...COMPLETE_BREACH.facts,
        breachOccurredOn: discoveredAt.slice(0, 10),
        ...facts,
      },
      conclusion,
    });
    expect(saved.status, saved.body).toBe(200);
    const approved = await call(
      'POST',
      `/incidents/${id}/breach-determination/approve`,
      po.headers,
      {},
    );
    expect(approved.status, approved.body).toBe(200);
    return id;
  };
  /** New session headers at the clock's time (a moved clock ends idle sessions). */
  const fresh = (member: { user: { id: string } }) =>
    sessionHeaders(db, clock, member.user.id, org.id);
  return { t, db, clock, org, so, po, call, breach, fresh, deps: () => testDeps(t, clock) };
}
