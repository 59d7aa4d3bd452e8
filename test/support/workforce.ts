import { expect } from 'vitest';
import type { testApps } from './app';
import { buildMember, buildOrganization, testClock } from './factories';

// The organization the workforce tests start from (src/server/features/workforce).

/** An organization in Chicago with a Security Official, an EHR (ePHI) and a laptop. */
export async function setUpWorkforce(startApp: ReturnType<typeof testApps>) {
  // 04:00 on 1 June in Chicago, the organization's zone.
  const clock = testClock('2026-06-01T09:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  await db
    .updateTable('organizations')
    .set({ security_official_id: officer.user.id })
    .where('id', '=', org.id)
    .execute();
  const base = `/api/orgs/${org.id}`;
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  const ehr = await call(officer, 'POST', '/assets', {
    kind: 'application',
    name: 'Riverside EHR',
    ephiRoles: ['creates', 'maintains'],
  });
  expect(ehr.statusCode).toBe(201);
  // A laptop holds ePHI too, but is collected, not an account to disable.
  await call(officer, 'POST', '/assets', {
    kind: 'workstation',
    name: 'Front desk laptop',
    ephiRoles: ['maintains'],
  });
  const addPerson = async (name: string, userId: string | null) => {
    const created = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name,
      startDate: '2024-01-08',
      ...(userId ? { userId } : {}),
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  };
  return {
    t,
    db,
    clock,
    org,
    officer,
    base,
    call,
    addPerson,
    ehrId: ehr.json<{ id: string }>().id,
  };
}

/** Open tasks whose title has `like`. */
export const openTasks = async (
  db: Awaited<ReturnType<typeof setUpWorkforce>>['db'],
  orgId: string,
  like: string,
) =>
  db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_on', 'owner_id', 'status'])
    .where('org_id', '=', orgId)
    .where('title', 'like', `%${like}%`)
    .where('status', '=', 'open')
    .execute();
