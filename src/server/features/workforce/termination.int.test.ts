import { describe, expect, it } from 'vitest';
import type { PersonChecklistsSchema } from '../../../contracts/workforce';
import { workforceRoutes } from '../../../contracts/workforce';
import type { z } from 'zod';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, sessionHeaders } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { openTasks, setUpWorkforce } from '../../../../test/support/workforce';
import { testDeps } from '../../../../test/support/tenants';
import { sweepEveryOrganization } from '../notifications/sweep';
import { terminationNotices } from './escalation';
import { cutOffKind } from './jobs';

// Another organization's people answer 404 on every route, and every write leaves its audit event.
describeTenantPasses([workforceRoutes]);

type Checklists = z.infer<typeof PersonChecklistsSchema>;
const startApp = testApps();
const setUp = () => setUpWorkforce(startApp);

describe(`ending employment on ${testDatabaseKind()}`, () => {
  it('creates the termination tasks with the configured deadline, once, and ends the membership at the end date', async () => {
    const { t, db, clock, org, officer, call, addPerson, ehrId } = await setUp();
    const worker = await buildMember(db, clock, org.id, 'workforce');
    const personId = await addPerson('Ellen Brooks', worker.user.id);
    expect(
      (await call(officer, 'PATCH', '/workforce-settings', { terminationDeadlineHours: 4 }))
        .statusCode,
    ).toBe(200);

    const ended = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    expect(ended.statusCode).toBe(200);
    const checklist = ended.json<Checklists>().termination;
    // The end of 3 June in Chicago (05:00 UTC on the 4th), plus 4 hours.
    const dueAt = '2026-06-04T09:00:00.000Z';
    expect(checklist).toMatchObject({
      status: 'open',
      endDate: '2026-06-03',
      reason: 'resigned',
      accessEndsAt: '2026-06-04T05:00:00.000Z',
    });
    const items = checklist?.items ?? [];
    expect(items.map((i) => i.source)).toEqual([
      'account',
      'devices',
      'remote_access',
      'template',
      'template',
      'template',
    ]);
    expect(items.every((i) => i.dueAt === dueAt && !i.overdue)).toBe(true);
    expect(items[0]).toMatchObject({
      title: "Disable Ellen Brooks's account on Riverside EHR",
      asset: { id: ehrId, name: 'Riverside EHR' },
      task: { status: 'open', owner: { id: officer.user.id } },
    });
    const tasks = await openTasks(db, org.id, 'Ellen Brooks');
    expect(tasks).toHaveLength(6);
    expect(new Set(tasks.map((task) => task.due_on))).toEqual(new Set(['2026-06-04']));
    const person = await call(officer, 'GET', `/people/${personId}`);
    expect(person.json<{ endDate: string }>().endDate).toBe('2026-06-03');

    // Ending twice adds nothing.
    const again = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    expect(again.statusCode).toBe(200);
    expect(await openTasks(db, org.id, 'Ellen Brooks')).toHaveLength(6);

    // The member works until the end of the last day, in the organization's zone.
    // (A fresh session each time: the idle timeout would end one across these jumps.)
    const me = async () =>
      call(
        { headers: await sessionHeaders(db, clock, worker.user.id, org.id) },
        'GET',
        '/tasks?ownerId=me',
      );
    expect((await me()).statusCode).toBe(200);
    clock.set('2026-06-04T04:59:00.000Z');
    const lastMinute = await sessionHeaders(db, clock, worker.user.id, org.id);
    expect((await call({ headers: lastMinute }, 'GET', '/tasks')).statusCode).toBe(200);
    clock.set('2026-06-04T05:00:01.000Z');
    // The expiry alone already refuses her; the job then ends her sessions and records it.
    expect((await me()).statusCode).toBe(404);
    if ((await t.jobs.drain()) === 0) {
      // pg-boss counts the delay on the database's own clock, not the test's: run the job's work
      // as its runner would.
      const list = await db
        .selectFrom('person_checklists')
        .select('id')
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      await cutOffKind(testDeps(t, clock)).run(
        { orgId: org.id, checklistId: list.id, at: '2026-06-04T05:00:00.000Z' },
        { db, clock, jobId: 'test', attempt: 1 },
      );
    }
    const sessions = await db
      .selectFrom('sessions')
      .select(['revoked_at'])
      .where('user_id', '=', worker.user.id)
      .execute();
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    const cutOff = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'membership.access_ended')
      .execute();
    expect(cutOff).toHaveLength(1);

    // Past the deadline, the items are overdue, the dashboard says so and the official is told.
    clock.set('2026-06-04T09:30:00.000Z');
    const official = { headers: await sessionHeaders(db, clock, officer.user.id, org.id) };
    const late = await call(official, 'GET', `/people/${personId}/checklists`);
    expect(late.json<Checklists>().termination?.items.every((i) => i.overdue)).toBe(true);
    const dashboard = await call(official, 'GET', '/dashboard');
    expect(
      dashboard.json<{ nextActions: { id: string; title: string }[] }>().nextActions,
    ).toContainEqual(
      expect.objectContaining({
        id: 'overdue-terminations',
        title: '6 termination tasks are overdue',
      }),
    );
    const deps = testDeps(t, clock);
    expect(await sweepEveryOrganization(deps, terminationNotices)).toBeGreaterThan(0);
    expect(await sweepEveryOrganization(deps, terminationNotices)).toBe(0);
    const told = await db
      .selectFrom('notifications')
      .select(['kind'])
      .where('org_id', '=', org.id)
      .where('user_id', '=', officer.user.id)
      .where('kind', '=', 'task.escalated')
      .execute();
    expect(told.length).toBe(6);
  });

  it('ends access at once for a past end date; an undo cancels open tasks and restores access', async () => {
    const { db, clock, org, officer, call, addPerson } = await setUp();
    const worker = await buildMember(db, clock, org.id, 'contributor');
    const personId = await addPerson('Omar Haddad', worker.user.id);
    const ended = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-05-29',
      reason: 'dismissed',
    });
    expect(ended.statusCode).toBe(200);
    // Recorded late: due 24 hours (the default) from now.
    expect(ended.json<Checklists>().termination?.items[0]?.dueAt).toBe('2026-06-02T09:00:00.000Z');
    // Her session was ended with her access: signed out.
    expect((await call(worker, 'GET', '/tasks')).statusCode).toBe(401);
    const fresh = await sessionHeaders(db, clock, worker.user.id, org.id);
    expect((await call({ headers: fresh }, 'GET', '/tasks')).statusCode).toBe(404);

    const [first] = await openTasks(db, org.id, 'Omar Haddad');
    if (!first) throw new Error('a task');
    expect(
      (await call(officer, 'POST', `/tasks/${first.id}/complete`, { note: 'Disabled.' }))
        .statusCode,
    ).toBe(200);
    const undone = await call(officer, 'DELETE', `/people/${personId}/termination`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json<Checklists>().termination).toMatchObject({ status: 'undone', items: [] });
    expect(await openTasks(db, org.id, 'Omar Haddad')).toHaveLength(0);
    const kept = await db
      .selectFrom('tasks')
      .select(['status'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('done');
    const person = await call(officer, 'GET', `/people/${personId}`);
    expect(person.json<{ endDate: string | null }>().endDate).toBeNull();
    const membership = await db
      .selectFrom('memberships')
      .select('access_expires_at')
      .where('id', '=', worker.membership.id)
      .executeTakeFirstOrThrow();
    expect(membership.access_expires_at).toBeNull();
    // A second undo has nothing to take back.
    expect((await call(officer, 'DELETE', `/people/${personId}/termination`)).statusCode).toBe(409);
  });

  it('refuses bad input naming the field, and lets only the roster keepers act', async () => {
    const { db, clock, org, officer, call, addPerson } = await setUp();
    const personId = await addPerson('Zoe Adams', null);
    const bad = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2023-01-01',
      reason: 'resigned',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.endDate');
    const reason = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-10',
      reason: 'vanished',
    });
    expect(reason.statusCode).toBe(400);
    expect(reason.body).toContain('body.reason');
    expect(await openTasks(db, org.id, 'Zoe Adams')).toHaveLength(0);
    const hours = await call(officer, 'PATCH', '/workforce-settings', {
      terminationDeadlineHours: 0,
    });
    expect(hours.statusCode).toBe(400);
    expect(hours.body).toContain('body.terminationDeadlineHours');
    const contributor = await buildMember(db, clock, org.id, 'contributor');
    expect(
      (
        await call(contributor, 'POST', `/people/${personId}/termination`, {
          endDate: '2026-06-10',
          reason: 'resigned',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('onboards from the template of the person’s department and role, once', async () => {
    const { db, org, officer, call } = await setUp();
    const dept = await call(officer, 'POST', '/departments', { name: 'Clinical' });
    const departmentId = dept.json<{ id: string }>().id;
    const template = await call(officer, 'PUT', '/checklist-templates', {
      kind: 'onboarding',
      items: [
        { title: 'Issue a badge', departmentId: null, jobRole: null },
        { title: 'Fit the scrubs', departmentId, jobRole: null },
        { title: 'Pharmacy cabinet key', departmentId, jobRole: 'registered nurse' },
        { title: 'Till training', departmentId: null, jobRole: 'Receptionist' },
      ],
    });
    expect(template.statusCode).toBe(200);
    expect(template.json<{ builtIn: boolean }>().builtIn).toBe(false);
    const created = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Kevin Tran',
      departmentId,
      jobRole: 'Registered Nurse',
      startDate: '2026-06-15',
    });
    const personId = created.json<{ id: string }>().id;
    const started = await call(officer, 'POST', `/people/${personId}/onboarding`, {});
    expect(started.statusCode).toBe(200);
    expect(started.json<Checklists>().onboarding?.items.map((i) => i.title)).toEqual([
      'Issue a badge (Kevin Tran)',
      'Fit the scrubs (Kevin Tran)',
      'Pharmacy cabinet key (Kevin Tran)',
    ]);
    await call(officer, 'POST', `/people/${personId}/onboarding`, {});
    const tasks = await openTasks(db, org.id, 'Kevin Tran');
    expect(tasks).toHaveLength(3);
    expect(tasks.every((task) => task.due_on === '2026-06-15')).toBe(true);
    const unknown = await call(officer, 'PUT', '/checklist-templates', {
      kind: 'termination',
      items: [{ title: 'X', departmentId: '0190d4c8-0000-7000-8000-000000000000', jobRole: null }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('body.items.0.departmentId');
  });
});

describe(`the only owner on ${testDatabaseKind()}`, () => {
  it('refuses to end the employment of the only owner, naming why, and changes nothing', async () => {
    const { db, clock, org, officer, call, addPerson } = await setUp();
    const owner = await buildMember(db, clock, org.id, 'owner');
    const personId = await addPerson('Olive Owner', owner.user.id);
    const ended = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    expect(ended.statusCode).toBe(409);
    expect(ended.body).toContain('only owner');
    const person = await call(officer, 'GET', `/people/${personId}`);
    expect(person.json<{ endDate: string | null }>().endDate).toBeNull();
    const membership = await db
      .selectFrom('memberships')
      .select('access_expires_at')
      .where('id', '=', owner.membership.id)
      .executeTakeFirstOrThrow();
    expect(membership.access_expires_at).toBeNull();
    // With a second owner whose access lasts, it goes ahead.
    await buildMember(db, clock, org.id, 'owner');
    const again = await call(officer, 'POST', `/people/${personId}/termination`, {
      endDate: '2026-06-03',
      reason: 'resigned',
    });
    expect(again.statusCode).toBe(200);
  });
});
