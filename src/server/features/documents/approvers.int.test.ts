import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contracts/dashboard';
import type { DocumentDetail, Version } from '../../../contracts/documents';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const owner = await buildMember(db, clock, org.id, 'owner');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const base = `/api/orgs/${org.id}`;
  const call = async (
    who: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const doc = (
    await call(official, 'POST', '/documents', { title: 'Sanctions', kind: 'policy' })
  ).json<DocumentDetail>();
  const path = `/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
  return { t, db, clock, org, official, owner, contributor, call, doc, path };
}

describe(`who approves a policy version, on ${testDatabaseKind()}`, () => {
  it('names its approvers: not the submitter while another may (164.316(a), four eyes)', async () => {
    const { official, owner, contributor, call, path } = await setUp();
    const draft = (await call(contributor, 'GET', path)).json<Version>();
    expect(draft.approvers).toEqual([]);
    expect((await call(official, 'POST', `${path}/submit`)).statusCode).toBe(200);
    const inReview = (await call(contributor, 'GET', path)).json<Version>();
    // The owner may; the official who submitted it may not; a contributor never may.
    expect(inReview.approvers.map((p) => p.id)).toEqual([owner.user.id]);
    const refused = await call(official, 'POST', `${path}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(owner.user.name);
    expect((await call(owner, 'POST', `${path}/approve`, {})).statusCode).toBe(200);
    expect((await call(owner, 'GET', path)).json<Version>().approvers).toEqual([]);
  });

  it('lets the only approver approve what they submitted (a one-person practice)', async () => {
    const clock = testClock('2026-06-01T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const solo = await buildMember(db, clock, org.id, 'owner');
    const base = `/api/orgs/${org.id}/documents`;
    const doc = (
      await t.app.inject({
        method: 'POST',
        url: base,
        headers: solo.headers,
        payload: { title: 'Sanctions', kind: 'policy' },
      })
    ).json<DocumentDetail>();
    const path = `${base}/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    await t.app.inject({ method: 'POST', url: `${path}/submit`, headers: solo.headers });
    const version = (await t.app.inject({ url: path, headers: solo.headers })).json<Version>();
    expect(version.approvers.map((p) => p.id)).toEqual([solo.user.id]);
    const approved = await t.app.inject({
      method: 'POST',
      url: `${path}/approve`,
      headers: solo.headers,
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
  });

  it('asks, on the dashboard, to put an approved version in effect', async () => {
    const { official, owner, contributor, call, doc, path } = await setUp();
    await call(official, 'POST', `${path}/submit`);
    await call(owner, 'POST', `${path}/approve`, {});
    const actions = async (who: { headers: Record<string, string> }) =>
      (await call(who, 'GET', '/dashboard')).json<Dashboard>().nextActions;
    const effect = (await actions(owner)).find((a) => a.id.startsWith('document-effect-'));
    expect(effect).toMatchObject({
      title: `Put ${doc.reference} Sanctions in effect`,
      href: `/documents/${doc.id}`,
    });
    // Only for those who may put it in effect.
    expect((await actions(contributor)).some((a) => a.id.startsWith('document-effect-'))).toBe(
      false,
    );
    await call(owner, 'POST', `${path}/put-in-effect`, {});
    expect((await actions(owner)).some((a) => a.id.startsWith('document-effect-'))).toBe(false);
  });

  it('keeps whoever wrote or changed a version from approving it (attacker: a contributor pressed Submit)', async () => {
    const { db, clock, org, official, owner, contributor, call } = await setUp();
    const admin = await buildMember(db, clock, org.id, 'admin');
    const doc = (
      await call(owner, 'POST', '/documents', { title: 'Access', kind: 'policy', body: 'Text.' })
    ).json<DocumentDetail>();
    const path = `/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    expect((await call(admin, 'PATCH', path, { body: 'Changed text.' })).statusCode).toBe(200);
    expect((await call(contributor, 'POST', `${path}/submit`)).statusCode).toBe(200);
    const version = (await call(owner, 'GET', path)).json<Version>();
    // The owner created it and the admin changed it: only the official may approve.
    expect(version.approvers.map((p) => p.id)).toEqual([official.user.id]);
    for (const author of [owner, admin]) {
      const refused = await call(author, 'POST', `${path}/approve`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('You wrote or submitted');
    }
    expect((await call(official, 'POST', `${path}/approve`, {})).statusCode).toBe(200);
  });

  it('neither returns nor changes a version under legal hold (164.316(b)(2)(i))', async () => {
    const { official, owner, call, doc, path } = await setUp();
    expect((await call(official, 'POST', `${path}/submit`)).statusCode).toBe(200);
    const versionId = doc.versions[0]?.id ?? '';
    const hold = await call(owner, 'POST', '/legal-holds', {
      recordType: 'document_version',
      recordId: versionId,
      reason: 'Complaint 2026-14',
    });
    expect(hold.statusCode).toBe(201);
    const returned = await call(owner, 'POST', `${path}/return`, {});
    expect(returned.statusCode).toBe(409);
    expect(returned.body).toContain('under legal hold LH-1');
    const before = (await call(owner, 'GET', path)).json<Version>();
    expect(before.status).toBe('in_review');
    // A version reviewed once (a record) and returned for changes stays as held.
    const draftDoc = (
      await call(official, 'POST', '/documents', { title: 'Held', kind: 'policy', body: 'A.' })
    ).json<DocumentDetail>();
    const draftPath = `/documents/${draftDoc.id}/versions/${draftDoc.versions[0]?.id ?? ''}`;
    expect((await call(official, 'POST', `${draftPath}/submit`)).statusCode).toBe(200);
    expect((await call(owner, 'POST', `${draftPath}/return`, {})).statusCode).toBe(200);
    const documentHold = await call(owner, 'POST', '/legal-holds', {
      recordType: 'document_version',
      recordId: draftDoc.versions[0]?.id ?? '',
      reason: 'Complaint 2026-15',
    });
    expect(documentHold.statusCode).toBe(201);
    const changed = await call(official, 'PATCH', draftPath, { body: 'B.' });
    expect(changed.statusCode).toBe(409);
    expect(changed.body).toContain('LH-2');
  });

  it("refuses to approve a version with a template's choices still to make", async () => {
    const { official, owner, call } = await setUp();
    const body = 'Reviewed every [choose: 12\n months]. Kept by [choose: the Security Official].';
    const doc = (
      await call(official, 'POST', '/documents', { title: 'Review', kind: 'policy', body })
    ).json<DocumentDetail>();
    const path = `/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    await call(official, 'POST', `${path}/submit`);
    const refused = await call(owner, 'POST', `${path}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      'still has 2 choices to make (12 months; the Security Official)',
    );
    expect((await call(owner, 'GET', path)).json<Version>().status).toBe('in_review');
    await call(owner, 'POST', `${path}/return`, {});
    await call(official, 'PATCH', path, { body: 'Reviewed every 12 months.' });
    await call(official, 'POST', `${path}/submit`);
    expect((await call(owner, 'POST', `${path}/approve`, {})).statusCode).toBe(200);
  });
});
