import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

// Removals need a record nothing depends on: the demo's departments have people and its people
// may manage others, so each removal pass first adds its own through the API.
const fresh =
  (
    path: 'people' | 'departments',
    param: 'personId' | 'departmentId',
    payload: object,
  ): Preparation =>
  async (t, clinic, contract, clock) => {
    const person = clinic.personFor(contract);
    const headers = await sessionHeaders(t.database.handle.db, clock, person.userId, clinic.orgId);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${clinic.orgId}/${path}`,
      headers,
      payload,
    });
    if (res.statusCode !== 201) throw new Error(`could not add to ${path}: ${res.body}`);
    const id = res.json<{ id: string }>().id;
    return { headers, id: (p, nth) => (p === param ? id : clinic.id(p, nth)) };
  };

export const PEOPLE_PREPARATIONS: Record<string, Preparation> = {
  'DELETE /api/orgs/:orgId/people/:personId': fresh('people', 'personId', {
    kind: 'volunteer',
    name: 'Added by mistake',
  }),
  'DELETE /api/orgs/:orgId/departments/:departmentId': fresh('departments', 'departmentId', {
    name: 'Pop-up vaccination clinic',
  }),
};
