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
    method: 'GET' | 'POST',
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
});
