import { sessionHeaders } from './factories';
import type { Clinic, Preparation } from './preparations';
import type { TestApp } from './app';
import type { Clock } from '../../src/server/platform/clock';

const KEEPERS = ['owner', 'admin', 'security_officer', 'privacy_officer'];

/** Records a sanction about `personId`, decided by a keeper of sanctions other than `notBy`. */
async function recordFor(
  t: TestApp,
  clinic: Clinic,
  clock: Clock,
  personId: string,
  notBy: string,
): Promise<string> {
  const db = t.database.handle.db;
  const decider = clinic.people.find((p) => p.userId !== notBy && KEEPERS.includes(p.role));
  if (!decider) throw new Error('the clinic has two people who keep sanctions');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${clinic.orgId}/sanctions`,
    headers: await sessionHeaders(db, clock, decider.userId, clinic.orgId),
    payload: {
      personId,
      violation: 'Propped the records room door open.',
      severity: 'low',
      intent: 'unintentional',
      decision: 'Coaching',
      decidedOn: '2026-03-04',
    },
  });
  if (res.statusCode !== 201) throw new Error(`could not record a sanction: ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A roster person of the clinic: the one linked to `userId` (made if none), or a new one without an account. */
async function personOf(t: TestApp, clinic: Clinic, clock: Clock, asker: string, userId?: string) {
  const db = t.database.handle.db;
  if (userId) {
    const linked = await db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', clinic.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (linked) return linked.id;
  }
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${clinic.orgId}/people`,
    headers: await sessionHeaders(db, clock, asker, clinic.orgId),
    payload: { kind: 'employee', name: 'Sam Example', ...(userId ? { userId } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`could not add a person: ${res.body}`);
  return res.json<{ id: string }>().id;
}

// An HR sign-off needs a record not signed yet, decided by someone else than who signs it; an
// acknowledgement, a record not acknowledged yet, about the caller (their own) or about a person
// without an account (paper).
export const SANCTION_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/sanctions/:sanctionId/hr-sign-off': async (t, clinic, contract, clock) => {
    const signer = clinic.personFor(contract);
    const id = await recordFor(t, clinic, clock, clinic.id('personId'), signer.userId);
    return {
      headers: await sessionHeaders(t.database.handle.db, clock, signer.userId, clinic.orgId),
      id: (p, nth) => (p === 'sanctionId' ? id : clinic.id(p, nth)),
    };
  },
  'POST /api/orgs/:orgId/sanctions/:sanctionId/paper-acknowledgement': async (
    t,
    clinic,
    contract,
    clock,
  ) => {
    const recorder = clinic.personFor(contract);
    const personId = await personOf(t, clinic, clock, recorder.userId);
    const id = await recordFor(t, clinic, clock, personId, recorder.userId);
    return {
      headers: await sessionHeaders(t.database.handle.db, clock, recorder.userId, clinic.orgId),
      id: (p, nth) => (p === 'sanctionId' ? id : clinic.id(p, nth)),
    };
  },
  'POST /api/orgs/:orgId/my-sanctions/:sanctionId/acknowledgement': async (
    t,
    clinic,
    contract,
    clock,
  ) => {
    const subject = clinic.personFor(contract);
    const keeper = clinic.people.find(
      (p) => p.userId !== subject.userId && KEEPERS.includes(p.role),
    );
    if (!keeper) throw new Error('the clinic has a keeper of sanctions');
    const personId = await personOf(t, clinic, clock, keeper.userId, subject.userId);
    const id = await recordFor(t, clinic, clock, personId, subject.userId);
    return {
      headers: await sessionHeaders(t.database.handle.db, clock, subject.userId, clinic.orgId),
      id: (p, nth) => (p === 'sanctionId' ? id : clinic.id(p, nth)),
    };
  },
};
