import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

// The anonymous routes need a working link: each pass makes one through the API as the clinic's
// Security Official, then calls with its token and no session.
const withLink =
  (body: (token: string) => object): Preparation =>
  async (t, clinic, _contract, clock) => {
    const official = clinic.people.find((p) => p.role === 'security_officer');
    if (!official) throw new Error('the demo clinic has no Security Official');
    const headers = await sessionHeaders(
      t.database.handle.db,
      clock,
      official.userId,
      clinic.orgId,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${clinic.orgId}/incident-report-link`,
      headers,
    });
    if (res.statusCode !== 200) throw new Error(`could not make a reporting link: ${res.body}`);
    const token = res.json<{ token: string }>().token;
    return { headers: {}, body: body(token) };
  };

/** A complete determination of a breach, as the API takes it (the steps of issue 16 part 3). */
export const COMPLETE_BREACH = {
  phi: { involved: true, unsecured: true, rationale: 'The laptop was not encrypted.' },
  exclusion: { applies: null, facts: '' },
  factors: {
    nature: { rating: 'high', rationale: 'Names, dates of birth and diagnoses.' },
    recipient: { rating: 'high', rationale: 'Unknown person.' },
    acquired: { rating: 'medium', rationale: 'Not known whether it was opened.' },
    mitigation: { rating: 'high', rationale: 'Not recovered.' },
  },
  facts: {
    breachOccurredOn: '2026-01-01',
    affectedTotal: 40,
    affectedByState: { IL: 40 },
    lawEnforcementDelay: null,
  },
  conclusion: { lowProbability: false, rationale: 'No factor lowers the probability.' },
};

/**
 * A new incident with a complete determination recorded by the clinic's Privacy Official (so
 * the Security Official approves: four eyes), approved too when `approve` is set.
 */
const withDetermination =
  (approve: boolean): Preparation =>
  async (t, clinic, _contract, clock) => {
    const db = t.database.handle.db;
    const as = async (role: string) => {
      const person = clinic.people.find((p) => p.role === role);
      if (!person) throw new Error(`the demo clinic has no ${role}`);
      return sessionHeaders(db, clock, person.userId, clinic.orgId);
    };
    const recorder = await as('privacy_officer');
    const approver = await as('security_officer');
    const base = `/api/orgs/${clinic.orgId}/incidents`;
    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: recorder,
      payload: { title: 'Laptop stolen from a car', category: 'lost_device' },
    });
    const incidentId = created.json<{ id: string }>().id;
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${incidentId}/breach-determination`,
      headers: recorder,
      payload: COMPLETE_BREACH,
    });
    if (saved.statusCode !== 200) throw new Error(`could not record: ${saved.body}`);
    if (approve) {
      const approved = await t.app.inject({
        method: 'POST',
        url: `${base}/${incidentId}/breach-determination/approve`,
        headers: approver,
        payload: {},
      });
      if (approved.statusCode !== 200) throw new Error(`could not approve: ${approved.body}`);
    }
    return {
      headers: approver,
      id: (param, nth) => (param === 'incidentId' ? incidentId : clinic.id(param, nth)),
    };
  };

export const BREACH_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/incidents/:incidentId/breach-determination/approve':
    withDetermination(false),
  'POST /api/orgs/:orgId/incidents/:incidentId/breach-determinations': withDetermination(true),
};

export const INCIDENT_PREPARATIONS: Record<string, Preparation> = {
  ...BREACH_PREPARATIONS,
  'POST /api/anonymous-reports/lookup': withLink((token) => ({ token })),
  'POST /api/anonymous-reports': withLink((token) => ({
    token,
    title: 'Door propped open',
    whatHappened: 'Server room, every evening.',
  })),
};
