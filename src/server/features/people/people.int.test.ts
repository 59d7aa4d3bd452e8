import { describe, expect, it } from 'vitest';
import { peopleRoutes } from '../../../contracts/people';
import type { Person } from '../../../contracts/people-schemas';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([peopleRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}`;
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  return { t, db, clock, org, officer, auditor, base, call };
}

describe(`the roster on ${testDatabaseKind()}`, () => {
  it('adds, changes and removes people; auditors read without clearance notes', async () => {
    const { call, officer, auditor } = await setUp();
    const dept = await call(officer, 'POST', '/departments', { name: 'Front desk' });
    expect(dept.statusCode).toBe(201);
    const departmentId = dept.json<{ id: string }>().id;
    const created = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Nina Castillo',
      email: 'Nina@Example.org',
      employeeId: 'E-1',
      departmentId,
      startDate: '2020-01-01',
      clearanceOutcome: 'cleared',
      clearanceDate: '2019-12-20',
      clearanceNote: 'County records clear.',
    });
    expect(created.statusCode).toBe(201);
    const nina = created.json<Person>();
    expect(nina).toMatchObject({
      reference: 'PERSON-1',
      email: 'nina@example.org',
      department: { id: departmentId, name: 'Front desk' },
      status: 'active',
      clearanceNote: 'County records clear.',
    });
    const report = await call(officer, 'POST', '/people', {
      kind: 'volunteer',
      name: 'Henry Scott',
      managerId: nina.id,
      startDate: '2099-01-01',
    });
    expect(report.json<Person>()).toMatchObject({
      status: 'starting',
      manager: { id: nina.id, name: 'Nina Castillo', reference: 'PERSON-1' },
    });

    const read = await call(auditor, 'GET', `/people/${nina.id}`);
    expect(read.json<Person>().clearanceNote).toBeNull();
    expect(read.json<Person>().clearanceOutcome).toBe('cleared');
    expect((await call(auditor, 'PATCH', `/people/${nina.id}`, { name: 'X' })).statusCode).toBe(
      403,
    );

    const taken = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Someone else',
      employeeId: 'E-1',
    });
    expect(taken.statusCode).toBe(409);
    // Named by the person's name first, in the field's own message too (the form shows it).
    expect(
      taken.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message,
    ).toMatch(/^is already .+'s \(PERSON-1\)$/);
    const backwards = await call(officer, 'PATCH', `/people/${nina.id}`, {
      endDate: '2019-06-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('body.endDate');
    const loop = await call(officer, 'PATCH', `/people/${nina.id}`, {
      managerId: report.json<Person>().id,
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('reports to this person');

    const ended = await call(officer, 'PATCH', `/people/${nina.id}`, { endDate: '2020-06-30' });
    expect(ended.json<Person>().status).toBe('ended');
    const endedList = await call(auditor, 'GET', '/people?status=ended');
    expect(endedList.json<{ data: Person[] }>().data.map((p) => p.name)).toEqual(['Nina Castillo']);
    const byDept = await call(auditor, 'GET', `/people?departmentId=${departmentId}`);
    expect(byDept.json<{ data: Person[] }>().data).toHaveLength(1);

    // A manager cannot be removed while people report to them.
    const refused = await call(officer, 'DELETE', `/people/${nina.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('manages 1 person');
    expect((await call(officer, 'DELETE', `/people/${report.json<Person>().id}`)).statusCode).toBe(
      204,
    );
    expect((await call(officer, 'DELETE', `/people/${nina.id}`)).statusCode).toBe(204);
    expect((await call(auditor, 'GET', `/people/${nina.id}`)).statusCode).toBe(404);
  });

  it('refuses names that disguise themselves (direction marks, control characters)', async () => {
    const { call, officer } = await setUp();
    for (const [url, payload, path] of [
      ['/people', { kind: 'employee', name: 'Eve\u202Elive' }, 'body.name'],
      ['/people', { kind: 'employee', name: 'Bell\u0007x' }, 'body.name'],
      ['/people', { kind: 'employee', name: 'Ann', jobRole: 'Nurse\u200F' }, 'body.jobRole'],
      ['/departments', { name: 'D\u202Eept' }, 'body.name'],
    ] as const) {
      const res = await call(officer, 'POST', url, payload);
      expect([
        res.statusCode,
        res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path,
      ]).toEqual([400, path]);
    }
  });

  it('links a member by email, never a member of another organization', async () => {
    const { db, clock, org, call, officer } = await setUp();
    const otherOrg = await buildOrganization(db);
    const outsider = await buildMember(db, clock, otherOrg.id, 'contributor');
    const member = await buildMember(db, clock, org.id, 'workforce');
    const linked = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Linked',
      email: member.user.email,
    });
    expect(linked.json<Person>().user?.id).toBe(member.user.id);
    const notLinked = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Outsider',
      email: outsider.user.email,
    });
    expect(notLinked.json<Person>().user).toBeNull();
    const named = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'Named outsider',
      userId: outsider.user.id,
    });
    expect(named.statusCode).toBe(400);
    expect(named.body).toContain('body.userId');
  });

  it('manages departments: renames, archives, refuses deleting one in use', async () => {
    const { call, officer, auditor } = await setUp();
    const dept = (await call(officer, 'POST', '/departments', { name: 'Billing' })).json<{
      id: string;
    }>();
    const twin = await call(officer, 'POST', '/departments', { name: ' billing ' });
    expect(twin.statusCode).toBe(409);
    await call(officer, 'POST', '/people', { kind: 'employee', name: 'A', departmentId: dept.id });
    await call(officer, 'POST', '/people', { kind: 'employee', name: 'B', departmentId: dept.id });
    const inUse = await call(officer, 'DELETE', `/departments/${dept.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.body).toContain('2 people');
    const renamed = await call(officer, 'PATCH', `/departments/${dept.id}`, {
      name: 'Billing office',
      archived: true,
    });
    expect(renamed.json()).toMatchObject({ name: 'Billing office', archived: true, people: 2 });
    const intoArchived = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name: 'C',
      departmentId: dept.id,
    });
    expect(intoArchived.statusCode).toBe(400);
    expect(intoArchived.body).toContain('archived');
    const list = await call(auditor, 'GET', '/departments');
    expect(list.json<{ data: { name: string }[] }>().data.map((d) => d.name)).toEqual([
      'Billing office',
    ]);
    const empty = (await call(officer, 'POST', '/departments', { name: 'Empty' })).json<{
      id: string;
    }>();
    expect((await call(officer, 'DELETE', `/departments/${empty.id}`)).statusCode).toBe(204);
  });

  it('shows nothing of the roster to workforce members and contributors', async () => {
    const { db, clock, org, call } = await setUp();
    for (const role of ['workforce', 'contributor'] as const) {
      const member = await buildMember(db, clock, org.id, role);
      expect((await call(member, 'GET', '/people')).statusCode).toBe(403);
      expect((await call(member, 'GET', '/departments')).statusCode).toBe(403);
    }
  });
});
