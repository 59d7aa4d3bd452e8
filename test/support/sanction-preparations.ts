import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

// An HR sign-off needs a record not signed yet, decided by someone else than who signs it.
export const SANCTION_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/sanctions/:sanctionId/hr-sign-off': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const signer = clinic.personFor(contract);
    const decider = clinic.people.find(
      (p) =>
        p.userId !== signer.userId &&
        ['owner', 'admin', 'security_officer', 'privacy_officer'].includes(p.role),
    );
    if (!decider) throw new Error('the clinic has two people who keep sanctions');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${clinic.orgId}/sanctions`,
      headers: await sessionHeaders(db, clock, decider.userId, clinic.orgId),
      payload: {
        personId: clinic.id('personId'),
        violation: 'Propped the records room door open.',
        severity: 'low',
        intent: 'unintentional',
        decision: 'Coaching',
        decidedOn: '2026-03-04',
      },
    });
    if (res.statusCode !== 201) throw new Error(`could not record a sanction: ${res.body}`);
    const id = res.json<{ id: string }>().id;
    return {
      headers: await sessionHeaders(db, clock, signer.userId, clinic.orgId),
      id: (p, nth) => (p === 'sanctionId' ? id : clinic.id(p, nth)),
    };
  },
};
