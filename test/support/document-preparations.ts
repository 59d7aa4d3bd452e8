import type { Role } from '../../src/contracts/roles';
import type { Clock } from '../../src/server/platform/clock';
import type { TestApp } from './app';
import { sessionHeaders } from './factories';
import type { Clinic, Preparation } from './preparations';

// The states the documents operations need: each builds its own policy through the API, drafted
// by the contributor, submitted by them and approved by the Security Official (four eyes), so
// that the order the audit pass runs them in does not matter.

type Stage = 'draft' | 'in_review' | 'approved' | 'in_effect' | 'second_draft';
const ORDER: Stage[] = ['draft', 'in_review', 'approved', 'in_effect', 'second_draft'];

async function headersOf(t: TestApp, clinic: Clinic, clock: Clock, role: Role) {
  const person = clinic.people.find((p) => p.role === role);
  if (!person) throw new Error(`the demo clinic has no ${role}`);
  return sessionHeaders(t.database.handle.db, clock, person.userId, clinic.orgId);
}

async function policyAt(t: TestApp, clinic: Clinic, clock: Clock, stage: Stage) {
  const drafter = await headersOf(t, clinic, clock, 'contributor');
  const approver = await headersOf(t, clinic, clock, 'security_officer');
  const base = `/api/orgs/${clinic.orgId}/documents`;
  const send = async (headers: Record<string, string>, url: string, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `${base}${url}`, headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string; versions?: { id: string }[] }>();
  };
  const doc = await send(drafter, '', { title: `Prepared ${stage}`, kind: 'policy', body: 'x' });
  const first = doc.versions?.[0]?.id ?? '';
  let version = first;
  const reached = (s: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);
  if (reached('in_review')) await send(drafter, `/${doc.id}/versions/${first}/submit`);
  if (reached('approved')) await send(approver, `/${doc.id}/versions/${first}/approve`);
  if (reached('in_effect')) await send(approver, `/${doc.id}/versions/${first}/put-in-effect`);
  if (reached('second_draft')) version = (await send(drafter, `/${doc.id}/versions`)).id;
  return { documentId: doc.id, versionId: version };
}

const at =
  (stage: Stage, role?: Role): Preparation =>
  async (t, clinic, contract, clock) => {
    const ids = await policyAt(t, clinic, clock, stage);
    const person = role ? null : clinic.personFor(contract);
    return {
      headers: role
        ? await headersOf(t, clinic, clock, role)
        : await sessionHeaders(t.database.handle.db, clock, person?.userId ?? '', clinic.orgId),
      id: (param, nth) =>
        param === 'documentId'
          ? ids.documentId
          : param === 'versionId'
            ? ids.versionId
            : clinic.id(param, nth),
    };
  };

const path = '/api/orgs/:orgId/documents';
const version = `${path}/:documentId/versions/:versionId`;

/** Each documents operation that needs a state, by "METHOD path". */
export const DOCUMENT_PREPARATIONS: Record<string, Preparation> = {
  [`POST ${path}/:documentId/reviews`]: at('in_effect'),
  [`POST ${path}/:documentId/versions`]: at('in_effect'),
  [`PATCH ${version}`]: at('draft'),
  [`DELETE ${version}`]: at('second_draft'),
  [`DELETE ${path}/:documentId`]: at('draft'),
  [`POST ${version}/submit`]: at('draft'),
  [`POST ${version}/return`]: at('in_review'),
  // The contributor submitted: the Security Official approves (four eyes).
  [`POST ${version}/approve`]: at('in_review', 'security_officer'),
  [`POST ${version}/put-in-effect`]: at('approved'),
  [`POST ${version}/retire`]: at('in_effect'),
};
