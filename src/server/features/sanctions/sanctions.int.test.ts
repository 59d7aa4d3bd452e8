import { describe, expect, it } from 'vitest';
import { sanctionsRoutes, type Sanction } from '../../../contracts/sanctions';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route, and every write leaves its audit event.
describeTenantPasses([sanctionsRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const privacy = await buildMember(db, clock, org.id, 'privacy_officer');
  const base = `/api/orgs/${org.id}`;
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  const person = await call(officer, 'POST', '/people', { kind: 'employee', name: 'Kevin Tran' });
  const personId = person.json<{ id: string }>().id;
  return { t, db, clock, org, officer, privacy, base, call, personId };
}

describe(`sanctions on ${testDatabaseKind()}`, () => {
  it('records a sanction, suggests the next tier, and is signed off by another member as themselves', async () => {
    const { db, call, officer, privacy, personId, org } = await setUp();
    const none = await call(officer, 'GET', `/sanctions?personId=${personId}`);
    expect(none.json<{ suggestion: unknown }>().suggestion).toEqual({ rank: 1, name: 'Coaching' });
    const created = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Shared his password with a locum.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'retraining',
      decidedOn: '2026-05-20',
      correctiveActions: [{ title: 'Password hygiene refresher', dueOn: '2026-06-10' }],
    });
    expect(created.statusCode).toBe(201);
    const record = created.json<Sanction>();
    expect(record).toMatchObject({
      reference: 'SAN-1',
      person: { id: personId, name: 'Kevin Tran' },
      decision: { rank: 2, name: 'Retraining' },
      decidedBy: { id: officer.user.id },
      hrSignOff: null,
    });
    // The corrective action, and retraining (a task until training assigns a course).
    expect(record.correctiveTasks.map((task) => task.title)).toEqual([
      'Password hygiene refresher',
      'Arrange a training course for Kevin Tran',
    ]);
    const next = await call(officer, 'GET', `/sanctions?personId=${personId}`);
    expect(next.json<{ suggestion: unknown; data: unknown[] }>()).toMatchObject({
      suggestion: { rank: 3, name: 'Written warning' },
      data: [{ id: record.id }],
    });

    // The decider cannot sign off; a token cannot; another member does, as themselves.
    const own = await call(officer, 'POST', `/sanctions/${record.id}/hr-sign-off`);
    expect(own.statusCode).toBe(409);
    const token = {
      headers: await tokenHeaders(db, testClock(), privacy.user.id, org.id, 'privacy_officer'),
    };
    expect((await call(token, 'POST', `/sanctions/${record.id}/hr-sign-off`)).statusCode).toBe(403);
    const signed = await call(privacy, 'POST', `/sanctions/${record.id}/hr-sign-off`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json<Sanction>().hrSignOff?.by.id).toBe(privacy.user.id);
    expect((await call(privacy, 'POST', `/sanctions/${record.id}/hr-sign-off`)).statusCode).toBe(
      409,
    );
    const ack = await call(officer, 'POST', `/sanctions/${record.id}/paper-acknowledgement`, {
      signedOn: '2026-05-21',
    });
    expect(ack.json<Sanction>().acknowledgement).toMatchObject({
      on: '2026-05-21',
      way: 'paper',
      recordedBy: { id: officer.user.id },
    });
  });

  it('keeps the person a sanction is about out of it: no deciding, signing off or notes', async () => {
    const { db, call, officer, privacy, org } = await setUp();
    const self = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Tom Alvarez',
      userId: privacy.user.id,
    });
    expect(self.statusCode).toBe(201);
    const subject = self.json<{ id: string }>().id;
    const body = {
      personId: subject,
      violation: 'Left a chart open at the front desk.',
      severity: 'low',
      intent: 'negligent',
      decision: 'written warning',
      decidedOn: '2026-05-20',
    };
    const ownDecision = await call(privacy, 'POST', '/sanctions', body);
    expect(ownDecision.statusCode).toBe(409);
    expect(ownDecision.json<{ error: { message: string } }>().error.message).toMatch(/about you/);
    const record = (await call(officer, 'POST', '/sanctions', body)).json<Sanction>();
    const signOff = await call(privacy, 'POST', `/sanctions/${record.id}/hr-sign-off`);
    expect(signOff.statusCode).toBe(409);
    expect(signOff.json<{ error: { message: string } }>().error.message).toMatch(
      /another member signs it off/,
    );
    const notes = await call(privacy, 'PATCH', `/sanctions/${record.id}`, {
      investigationNotes: 'Nothing happened, cleared.',
    });
    expect(notes.statusCode).toBe(409);
    const row = await db
      .selectFrom('sanctions')
      .select(['hr_signed_off_by', 'investigation_notes'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(row.hr_signed_off_by).toBeNull();
    expect(row.investigation_notes).not.toBe('Nothing happened, cleared.');
    const owner = await buildMember(db, testClock(), org.id, 'owner');
    expect((await call(owner, 'POST', `/sanctions/${record.id}/hr-sign-off`)).statusCode).toBe(200);
  });

  it('answers 404 to contributors, workforce members and auditors on every route', async () => {
    const { db, clock, org, call, officer, personId } = await setUp();
    const created = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Tailgated into the server room.',
      severity: 'low',
      intent: 'unintentional',
      decision: 'Coaching',
      decidedOn: '2026-05-20',
    });
    const id = created.json<Sanction>().id;
    for (const role of ['contributor', 'workforce', 'auditor'] as const) {
      const other = await buildMember(db, clock, org.id, role, '2027-01-01T00:00:00.000Z');
      const asked = [
        await call(other, 'GET', '/sanctions'),
        await call(other, 'GET', `/sanctions?personId=${personId}`),
        await call(other, 'GET', `/sanctions/${id}`),
        await call(other, 'PATCH', `/sanctions/${id}`, { investigationNotes: 'x' }),
        await call(other, 'POST', `/sanctions/${id}/paper-acknowledgement`, {
          signedOn: '2026-05-21',
        }),
        await call(other, 'POST', `/sanctions/${id}/hr-sign-off`),
        await call(other, 'POST', '/sanctions', { personId }),
        await call(other, 'GET', '/sanction-tiers'),
        await call(other, 'PUT', '/sanction-tiers', { tiers: ['A'] }),
      ];
      expect(asked.map((r) => `${role} ${r.statusCode}`)).toEqual(asked.map(() => `${role} 404`));
      // The same answer whether the record exists or not.
      expect(asked[2]?.body).not.toContain(id);
    }
    // The audit trail shows an auditor none of a sanction's events (concealment.int.test.ts), and
    // its readers that one was recorded, by whom and when; never the violation or the decision.
    const auditor = await buildMember(db, clock, org.id, 'auditor', '2027-01-01T00:00:00.000Z');
    const trail = await call(auditor, 'GET', '/audit-events?limit=200');
    expect(trail.statusCode).toBe(200);
    expect(trail.body).not.toContain('sanction.recorded');
    const admin = await buildMember(db, clock, org.id, 'owner');
    const full = await call(admin, 'GET', '/audit-events?limit=200');
    expect(full.body).toContain('sanction.recorded');
    for (const secret of ['Tailgated', 'Coaching', 'unintentional']) {
      expect(full.body).not.toContain(secret);
      expect(trail.body).not.toContain(secret);
    }
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const { db, org, call, officer, personId } = await setUp();
    const body = {
      personId,
      violation: 'Emailed a chart to a personal address.',
      severity: 'high',
      intent: 'intentional',
      decision: 'Written warning',
      decidedOn: '2026-05-20',
    };
    const cases: [object, string][] = [
      [{ ...body, decision: 'Flogging' }, 'body.decision'],
      [{ ...body, personId: '0190d4c8-0000-7000-8000-000000000000' }, 'body.personId'],
      [
        { ...body, policyVersionId: '0190d4c8-0000-7000-8000-000000000000' },
        'body.policyVersionId',
      ],
      [{ ...body, violation: '' }, 'body.violation'],
      [{ ...body, severity: 'dire' }, 'body.severity'],
      [{ ...body, violation: 'Bad\u202Etext' }, 'body.violation'],
    ];
    for (const [payload, field] of cases) {
      const res = await call(officer, 'POST', '/sanctions', payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(field);
    }
    const rows = await db
      .selectFrom('sanctions')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(rows).toHaveLength(0);
    const twice = await call(officer, 'PUT', '/sanction-tiers', {
      tiers: ['Coaching', 'coaching'],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('body.tiers.1');
  });

  it('assigns the chosen course to the person for a sanction of retraining, once, due on the date', async () => {
    const { db, call, officer, personId, org } = await setUp();
    // testClock: 1 June 2026.
    const created = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Clicked a phishing link.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'Retraining',
      decidedOn: '2026-06-01',
      retraining: { courseId: 'passwords-mfa', dueOn: '2026-06-15' },
    });
    expect(created.statusCode).toBe(201);
    const record = created.json<Sanction>();
    expect(record.retrainingAssignmentId).not.toBeNull();
    // The course is the corrective action: no "arrange retraining" task.
    expect(record.correctiveTasks).toEqual([]);
    const training = await db
      .selectFrom('training_person_assignments')
      .select(['assignment_id', 'person_id', 'due_on'])
      .where('org_id', '=', org.id)
      .execute();
    expect(training).toEqual([
      { assignment_id: record.retrainingAssignmentId, person_id: personId, due_on: '2026-06-15' },
    ]);
    // Reading or changing the sanction assigns nothing more.
    await call(officer, 'PATCH', `/sanctions/${record.id}`, {
      investigationNotes: 'Spoke to him.',
    });
    const count = await db
      .selectFrom('training_assignments')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(count).toHaveLength(1);
    // A course for another tier, an unknown course or a past date: 400 naming the field.
    const refusals: [object, string][] = [
      [{ decision: 'Coaching' }, 'body.retraining'],
      [
        { retraining: { courseId: 'no-such-course', dueOn: '2026-06-15' } },
        'body.retraining.courseId',
      ],
      [{ retraining: { courseId: 'passwords-mfa', dueOn: '2026-05-01' } }, 'body.retraining.dueOn'],
    ];
    for (const [over, field] of refusals) {
      const res = await call(officer, 'POST', '/sanctions', {
        personId,
        violation: 'Again.',
        severity: 'low',
        intent: 'negligent',
        decision: 'Retraining',
        decidedOn: '2026-06-01',
        retraining: { courseId: 'passwords-mfa', dueOn: '2026-06-15' },
        ...over,
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(field);
    }
    expect(
      await db
        .selectFrom('training_assignments')
        .select('id')
        .where('org_id', '=', org.id)
        .execute(),
    ).toHaveLength(1);
  });
});
