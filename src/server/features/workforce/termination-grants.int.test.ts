import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Me } from '../../../contracts/auth';
import type { ClearanceWarning, PersonChecklistsSchema } from '../../../contracts/workforce';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, sessionHeaders } from '../../../../test/support/factories';
import { openTasks, setUpWorkforce } from '../../../../test/support/workforce';

type Checklists = z.infer<typeof PersonChecklistsSchema>;
const startApp = testApps();

async function setUp() {
  const s = await setUpWorkforce(startApp);
  const billing = await s.call(s.officer, 'POST', '/assets', {
    kind: 'cloud_service',
    name: 'Billing portal',
    ephiRoles: ['receives'],
  });
  expect(billing.statusCode).toBe(201);
  const grant = async (personId: string, assetId: string, accessLevel: string) => {
    const res = await s.call(s.officer, 'POST', '/access-grants', {
      personId,
      assetId,
      accessLevel,
      justification: 'Needs it for the job',
      grantedOn: '2026-01-05',
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  return { ...s, billingId: billing.json<{ id: string }>().id, grant };
}

describe(`termination tasks and access grants on ${testDatabaseKind()}`, () => {
  it('raises one task per recorded grant, naming its level, and one per other system with ePHI; the done task ends the grant', async () => {
    const { db, org, officer, call, addPerson, ehrId, billingId, grant } = await setUp();
    const personId = await addPerson('Ellen Brooks', null);
    const clinician = await grant(personId, ehrId, 'Clinician');
    const reports = await grant(personId, ehrId, 'Reports (read only)');

    const ended = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    expect(ended.statusCode).toBe(200);
    const accounts = (ended.json<Checklists>().termination?.items ?? []).filter(
      (i) => i.source === 'account',
    );
    expect(accounts.map((i) => [i.title, i.asset?.id])).toEqual([
      ["Disable Ellen Brooks's account on Riverside EHR (Clinician)", ehrId],
      ["Disable Ellen Brooks's account on Riverside EHR (Reports (read only))", ehrId],
      ["Disable Ellen Brooks's account on Billing portal", billingId],
    ]);
    // Ending again adds no task for a system already asked for.
    await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-04',
      reason: 'resigned',
    });
    expect(await openTasks(db, org.id, 'account on')).toHaveLength(3);

    // Ending employment leaves the grants as they are: the accounts still exist.
    const grantOf = (id: string) =>
      db
        .selectFrom('access_grants')
        .select(['revoked_on', 'revoked_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await grantOf(clinician)).toEqual({ revoked_on: null, revoked_by: null });
    const task = accounts[0]?.task.id ?? '';
    const done = await call(officer, 'POST', `/tasks/${task}/complete`, {
      note: 'Disabled in the EHR admin console',
    });
    expect(done.statusCode).toBe(200);
    expect(await grantOf(clinician)).toEqual({
      revoked_on: '2026-06-01',
      revoked_by: officer.user.id,
    });
    expect((await grantOf(reports)).revoked_on).toBeNull();
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', clinician)
      .where('action', '=', 'access_grant.revoked')
      .execute();
    expect(events).toEqual([{ action: 'access_grant.revoked', actor_id: officer.user.id }]);
  });

  it('dates a task of a deadline at midnight on the day that ends there', async () => {
    const { db, org, officer, call, addPerson } = await setUp();
    const personId = await addPerson('Ana Patel', null);
    const ended = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    // The end of 3 June in Chicago plus 24 hours: midnight at the end of 4 June.
    const termination = ended.json<Checklists>().termination;
    expect(termination?.items[0]?.dueAt).toBe('2026-06-05T05:00:00.000Z');
    // A person without a Custos account: no access to end.
    expect(termination?.accessEndsAt).toBeNull();
    const tasks = await openTasks(db, org.id, 'Ana Patel');
    expect(new Set(tasks.map((task) => task.due_on))).toEqual(new Set(['2026-06-04']));
  });

  it('warns of people with a pending or failed clearance who hold access to systems with ePHI', async () => {
    const { db, clock, org, officer, call, addPerson, ehrId, grant } = await setUp();
    const laptop = await call(officer, 'POST', '/assets', { kind: 'application', name: 'Wiki' });
    const pending = await addPerson('Pat Pending', null);
    const failed = await addPerson('Nico Failed', null);
    const cleared = await addPerson('Cleo Cleared', null);
    const noEphi = await addPerson('Wes Wiki', null);
    for (const [id, outcome] of [
      [pending, 'pending'],
      [failed, 'not_cleared'],
      [cleared, 'cleared'],
      [noEphi, 'pending'],
    ] as const) {
      expect(
        (await call(officer, 'PATCH', `/people/${id}`, { clearanceOutcome: outcome })).statusCode,
      ).toBe(200);
    }
    await grant(pending, ehrId, 'Front desk');
    await grant(failed, ehrId, 'Clinician');
    await grant(cleared, ehrId, 'Clinician');
    await grant(noEphi, laptop.json<{ id: string }>().id, 'Editor');

    const warnings = await call(officer, 'GET', '/clearance-warnings');
    expect(warnings.statusCode).toBe(200);
    expect(
      warnings
        .json<{ data: ClearanceWarning[] }>()
        .data.map((w) => [
          w.person.name,
          w.clearanceOutcome,
          w.systems.map((s) => `${s.name} (${s.accessLevel})`),
        ]),
    ).toEqual([
      ['Nico Failed', 'not_cleared', ['Riverside EHR (Clinician)']],
      ['Pat Pending', 'pending', ['Riverside EHR (Front desk)']],
    ]);
    const dashboard = await call(officer, 'GET', '/dashboard');
    expect(
      dashboard.json<{ nextActions: { id: string; title: string }[] }>().nextActions,
    ).toContainEqual(
      expect.objectContaining({
        id: 'uncleared-ephi-access',
        title: '2 people have access to ePHI without clearance',
      }),
    );
    // A workforce member reads none of it.
    const worker = await buildMember(db, clock, org.id, 'workforce');
    const asWorker = { headers: await sessionHeaders(db, clock, worker.user.id, org.id) };
    expect((await call(asWorker, 'GET', '/clearance-warnings')).statusCode).toBe(403);
  });

  it('tells a member whose access ended, signing in, which organization it was, and nothing more', async () => {
    const { t, db, clock, org, officer, call, addPerson } = await setUp();
    const worker = await buildMember(db, clock, org.id, 'workforce');
    const personId = await addPerson('Ellen Brooks', worker.user.id);
    await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-05-29',
      reason: 'resigned',
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: await sessionHeaders(db, clock, worker.user.id, null),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<Me>()).toMatchObject({
      memberships: [],
      endedAccess: [
        { orgName: org.name, endedAt: '2026-05-30T05:00:00.000Z', timeZone: 'America/Chicago' },
      ],
    });
  });
});
