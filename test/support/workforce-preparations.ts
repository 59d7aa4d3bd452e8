import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

// Starting and ending employment work on a person of their own: the demo's people have dates an
// example's dates may not fit, and an end of employment is taken back only once it was recorded.
const freshPerson =
  (ended: boolean): Preparation =>
  async (t, clinic, contract, clock) => {
    const person = clinic.personFor(contract);
    const headers = await sessionHeaders(t.database.handle.db, clock, person.userId, clinic.orgId);
    const base = `/api/orgs/${clinic.orgId}/people`;
    const res = await t.app.inject({
      method: 'POST',
      url: base,
      headers,
      payload: { kind: 'employee', name: 'Leaving soon', startDate: '2020-01-06' },
    });
    if (res.statusCode !== 201) throw new Error(`could not add a person: ${res.body}`);
    const id = res.json<{ id: string }>().id;
    if (ended) {
      const end = await t.app.inject({
        method: 'POST',
        url: `${base}/${id}/termination`,
        headers,
        payload: { endDate: '2026-02-27', reason: 'resigned' },
      });
      if (end.statusCode !== 200) throw new Error(`could not end employment: ${end.body}`);
    }
    return { headers, id: (p, nth) => (p === 'personId' ? id : clinic.id(p, nth)) };
  };

export const WORKFORCE_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/people/:personId/onboarding': freshPerson(false),
  'POST /api/orgs/:orgId/people/:personId/termination': freshPerson(false),
  'DELETE /api/orgs/:orgId/people/:personId/termination': freshPerson(true),
};
