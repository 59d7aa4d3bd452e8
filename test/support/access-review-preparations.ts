import { sessionHeaders } from './factories';
import type { Clinic, Preparation } from './preparations';
import type { TestApp } from './app';
import type { Clock } from '../../src/server/platform/clock';

const EXPORT =
  'account,person,access_level\n' +
  'dwhitfield,dana@riverside-clinic.example,Administrator\n' +
  'temp01,Agency Locum,Clinician\n';

/** A new open review of the clinic's newest asset, its reviewer the person acting. */
async function freshReview(
  t: TestApp,
  clinic: Clinic,
  headers: Record<string, string>,
  accounts: boolean,
): Promise<{ reviewId: string; itemIds: string[] }> {
  const base = `/api/orgs/${clinic.orgId}/access-reviews`;
  const created = await t.app.inject({
    method: 'POST',
    url: base,
    headers,
    payload: {
      assetId: clinic.id('assetId'),
      periodStart: '2026-03-01',
      periodEnd: '2026-05-31',
      dueOn: '2026-06-15',
    },
  });
  if (created.statusCode !== 201) throw new Error(`could not start a review: ${created.body}`);
  const reviewId = created.json<{ id: string }>().id;
  if (!accounts) return { reviewId, itemIds: [] };
  const imported = await t.app.inject({
    method: 'POST',
    url: `${base}/${reviewId}/accounts?mode=commit`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: EXPORT,
  });
  if (imported.statusCode !== 200) throw new Error(`could not import: ${imported.body}`);
  const read = await t.app.inject({ url: `${base}/${reviewId}`, headers });
  return { reviewId, itemIds: read.json<{ items: { id: string }[] }>().items.map((i) => i.id) };
}

/** The owner acts: they manage reviews and, as a review's reviewer, decide and complete it. */
async function ownerHeaders(t: TestApp, clinic: Clinic, clock: Clock) {
  const owner = clinic.people.find((p) => p.role === 'owner');
  if (!owner) throw new Error('the clinic has an owner');
  return sessionHeaders(t.database.handle.db, clock, owner.userId, clinic.orgId);
}

// Imports, decisions and completion need an open review of their own (the demo's may be changed
// by another pass); a report needs a completed one; a revocation a grant still in effect.
export const ACCESS_REVIEW_PREPARATIONS: Record<string, Preparation> = {
  'POST /api/orgs/:orgId/access-reviews/:accessReviewId/accounts': async (t, clinic, _c, clock) => {
    const headers = await ownerHeaders(t, clinic, clock);
    const { reviewId } = await freshReview(t, clinic, headers, false);
    return { headers, id: (p, nth) => (p === 'accessReviewId' ? reviewId : clinic.id(p, nth)) };
  },
  'PUT /api/orgs/:orgId/access-reviews/:accessReviewId/items/:accessItemId/decision': async (
    t,
    clinic,
    _c,
    clock,
  ) => {
    const headers = await ownerHeaders(t, clinic, clock);
    const { reviewId, itemIds } = await freshReview(t, clinic, headers, true);
    return {
      headers,
      id: (p, nth) =>
        p === 'accessReviewId'
          ? reviewId
          : p === 'accessItemId'
            ? (itemIds[0] ?? '')
            : clinic.id(p, nth),
    };
  },
  'POST /api/orgs/:orgId/access-reviews/:accessReviewId/completion': async (
    t,
    clinic,
    _c,
    clock,
  ) => {
    const headers = await ownerHeaders(t, clinic, clock);
    const { reviewId, itemIds } = await freshReview(t, clinic, headers, true);
    for (const itemId of itemIds) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/orgs/${clinic.orgId}/access-reviews/${reviewId}/items/${itemId}/decision`,
        headers,
        payload: { decision: 'revoke', comment: 'Not needed.' },
      });
      if (res.statusCode !== 200) throw new Error(`could not decide: ${res.body}`);
    }
    return { headers, id: (p, nth) => (p === 'accessReviewId' ? reviewId : clinic.id(p, nth)) };
  },
  'GET /api/orgs/:orgId/access-reviews/:accessReviewId/report.pdf': async (
    t,
    clinic,
    _c,
    clock,
  ) => {
    const row = await t.database.handle.db
      .selectFrom('access_reviews')
      .select('id')
      .where('org_id', '=', clinic.orgId)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    return {
      headers: await ownerHeaders(t, clinic, clock),
      id: (p, nth) => (p === 'accessReviewId' ? row.id : clinic.id(p, nth)),
    };
  },
  'POST /api/orgs/:orgId/access-grants/:accessGrantId/revocation': async (t, clinic, _c, clock) => {
    const row = await t.database.handle.db
      .selectFrom('access_grants')
      .select('id')
      .where('org_id', '=', clinic.orgId)
      .where('revoked_on', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      headers: await ownerHeaders(t, clinic, clock),
      id: (p, nth) => (p === 'accessGrantId' ? row.id : clinic.id(p, nth)),
    };
  },
};
