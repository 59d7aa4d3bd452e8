import type { RouteContract } from '../../src/contracts/route';
import type { Role } from '../../src/contracts/roles';
import type { Clock } from '../../src/server/platform/clock';
import type { TestApp } from './app';
import { ACCESS_REVIEW_PREPARATIONS } from './access-review-preparations';
import { ATTESTATION_PREPARATIONS } from './attestation-preparations';
import { AUTH_PREPARATIONS } from './auth-preparations';
import { DOCUMENT_PREPARATIONS } from './document-preparations';
import { INCIDENT_PREPARATIONS } from './incident-preparations';
import { PEOPLE_PREPARATIONS } from './people-preparations';
import { TRAINING_PREPARATIONS } from './training-preparations';
import { SANCTION_PREPARATIONS } from './sanction-preparations';
import { WORKFORCE_PREPARATIONS } from './workforce-preparations';
import { sessionHeaders } from './factories';
import { testDeps } from './tenants';
import { keepRecordIn } from '../../src/server/features/retention/service';
import { v7 as uuidv7 } from 'uuid';

/** A seeded demo clinic, with a record id of each declared kind and who may call what. */
export interface Clinic {
  orgId: string;
  people: { name: string; email: string; role: Role; userId: string }[];
  ids: Map<string, string[]>;
  /** The id of the organization's record a path parameter names (`riskId`), or a shared id. */
  id: (param: string, nth?: number) => string;
  /** A person of the clinic whose role holds the contract's permission. */
  personFor: (contract: RouteContract) => { userId: string; email: string; role: Role };
}

/** How an operation is called in the audit pass: headers, and ids or a body other than the example. */
export interface Prepared {
  headers: Record<string, string>;
  id?: (param: string, nth?: number) => string;
  body?: unknown;
}

export type Preparation = (
  t: TestApp,
  clinic: Clinic,
  contract: RouteContract,
  clock: Clock,
) => Promise<Prepared>;

/**
 * Operations that need a state the demo clinic does not have (an assessment in review, a pending
 * sign-in, a reset token), keyed by "METHOD path". Everything else is called with its contract's
 * example as a person whose role holds its permission.
 */
export const PREPARATIONS: Record<string, Preparation> = {
  ...AUTH_PREPARATIONS,
  ...ATTESTATION_PREPARATIONS,
  ...DOCUMENT_PREPARATIONS,
  ...PEOPLE_PREPARATIONS,
  ...TRAINING_PREPARATIONS,
  ...WORKFORCE_PREPARATIONS,
  ...SANCTION_PREPARATIONS,
  ...INCIDENT_PREPARATIONS,
  ...ACCESS_REVIEW_PREPARATIONS,
  // Approval needs an assessment in review, submitted by someone else than the approver.
  'POST /api/orgs/:orgId/risk-assessments/:assessmentId/approve': async (
    t,
    clinic,
    contract,
    clock,
  ) => {
    const db = t.database.handle.db;
    const submitter = clinic.people.find((p) => p.role === 'admin') ?? clinic.personFor(contract);
    // Nobody who ever submitted it may approve (four eyes): the owner ran the submit pass, so the
    // Security Official approves.
    const approver =
      clinic.people.find((p) => p.role === 'security_officer') ?? clinic.personFor(contract);
    const url = `/api/orgs/${clinic.orgId}/risk-assessments/${clinic.id('assessmentId')}/submit`;
    const submitted = await t.app.inject({
      method: 'POST',
      url,
      headers: await sessionHeaders(db, clock, submitter.userId, clinic.orgId),
      // The demo's draft leaves guided pairs open: acknowledged, as a person would.
      payload: { acknowledgeIncomplete: true },
    });
    if (submitted.statusCode !== 200) {
      throw new Error(`could not submit for approval: ${submitted.statusCode} ${submitted.body}`);
    }
    return { headers: await sessionHeaders(db, clock, approver.userId, clinic.orgId) };
  },
  // Withdrawing a negligible judgement needs one in an assessment still open: by the time removals
  // run, the demo's draft has been approved, so a new assessment takes a judgement first.
  'DELETE /api/orgs/:orgId/risk-assessments/:assessmentId/negligible-pairs/:negligiblePairId':
    async (t, clinic, contract, clock) => {
      const person = clinic.personFor(contract);
      const headers = await sessionHeaders(
        t.database.handle.db,
        clock,
        person.userId,
        clinic.orgId,
      );
      const base = `/api/orgs/${clinic.orgId}/risk-assessments`;
      const created = await t.app.inject({
        method: 'POST',
        url: base,
        headers,
        payload: { title: 'Scoped review: fax server' },
      });
      const assessmentId = created.json<{ id: string }>().id;
      // A pair the guided path offers (only those can be judged).
      const offered = await t.app.inject({ url: `${base}/${assessmentId}/candidates`, headers });
      const [pair] = offered.json<{ data: { asset: { id: string }; threat: { id: string } }[] }>()
        .data;
      if (!pair) throw new Error(`the guided path offers no pair: ${offered.body}`);
      const judged = await t.app.inject({
        method: 'POST',
        url: `${base}/${assessmentId}/negligible-pairs`,
        headers,
        payload: { assetId: pair.asset.id, threatId: pair.threat.id, reason: 'On a UPS' },
      });
      if (judged.statusCode !== 200) {
        throw new Error(`could not judge a pair: ${judged.statusCode} ${judged.body}`);
      }
      const negligiblePairId = judged.json<{ id: string }>().id;
      const ids: Record<string, string> = { assessmentId, negligiblePairId };
      return { headers, id: (param, nth) => ids[param] ?? clinic.id(param, nth) };
    },
  // A hold needs a kept record without one: the demo's approved analysis is held already.
  'POST /api/orgs/:orgId/legal-holds': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const recordId = uuidv7();
    await db.transaction().execute((trx) =>
      keepRecordIn(trx, testDeps(t, clock), clinic.orgId, {
        type: 'evidence',
        id: recordId,
        label: 'Backup restore log',
        createdAt: clock.now().toISOString(),
      }),
    );
    const person = clinic.personFor(contract);
    return {
      headers: await sessionHeaders(db, clock, person.userId, clinic.orgId),
      body: { recordType: 'evidence', recordId, reason: 'Complaint inquiry' },
    };
  },
  // A notification is its recipient's alone: marked read by them.
  'POST /api/orgs/:orgId/notifications/:notificationId/read': async (
    t,
    clinic,
    _contract,
    clock,
  ) => {
    const db = t.database.handle.db;
    const notification = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('org_id', '=', clinic.orgId)
      .where('id', '=', clinic.id('notificationId'))
      .executeTakeFirstOrThrow();
    return { headers: await sessionHeaders(db, clock, notification.user_id, clinic.orgId) };
  },
  // A download needs an item that is a file (the demo has links too).
  'GET /api/orgs/:orgId/evidence/:evidenceItemId/file': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const person = clinic.personFor(contract);
    const file = await db
      .selectFrom('evidence_items')
      .select('id')
      .where('org_id', '=', clinic.orgId)
      .where('kind', '=', 'file')
      .executeTakeFirstOrThrow();
    return {
      headers: await sessionHeaders(db, clock, person.userId, clinic.orgId),
      id: (param, nth) => (param === 'evidenceItemId' ? file.id : clinic.id(param, nth)),
    };
  },
  // A link of its own: removing an evidence item or a policy (earlier in the pass) takes its links.
  'DELETE /api/orgs/:orgId/links/:linkId': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const person = clinic.personFor(contract);
    const id = uuidv7();
    await db
      .insertInto('record_links')
      .values({
        id,
        org_id: clinic.orgId,
        from_type: 'safeguard',
        from_id: '164.310(d)(2)(iii)',
        to_type: 'task',
        to_id: clinic.id('taskId'),
        label: null,
        created_at: clock.now().toISOString(),
        created_by: person.userId,
      })
      .execute();
    return {
      headers: await sessionHeaders(db, clock, person.userId, clinic.orgId),
      id: (param, nth) => (param === 'linkId' ? id : clinic.id(param, nth)),
    };
  },
  // Removal waits for the end of retention (six years): an item whose date has passed.
  'DELETE /api/orgs/:orgId/evidence/:evidenceItemId': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const person = clinic.personFor(contract);
    const id = clinic.id('evidenceItemId');
    await db
      .updateTable('evidence_items')
      .set({ retain_until: '2000-01-01' })
      .where('org_id', '=', clinic.orgId)
      .where('id', '=', id)
      .execute();
    await db
      .updateTable('retained_records')
      .set({ kept_from: '1990-01-01' })
      .where('org_id', '=', clinic.orgId)
      .where('record_id', '=', id)
      .execute();
    return { headers: await sessionHeaders(db, clock, person.userId, clinic.orgId) };
  },
};
