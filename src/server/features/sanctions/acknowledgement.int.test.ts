import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../../contracts/audit';
import type { Sanction } from '../../../contracts/sanctions';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock(); // 1 June 2026
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const privacy = await buildMember(db, clock, org.id, 'privacy_officer');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  const personOf = async (name: string, userId?: string) =>
    (
      await call(officer, 'POST', '/people', {
        kind: 'employee',
        name,
        ...(userId ? { userId } : {}),
      })
    ).json<{ id: string }>().id;
  const record = async (personId: string, over: object = {}) => {
    const res = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Shared a password.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'Coaching',
      decidedOn: '2026-05-20',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Sanction>();
  };
  const events = async (action: AuditAction) =>
    db
      .selectFrom('audit_events')
      .select(['actor_id', 'entity_id'])
      .where('chain', '=', org.id)
      .where('action', '=', action)
      .execute();
  return { t, db, clock, org, officer, privacy, nurse, call, personOf, record, events };
}

describe(`sanction acknowledgements on ${testDatabaseKind()}`, () => {
  it('lets the person with an account acknowledge their own record, and nobody else', async () => {
    const { db, clock, org, call, officer, nurse, personOf, record, events } = await setUp();
    const mine = await record(await personOf('Nora Nurse', nurse.user.id));
    const other = await record(await personOf('Kevin Tran'));
    const listed = await call(nurse, 'GET', '/my-sanctions');
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ data: { id: string }[] }>().data.map((s) => s.id)).toEqual([mine.id]);
    // Someone else's record, or one's own through the officials' routes: 404.
    expect(
      (await call(nurse, 'POST', `/my-sanctions/${other.id}/acknowledgement`)).statusCode,
    ).toBe(404);
    expect((await call(nurse, 'GET', `/sanctions/${mine.id}`)).statusCode).toBe(404);
    for (const role of ['contributor', 'workforce', 'auditor'] as const) {
      const bystander = await buildMember(db, clock, org.id, role, '2027-01-01T00:00:00.000Z');
      const asked = await call(bystander, 'POST', `/my-sanctions/${mine.id}/acknowledgement`);
      expect([role, asked.statusCode]).toEqual([role, 404]);
      const listed = await call(bystander, 'GET', '/my-sanctions');
      // Auditors are no workforce a sanction applies to: none of these routes answer them.
      if (role === 'auditor') expect(listed.statusCode).toBe(404);
      else expect(listed.json()).toEqual({ data: [] });
    }
    // One actor, one role: an official does not acknowledge in the person's name.
    const forHer = await call(officer, 'POST', `/sanctions/${mine.id}/paper-acknowledgement`, {
      signedOn: '2026-05-21',
    });
    expect(forHer.statusCode).toBe(409);
    expect(forHer.body).toMatch(/themselves/);
    const actions = async () =>
      (await call(nurse, 'GET', '/dashboard'))
        .json<{ nextActions: { id: string; href: string }[] }>()
        .nextActions.filter((a) => a.id === 'sanctions-to-acknowledge');
    expect(await actions()).toEqual([expect.objectContaining({ href: '/my-sanctions' })]);
    const done = await call(nurse, 'POST', `/my-sanctions/${mine.id}/acknowledgement`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ acknowledgedOn: '2026-06-01' });
    const seen = (await call(officer, 'GET', `/sanctions/${mine.id}`)).json<Sanction>();
    expect(seen.acknowledgement).toMatchObject({
      on: '2026-06-01',
      way: 'in_app',
      recordedBy: { id: nurse.user.id },
    });
    expect((await call(nurse, 'POST', `/my-sanctions/${mine.id}/acknowledgement`)).statusCode).toBe(
      409,
    );
    expect(await events('sanction.acknowledged')).toEqual([
      { actor_id: nurse.user.id, entity_id: mine.id },
    ]);
    expect(await actions()).toEqual([]);
  });

  it('records a paper acknowledgement as who recorded it, refusing a bad date naming the field', async () => {
    const { call, officer, personOf, record, events } = await setUp();
    const paper = await record(await personOf('Kevin Tran'));
    for (const [signedOn, field] of [
      ['2026-05-01', 'body.signedOn'],
      ['2026-07-01', 'body.signedOn'],
      ['5 May', 'body.signedOn'],
    ] as const) {
      const res = await call(officer, 'POST', `/sanctions/${paper.id}/paper-acknowledgement`, {
        signedOn,
      });
      expect(res.statusCode, signedOn).toBe(400);
      expect(res.body).toContain(field);
    }
    expect(await events('sanction.acknowledged')).toEqual([]);
    const res = await call(officer, 'POST', `/sanctions/${paper.id}/paper-acknowledgement`, {
      signedOn: '2026-05-22',
    });
    expect(res.json<Sanction>().acknowledgement).toMatchObject({
      on: '2026-05-22',
      way: 'paper',
      recordedBy: { id: officer.user.id },
    });
    expect(await events('sanction.acknowledged')).toEqual([
      { actor_id: officer.user.id, entity_id: paper.id },
    ]);
  });

  it("links the violation's incident of the organization only", async () => {
    const { t, db, call, officer, personOf, record, events } = await setUp();
    const sanction = await record(await personOf('Kevin Tran'));
    const incident = await call(officer, 'POST', '/incidents', {
      title: 'Password shared on a sticky note',
      category: 'other',
    });
    expect(incident.statusCode, incident.body).toBe(201);
    const incidentId = incident.json<{ id: string }>().id;
    const elsewhere = await buildOrganization(db);
    const stranger = await buildMember(db, testClock(), elsewhere.id, 'security_officer');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${elsewhere.id}/incidents`,
      headers: stranger.headers,
      payload: { title: 'Theirs', category: 'other' },
    });
    const foreignId = foreign.json<{ id: string }>().id;
    const refused = await call(officer, 'PATCH', `/sanctions/${sanction.id}`, {
      incidentId: foreignId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('body.incidentId');
    const linked = await call(officer, 'PATCH', `/sanctions/${sanction.id}`, { incidentId });
    expect(linked.statusCode).toBe(200);
    expect(linked.json<Sanction>().incident).toMatchObject({ id: incidentId });
    expect(linked.json<Sanction>().incident?.label).toContain('Password shared');
    expect(await events('sanction.changed')).toHaveLength(1);
    const unlinked = await call(officer, 'PATCH', `/sanctions/${sanction.id}`, {
      incidentId: null,
    });
    expect(unlinked.json<Sanction>().incident).toBeNull();
  });

  it('keeps a tier a record was decided with, and suggests by the tiers as they are now', async () => {
    const { call, officer, personOf, record } = await setUp();
    const personId = await personOf('Kevin Tran');
    await record(personId, { decision: 'Written warning' });
    const dropped = await call(officer, 'PUT', '/sanction-tiers', {
      tiers: ['Coaching', 'Retraining', 'Suspension', 'Termination'],
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.body).toContain('body.tiers');
    expect(dropped.body).toContain('Written warning');
    const reordered = await call(officer, 'PUT', '/sanction-tiers', {
      tiers: ['Coaching', 'Written warning', 'Final warning', 'Termination'],
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json()).toMatchObject({ builtIn: false });
    const next = await call(officer, 'GET', `/sanctions?personId=${personId}`);
    expect(next.json<{ suggestion: unknown }>().suggestion).toEqual({
      rank: 3,
      name: 'Final warning',
    });
  });

  it('asks the officials on the dashboard to finish records waiting more than 14 days', async () => {
    const { db, clock, org, call, officer, privacy, personOf, record } = await setUp();
    const personId = await personOf('Kevin Tran');
    const dashboardIds = async (as: { headers: Record<string, string> }) =>
      (await call(as, 'GET', '/dashboard'))
        .json<{ nextActions: { id: string }[] }>()
        .nextActions.map((a) => a.id);
    await record(personId, { decidedOn: '2026-05-18' }); // 14 days: not yet
    expect(await dashboardIds(officer)).not.toContain('sanctions-awaiting');
    const old = await record(personId, { decidedOn: '2026-05-10' });
    expect(await dashboardIds(officer)).toContain('sanctions-awaiting');
    for (const role of ['auditor', 'contributor', 'workforce'] as const) {
      const other = await buildMember(db, clock, org.id, role, '2027-01-01T00:00:00.000Z');
      expect(await dashboardIds(other), role).not.toContain('sanctions-awaiting');
    }
    await call(privacy, 'POST', `/sanctions/${old.id}/hr-sign-off`);
    await call(officer, 'POST', `/sanctions/${old.id}/paper-acknowledgement`, {
      signedOn: '2026-05-12',
    });
    expect(await dashboardIds(officer)).not.toContain('sanctions-awaiting');
  });
});
