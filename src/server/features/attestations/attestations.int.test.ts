import { describe, expect, it } from 'vitest';
import type { MyPolicy, PolicyCompletion } from '../../../contracts/attestations';
import { attestationRoutes } from '../../../contracts/attestations';
import type { DocumentDetail, Version } from '../../../contracts/documents';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([attestationRoutes]);

const startApp = testApps();

// A member (a fresh session each call: the test's clock moves past the idle timeout) or headers.
type Who = { user: { id: string } } | { headers: Record<string, string> };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const drafter = await buildMember(db, clock, org.id, 'contributor');
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const clerk = await buildMember(db, clock, org.id, 'workforce');
  await db
    .updateTable('organizations')
    .set({ security_official_id: official.user.id })
    .where('id', '=', org.id)
    .execute();
  const base = `/api/orgs/${org.id}`;
  const call = async (who: Who, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: 'user' in who ? await sessionHeaders(db, clock, who.user.id, org.id) : who.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const ok = async (who: Who, method: Method, url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  /** Takes a version through review and approval into effect. */
  const putInEffect = async (documentId: string, versionId: string) => {
    const path = `/documents/${documentId}/versions/${versionId}`;
    await ok(drafter, 'POST', `${path}/submit`, {});
    await ok(official, 'POST', `${path}/approve`, {});
    await ok(official, 'POST', `${path}/put-in-effect`, {});
  };
  const policy = async () => {
    const doc = (
      await ok(drafter, 'POST', '/documents', {
        title: 'Workstation use',
        kind: 'policy',
        category: 'Physical safeguards',
        requirements: ['164.310(b)'],
        body: '# Workstation use\n\nLock the screen when you step away.',
      })
    ).json<DocumentDetail>();
    const [first] = doc.versions;
    if (!first) throw new Error('a first draft');
    return { doc, first };
  };
  return {
    t,
    db,
    clock,
    org,
    drafter,
    official,
    auditor,
    nurse,
    clerk,
    call,
    ok,
    putInEffect,
    policy,
  };
}

describe(`policy acknowledgements on ${testDatabaseKind()}`, () => {
  it('ask the audience to acknowledge the exact version in effect, and again for a new one', async () => {
    const { clock, drafter, official, auditor, nurse, clerk, call, ok, putInEffect, policy } =
      await setUp();
    const { doc, first } = await policy();
    const audience = `/documents/${doc.id}/audience`;
    // Nothing in effect yet: nothing to acknowledge.
    const early = await call(official, 'PUT', audience, { roles: ['workforce'], userIds: [] });
    expect(early.statusCode).toBe(409);
    await putInEffect(doc.id, first.id);
    expect(
      (await call(drafter, 'PUT', audience, { roles: ['workforce'], userIds: [] })).statusCode,
    ).toBe(403);
    const stranger = await call(official, 'PUT', audience, {
      roles: [],
      userIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('body.userIds.0');
    const published = await ok(official, 'PUT', audience, {
      roles: ['workforce'],
      userIds: [drafter.user.id],
      dueDays: 10,
    });
    const completion = published.json<PolicyCompletion>();
    expect(completion.required).toBe(3);
    expect(completion.people.map((p) => p.status)).toEqual(['due', 'due', 'due']);
    expect(completion.people[0]?.dueOn).toBe('2026-06-11');

    // The nurse sees it in My policies, reads it and acknowledges that text.
    const mine = (await ok(nurse, 'GET', '/my-policies')).json<{ data: MyPolicy[] }>().data;
    expect(mine).toEqual([
      expect.objectContaining({
        status: 'due',
        version: expect.objectContaining({ id: first.id }) as unknown,
      }),
    ]);
    const read = (await ok(nurse, 'GET', `/my-policies/${first.id}`)).json<{
      body: string;
      version: { sha256: string };
    }>();
    expect(read.body).toContain('Lock the screen');
    const stale = await call(nurse, 'POST', `/my-policies/${first.id}/acknowledge`, {
      sha256: '0'.repeat(64),
    });
    expect(stale.statusCode).toBe(409);
    const acked = await ok(nurse, 'POST', `/my-policies/${first.id}/acknowledge`, {
      sha256: read.version.sha256,
    });
    expect(acked.json<MyPolicy>().status).toBe('acknowledged');
    // A second acknowledgement changes nothing.
    await ok(nurse, 'POST', `/my-policies/${first.id}/acknowledge`, {
      sha256: read.version.sha256,
    });
    // Not in the audience: the auditor finds nothing to read or acknowledge.
    expect((await ok(auditor, 'GET', '/my-policies')).json<{ data: unknown[] }>().data).toEqual([]);
    expect((await call(auditor, 'GET', `/my-policies/${first.id}`)).statusCode).toBe(404);

    const after = (
      await ok(auditor, 'GET', `/documents/${doc.id}/acknowledgements`)
    ).json<PolicyCompletion>();
    expect([after.required, after.acknowledged]).toEqual([3, 1]);

    // Eleven days on, the clerk and the drafter are overdue.
    clock.set('2026-06-12T15:00:00.000Z');
    const late = (await ok(auditor, 'GET', '/acknowledgements')).json<{
      policies: { overdue: number }[];
      people: { person: { id: string }; overdue: number }[];
    }>();
    expect(late.policies[0]?.overdue).toBe(2);
    expect(late.people.find((p) => p.person.id === clerk.user.id)?.overdue).toBe(1);

    // A new version in effect asks everyone again, the nurse included.
    const second = (
      await ok(drafter, 'POST', `/documents/${doc.id}/versions`, { fromVersionId: first.id })
    ).json<Version>();
    await ok(drafter, 'PATCH', `/documents/${doc.id}/versions/${second.id}`, {
      body: '# Workstation use\n\nLock the screen when you step away. Always.',
    });
    await putInEffect(doc.id, second.id);
    const again = (await ok(nurse, 'GET', '/my-policies')).json<{ data: MyPolicy[] }>().data;
    expect(again).toEqual([
      expect.objectContaining({
        status: 'due',
        version: expect.objectContaining({ id: second.id }) as unknown,
      }),
    ]);
    // The old version can no longer be acknowledged.
    const old = await call(nurse, 'POST', `/my-policies/${first.id}/acknowledge`, {
      sha256: read.version.sha256,
    });
    expect(old.statusCode).toBe(404);
    // Its address (a reminder sent before) leads to the version in effect now, saying so.
    const relinked = (await ok(nurse, 'GET', `/my-policies/${first.id}`)).json<{
      version: { id: string };
      body: string;
      replaces: { id: string; number: number } | null;
    }>();
    expect(relinked.version.id).toBe(second.id);
    expect(relinked.body).toContain('Always.');
    expect(relinked.replaces).toEqual({ id: first.id, number: 1 });
    expect(
      (await ok(nurse, 'GET', `/my-policies/${second.id}`)).json<{ replaces: unknown }>().replaces,
    ).toBeNull();
    // Outside the audience, the old address still finds nothing.
    expect((await call(auditor, 'GET', `/my-policies/${first.id}`)).statusCode).toBe(404);
  });

  it('is a person’s own act: a token cannot acknowledge or read My policies', async () => {
    const { db, clock, org, official, nurse, call, ok, putInEffect, policy } = await setUp();
    const { doc, first } = await policy();
    await putInEffect(doc.id, first.id);
    await ok(official, 'PUT', `/documents/${doc.id}/audience`, {
      roles: ['workforce'],
      userIds: [],
    });
    const token = { headers: await tokenHeaders(db, clock, nurse.user.id, org.id, 'workforce') };
    expect((await call(token, 'GET', '/my-policies')).statusCode).toBe(403);
    const refused = await call(token, 'POST', `/my-policies/${first.id}/acknowledge`, {
      sha256: first.sha256,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('reminds each person once, again when overdue, and tells the Security Official once', async () => {
    const { t, db, clock, official, nurse, ok, putInEffect, policy } = await setUp();
    const { doc, first } = await policy();
    await putInEffect(doc.id, first.id);
    await ok(official, 'PUT', `/documents/${doc.id}/audience`, {
      roles: ['workforce'],
      userIds: [],
      dueDays: 7,
    });
    const kinds = async (userId: string) =>
      (
        await db
          .selectFrom('notifications')
          .select('kind')
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .execute()
      ).map((n) => n.kind);
    const sweep = async () => {
      await t.jobs.tick();
      await t.jobs.drain();
    };
    clock.set('2026-06-01T15:20:00.000Z');
    await sweep();
    await sweep();
    expect(await kinds(nurse.user.id)).toEqual(['policy.acknowledgement_due']);
    clock.set('2026-06-09T15:20:00.000Z');
    await sweep();
    expect(await kinds(nurse.user.id)).toEqual([
      'policy.acknowledgement_due',
      'policy.acknowledgement_overdue',
    ]);
    expect(await kinds(official.user.id)).not.toContain('policy.acknowledgements_escalated');
    // Seven more days late (the organization's escalation days): one notice for the policy.
    clock.set('2026-06-15T15:20:00.000Z');
    await sweep();
    await sweep();
    expect(
      (await kinds(official.user.id)).filter((k) => k === 'policy.acknowledgements_escalated'),
    ).toHaveLength(1);
  });

  it('exports every person and version with the hash, audited', async () => {
    const { db, org, official, auditor, nurse, ok, putInEffect, policy } = await setUp();
    const { doc, first } = await policy();
    await putInEffect(doc.id, first.id);
    await ok(official, 'PUT', `/documents/${doc.id}/audience`, {
      roles: ['workforce'],
      userIds: [],
    });
    await ok(nurse, 'POST', `/my-policies/${first.id}/acknowledge`, { sha256: first.sha256 });
    const csv = (await ok(auditor, 'GET', '/acknowledgements/export.csv')).body;
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('version_sha256');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(first.sha256);
    expect(csv).toContain('Acknowledged');
    expect(csv).toContain('Waiting');
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'attestations.exported')
      .execute();
    expect(events).toHaveLength(1);
  });
});
