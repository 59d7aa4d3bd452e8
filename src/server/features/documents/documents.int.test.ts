import { describe, expect, it } from 'vitest';
import type { Document, DocumentDetail, Version } from '../../../contracts/documents';
import { documentsRoutes } from '../../../contracts/documents';
import type { RetainedRecord } from '../../../contracts/retention';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { versionHash } from './canonical';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([documentsRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const drafter = await buildMember(db, clock, org.id, 'contributor');
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const owner = await buildMember(db, clock, org.id, 'owner');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const workforce = await buildMember(db, clock, org.id, 'workforce');
  const base = `/api/orgs/${org.id}/documents`;
  const call = async (
    who: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return { t, db, clock, org, drafter, official, owner, auditor, workforce, base, call };
}

describe(`policies on ${testDatabaseKind()}`, () => {
  it('go draft → review → approved → in effect, with four eyes and a hash', async () => {
    const { t, org, drafter, official, owner, auditor, workforce, call } = await setUp();
    // 164.316(b)(2)(i): the register keeps a version in effect "while in effect, then the years".
    const kept = async (id: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/orgs/${org.id}/retention/records`,
        headers: auditor.headers,
      });
      const row = res.json<{ data: RetainedRecord[] }>().data.find((r) => r.recordId === id);
      return [row?.inEffect, row?.retainUntil];
    };
    const created = await call(drafter, 'POST', '', {
      title: 'Access control',
      kind: 'policy',
      category: 'Technical safeguards',
      requirements: ['164.312(a)(1)', '164.312(a)(2)(i)'],
      body: '# Access\r\n\r\nUnique IDs.',
    });
    expect(created.statusCode).toBe(201);
    const doc = created.json<DocumentDetail>();
    expect(doc.reference).toBe('POL-1');
    expect(doc.requirements).toEqual(['164.312(a)(1)', '164.312(a)(2)(i)']);
    const [v1] = doc.versions;
    if (!v1) throw new Error('a first draft');
    expect(v1.status).toBe('draft');
    // Stored with normalized line ends, hashed as documented.
    expect(v1.sha256).toBe(
      versionHash({
        number: 1,
        title: 'Access control',
        kind: 'policy',
        body: '# Access\n\nUnique IDs.',
      }),
    );
    const path = `/${doc.id}/versions/${v1.id}`;

    const edited = await call(drafter, 'PATCH', path, { body: '# Access\n\nUnique IDs. Always.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Version>().sha256).not.toBe(v1.sha256);
    // Refused transitions from draft: approve, put in effect, retire, return.
    for (const step of ['approve', 'put-in-effect', 'retire', 'return']) {
      const refused = await call(official, 'POST', `${path}/${step}`, {});
      expect([step, refused.statusCode]).toEqual([step, 409]);
    }
    // Auditors read, workforce members see nothing of the area.
    expect((await call(auditor, 'GET', path)).statusCode).toBe(200);
    expect((await call(auditor, 'PATCH', path, { body: 'x' })).statusCode).toBe(403);
    expect((await call(workforce, 'GET', '')).statusCode).toBe(403);
    // A contributor drafts and submits but does not approve.
    expect((await call(official, 'POST', `${path}/submit`)).statusCode).toBe(200);
    expect((await call(drafter, 'POST', `${path}/approve`, {})).statusCode).toBe(403);
    expect((await call(drafter, 'PATCH', path, { body: 'x' })).statusCode).toBe(409);
    // The submitter (the official) does not approve while another may (the owner).
    const own = await call(official, 'POST', `${path}/approve`, {});
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('someone else approves');
    const approved = await call(owner, 'POST', `${path}/approve`, { note: 'Adopted.' });
    expect(approved.statusCode).toBe(200);
    const a = approved.json<Version>();
    expect([a.status, a.approvedBy?.id, a.approvalNote]).toEqual([
      'approved',
      owner.user.id,
      'Adopted.',
    ]);

    // An approved version never changes: every mutating route on it answers 409.
    const frozen = [
      await call(drafter, 'PATCH', path, { body: 'changed' }),
      await call(drafter, 'PATCH', path, { title: 'Renamed' }),
      await call(drafter, 'DELETE', path),
      await call(drafter, 'POST', `${path}/submit`),
      await call(owner, 'POST', `${path}/return`),
      await call(owner, 'POST', `${path}/approve`, {}),
    ];
    expect(frozen.map((r) => r.statusCode)).toEqual([409, 409, 409, 409, 409, 409]);
    expect(frozen[0]?.body).toContain('start a new draft');
    // The list names the approved version awaiting effect: neither in effect nor an open draft.
    const listed = (await call(auditor, 'GET', '')).json<{ data: Document[] }>().data[0];
    expect([listed?.inEffect, listed?.openDraft, listed?.latest?.status]).toEqual([
      null,
      null,
      'approved',
    ]);
    expect((await call(drafter, 'DELETE', `/${doc.id}`)).statusCode).toBe(409);

    // In effect from today (the organization's); not tomorrow.
    const tomorrow = await call(owner, 'POST', `${path}/put-in-effect`, {
      effectiveOn: '2026-06-02',
    });
    expect(tomorrow.statusCode).toBe(400);
    const inEffect = await call(owner, 'POST', `${path}/put-in-effect`, {});
    expect(inEffect.json<Version>()).toMatchObject({
      status: 'in_effect',
      effectiveOn: '2026-06-01',
    });
    const after = (await call(auditor, 'GET', `/${doc.id}`)).json<DocumentDetail>();
    expect(after.nextReviewOn).toBe('2027-06-01');
    expect(after.inEffect?.id).toBe(v1.id);
    expect(await kept(v1.id)).toEqual([true, '2032-06-01']);
    expect((await call(drafter, 'PATCH', path, { body: 'changed' })).statusCode).toBe(409);

    // "Edit" starts a new draft copied from it; one open draft at a time.
    const v2 = await call(drafter, 'POST', `/${doc.id}/versions`, {});
    expect(v2.statusCode).toBe(201);
    const second = v2.json<Version>();
    expect([second.number, second.status, second.body, second.basedOnNumber]).toEqual([
      2,
      'draft',
      '# Access\n\nUnique IDs. Always.',
      1,
    ]);
    expect((await call(drafter, 'POST', `/${doc.id}/versions`, {})).statusCode).toBe(409);
    const path2 = `/${doc.id}/versions/${second.id}`;
    await call(drafter, 'PATCH', path2, { body: '# Access\n\nUnique IDs.\nBadges too.' });

    // The diff between the two versions.
    const diff = await call(auditor, 'GET', `${path2}/diff?against=${v1.id}`);
    expect(diff.statusCode).toBe(200);
    const parts = diff.json<{ body: { change: string; text: string }[] }>().body;
    expect(parts.filter((p) => p.change === 'added').map((p) => p.text)).toEqual([
      'Unique IDs.\nBadges too.',
    ]);
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.text)).toEqual([
      'Unique IDs. Always.',
    ]);

    // Putting v2 in effect supersedes v1.
    await call(drafter, 'POST', `${path2}/submit`);
    await call(owner, 'POST', `${path2}/approve`, {});
    await call(owner, 'POST', `${path2}/put-in-effect`, {});
    const versions = (await call(auditor, 'GET', `/${doc.id}`)).json<DocumentDetail>().versions;
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'in_effect'],
      [1, 'superseded'],
    ]);
    expect(versions[1]?.retainUntil).toBe('2032-06-01');
    expect(await kept(v1.id)).toEqual([false, '2032-06-01']);
    expect(await kept(second.id)).toEqual([true, '2032-06-01']);
    // A superseded version cannot go back in effect, nor be retired.
    expect((await call(owner, 'POST', `${path}/put-in-effect`, {})).statusCode).toBe(409);
    expect((await call(owner, 'POST', `${path}/retire`)).statusCode).toBe(409);
  });

  it('discard a draft never submitted; refuse once it reached review', async () => {
    const { drafter, official, owner, call } = await setUp();
    const doc = (
      await call(drafter, 'POST', '', { title: 'Sanctions', kind: 'policy', body: 'v1' })
    ).json<DocumentDetail>();
    const v1 = doc.versions[0]?.id ?? '';
    await call(drafter, 'POST', `/${doc.id}/versions/${v1}/submit`);
    const kept = await call(drafter, 'DELETE', `/${doc.id}/versions/${v1}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.body).toContain('kept until 1 Jun 2032');
    await call(official, 'POST', `/${doc.id}/versions/${v1}/approve`, {});
    await call(owner, 'POST', `/${doc.id}/versions/${v1}/put-in-effect`, {});
    const v2 = (await call(drafter, 'POST', `/${doc.id}/versions`, {})).json<Version>();
    expect((await call(drafter, 'DELETE', `/${doc.id}/versions/${v2.id}`)).statusCode).toBe(204);
    // A document whose only draft was never submitted is removed outright.
    const scratch = (
      await call(drafter, 'POST', '', { title: 'Scratch', kind: 'form' })
    ).json<DocumentDetail>();
    expect((await call(drafter, 'DELETE', `/${scratch.id}`)).statusCode).toBe(204);
  });

  it('record a review, no change, and move the next review date', async () => {
    const { db, org, drafter, official, owner, clock, call } = await setUp();
    const doc = (
      await call(drafter, 'POST', '', { title: 'Audit controls', kind: 'policy', reviewMonths: 6 })
    ).json<DocumentDetail>();
    const v1 = doc.versions[0]?.id ?? '';
    expect((await call(owner, 'POST', `/${doc.id}/reviews`, {})).statusCode).toBe(409);
    await call(drafter, 'POST', `/${doc.id}/versions/${v1}/submit`);
    await call(official, 'POST', `/${doc.id}/versions/${v1}/approve`, {});
    await call(owner, 'POST', `/${doc.id}/versions/${v1}/put-in-effect`, {});
    clock.set('2026-11-20T15:00:00.000Z');
    const later = { headers: await sessionHeaders(db, clock, owner.user.id, org.id) };
    const reviewed = await call(later, 'POST', `/${doc.id}/reviews`, { note: 'Still right.' });
    expect(reviewed.statusCode).toBe(201);
    const detail = reviewed.json<DocumentDetail>();
    expect(detail.nextReviewOn).toBe('2027-05-20');
    expect(detail.reviews.map((r) => [r.reviewedBy?.id, r.note, r.versionNumber])).toEqual([
      [owner.user.id, 'Still right.', 1],
    ]);
  });
});
