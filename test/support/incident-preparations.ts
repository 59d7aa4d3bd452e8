import { sessionHeaders } from './factories';
import type { Preparation, Prepared } from './preparations';
import { todayIn } from '../../src/server/platform/time';

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
  (approve: boolean, then?: NoticeStep, facts: object = {}): Preparation =>
  (t, clinic, _contract, clock) =>
    prepareBreach(t, clinic, clock, approve, then, facts);

async function prepareBreach(
  t: Parameters<Preparation>[0],
  clinic: Parameters<Preparation>[1],
  clock: Parameters<Preparation>[3],
  approve: boolean,
  then?: NoticeStep,
  facts: object = {},
): Promise<Prepared> {
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
    payload: { ...COMPLETE_BREACH, facts: { ...COMPLETE_BREACH.facts, ...facts } },
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
  const ids: Record<string, string> = { incidentId };
  let body: unknown;
  if (then) {
    const today = todayIn('America/Chicago', clock.now());
    const step = await then({ t, base: `${base}/${incidentId}`, headers: approver, today });
    if (step.noticeId) ids.noticeId = step.noticeId;
    body = step.body;
  }
  return {
    headers: approver,
    id: (param, nth) => ids[param] ?? clinic.id(param, nth),
    ...(body === undefined ? {} : { body }),
  };
}

/** What a preparation does once the breach is approved: a notice to act on, a body to send. */
type NoticeStep = (s: {
  t: Parameters<Preparation>[0];
  base: string;
  headers: Record<string, string>;
  today: string;
}) => Promise<{ noticeId?: string; body?: unknown }>;

const hhsNotice = (today: string) => ({ kind: 'hhs', sentOn: today, channel: 'HHS breach portal' });

/** A notice recorded by the approver (who then calls the route: a fresh mistake is theirs). */
const withNotice =
  (body?: (today: string) => object, notice: (today: string) => object = hhsNotice): NoticeStep =>
  async ({ t, base, headers, today }) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/breach-notices`,
      headers,
      payload: notice(today),
    });
    if (res.statusCode !== 201) throw new Error(`could not record a notice: ${res.body}`);
    const noticeId = res.json<{ notice: { id: string } }>().notice.id;
    return { noticeId, ...(body ? { body: body(today) } : {}) };
  };

const TEXAS = { affectedTotal: 700, affectedByState: { TX: 700 } };
const NOTICE = 'PUT /api/orgs/:orgId/incidents/:incidentId/breach-notices/:noticeId';

export const BREACH_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/incidents/:incidentId/breach-notices': withDetermination(
    true,
    ({ today }) => Promise.resolve({ body: hhsNotice(today) }),
  ),
  [NOTICE]: withDetermination(
    true,
    withNotice((today) => ({ ...hhsNotice(today), reason: 'The portal shows another day.' })),
  ),
  [NOTICE.replace('PUT', 'DELETE')]: withDetermination(true, withNotice()),
  'PUT /api/orgs/:orgId/incidents/:incidentId/breach-unreachable': withDetermination(true),
  'PUT /api/orgs/:orgId/incidents/:incidentId/breach-media-notices/:state': withDetermination(
    true,
    undefined,
    TEXAS,
  ),
  'GET /api/orgs/:orgId/incidents/:incidentId/breach-media-notices/:state/media-notice.pdf':
    withDetermination(true, undefined, TEXAS),
  'GET /api/orgs/:orgId/incidents/:incidentId/breach-media-notices/:state/media-notice.docx':
    withDetermination(true, undefined, TEXAS),
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

/**
 * A breach with a notice recorded in a seeded clinic, so that the tenant passes find a notice of
 * each clinic (the demo has none). The notice reaches one person of 40, so its task stays open,
 * and a plain incident comes after it: the passes act on the newest records.
 */
export async function seedBreachNotice(
  t: Parameters<Preparation>[0],
  clinic: Parameters<Preparation>[1],
  clock: Parameters<Preparation>[3],
): Promise<void> {
  const oneLetter = (today: string) => ({ kind: 'individual_mail', sentOn: today, people: 1 });
  const { headers } = await prepareBreach(t, clinic, clock, true, withNotice(undefined, oneLetter));
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${clinic.orgId}/incidents`,
    headers,
    payload: { title: 'Badge reader offline', category: 'other' },
  });
  if (res.statusCode !== 201) throw new Error(`could not record an incident: ${res.body}`);
}
