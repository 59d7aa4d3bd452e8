import { describe, expect, it } from 'vitest';
import type { AuditEventsTable } from '../../db/schema';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

// Who approved is who acted (design.md §6.2): nobody records another person's acceptance of a
// risk, and a token (whatever its scope) accepts nothing.

const startApp = testApps();

interface RiskJson {
  id: string;
  treatment: string | null;
  acceptance: {
    approver: { id: string; name: string };
    acceptedOn: string;
    expiresOn: string;
  } | null;
  planTasks: { id: string; title: string; status: string }[];
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const privacy = await buildMember(db, clock, org.id, 'privacy_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: url.startsWith('/api/') ? url : `/api/orgs/${org.id}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const token = async (who: { headers: Record<string, string> }, role: string) => {
    const created = await call(who, 'POST', '/api/me/tokens', {
      orgId: org.id,
      name: `${role} token`,
      role,
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    return { headers: { authorization: `Bearer ${created.json<{ token: string }>().token}` } };
  };
  const risk = (
    await call(privacy, 'POST', '/risks', { title: 'The X-ray unit runs an unsupported OS' })
  ).json<RiskJson>();
  const events = (action: AuditEventsTable['action']) =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  return { ...t, db, clock, org, officer, privacy, contributor, call, token, risk, events };
}

const field = (response: { json: () => unknown }) =>
  (response.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

describe(`risk acceptance on ${testDatabaseKind()}`, () => {
  it('refuses an editor naming someone else as approver, and writes nothing', async () => {
    const { call, officer, privacy, risk, events } = await setUp();
    for (const body of [
      { treatment: 'accept', acceptedBy: officer.user.id },
      { treatment: 'accept', acceptedBy: officer.user.id, acceptanceExpiresOn: '2027-06-30' },
    ]) {
      const named = await call(privacy, 'PATCH', `/risks/${risk.id}`, body);
      expect(named.statusCode).toBe(400);
      expect(field(named)).toBe('body.acceptedBy');
    }
    const dated = await call(privacy, 'PATCH', `/risks/${risk.id}`, {
      treatment: 'accept',
      acceptanceExpiresOn: '2027-06-30',
    });
    expect(field(dated)).toBe('body.acceptanceExpiresOn');
    const created = await call(privacy, 'POST', '/risks', {
      title: 'Fax line',
      treatment: 'accept',
      acceptedBy: officer.user.id,
    });
    expect(field(created)).toBe('body.acceptedBy');
    const after = (await call(privacy, 'GET', `/risks/${risk.id}`)).json<RiskJson>();
    expect(after).toMatchObject({ treatment: null, acceptance: null });
    expect((await call(privacy, 'GET', '/risks')).json<{ data: unknown[] }>().data).toHaveLength(1);
    expect(await events('risk.changed')).toEqual([]);
  });

  it('leaves an editor’s "accept" pending, with a task for the Security Official', async () => {
    const { call, officer, privacy, risk, events } = await setUp();
    await call(officer, 'PATCH', '/profile', {
      securityOfficial: { userId: officer.user.id, since: '2026-01-01' },
    });
    const pending = await call(privacy, 'PATCH', `/risks/${risk.id}`, { treatment: 'accept' });
    expect(pending.statusCode).toBe(200);
    expect(pending.json<RiskJson>()).toMatchObject({ treatment: 'accept', acceptance: null });
    const tasks = (await call(officer, 'GET', `/tasks?linkedType=risk&linkedId=${risk.id}`)).json<{
      data: { title: string; owner: { id: string } | null; status: string }[];
    }>().data;
    expect(tasks.map((t) => [t.title, t.owner?.id, t.status])).toEqual([
      ['Approve or decline accepting RISK-1', officer.user.id, 'open'],
    ]);
    const csv = await call(officer, 'GET', '/risks/export.csv');
    const line = csv.body.split('\r\n').find((l) => l.startsWith('RISK-1,'));
    expect(line).toContain(',accept,');
    expect(line).toContain(',pending approval,');
    // The privacy officer's role does not approve.
    const refused = await call(privacy, 'PUT', `/risks/${risk.id}/acceptance`, {
      expiresOn: '2027-06-30',
    });
    expect(refused.statusCode).toBe(403);
    expect(await events('risk.accepted')).toEqual([]);
  });

  it('records the security officer who accepts as the approver, today, and audits her as the actor', async () => {
    const { call, db, officer, privacy, risk, events } = await setUp();
    await call(privacy, 'PATCH', `/risks/${risk.id}`, { treatment: 'accept' });
    const accepted = await call(officer, 'PUT', `/risks/${risk.id}/acceptance`, {
      expiresOn: '2027-05-31',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<RiskJson>()).toMatchObject({
      treatment: 'accept',
      acceptance: {
        approver: { id: officer.user.id, name: officer.user.name },
        acceptedOn: '2026-11-22',
        expiresOn: '2027-05-31',
      },
    });
    const [event] = await events('risk.accepted');
    expect(event).toMatchObject({
      actor_type: 'user',
      actor_id: officer.user.id,
      entity_type: 'risk',
      entity_id: risk.id,
    });
    expect(JSON.parse(event?.changes ?? '{}')).toMatchObject({
      approverId: { before: null, after: officer.user.id },
      acceptedOn: { after: '2026-11-22' },
      expiresOn: { after: '2027-05-31' },
    });
    // The task that asked for it is done, by her.
    const task = await db
      .selectFrom('tasks')
      .select(['status', 'completed_by', 'completion_note'])
      .where('title', '=', 'Approve or decline accepting RISK-1')
      .executeTakeFirstOrThrow();
    // The note is read by people (the drawer, the audit log, its export): a date in words.
    expect(task).toEqual({
      status: 'done',
      completed_by: officer.user.id,
      completion_note: 'Accepted until 31 May 2027.',
    });
    const csv = await call(officer, 'GET', '/risks/export.csv');
    expect(csv.body).toContain(`${officer.user.name},2026-11-22,2027-05-31`);
  });

  it('lets no token accept: not a contributor’s, not a lesser scope, not even the officer’s own', async () => {
    const { call, officer, contributor, token, risk, events } = await setUp();
    const url = `/risks/${risk.id}/acceptance`;
    const body = { expiresOn: '2027-06-30' };
    expect((await call(await token(contributor, 'contributor'), 'PUT', url, body)).statusCode).toBe(
      403,
    );
    expect((await call(await token(officer, 'contributor'), 'PUT', url, body)).statusCode).toBe(
      403,
    );
    const own = await call(await token(officer, 'security_officer'), 'PUT', url, body);
    expect(own.statusCode).toBe(403);
    expect(own.json<{ error: { message: string } }>().error.message).toMatch(/Only a person/);
    expect((await call(await token(officer, 'security_officer'), 'DELETE', url)).statusCode).toBe(
      403,
    );
    const after = (await call(officer, 'GET', `/risks/${risk.id}`)).json<RiskJson>();
    expect(after.acceptance).toBeNull();
    expect(await events('risk.accepted')).toEqual([]);
    const denied = await events('access.denied');
    expect(denied.filter((e) => e.actor_type === 'token')).toHaveLength(4);
  });

  it('withdraws an acceptance or declines a pending one: the risk is left untreated', async () => {
    const { call, officer, privacy, risk, events, db } = await setUp();
    const url = `/risks/${risk.id}/acceptance`;
    await call(officer, 'PUT', url, { expiresOn: '2027-06-30' });
    const withdrawn = await call(officer, 'DELETE', url);
    expect(withdrawn.json<RiskJson>()).toMatchObject({ treatment: null, acceptance: null });
    expect(await events('risk.acceptance_withdrawn')).toEqual([
      expect.objectContaining({ actor_id: officer.user.id }),
    ]);
    expect((await call(officer, 'DELETE', url)).statusCode).toBe(409);

    await call(privacy, 'PATCH', `/risks/${risk.id}`, { treatment: 'accept' });
    expect((await call(privacy, 'DELETE', url)).statusCode).toBe(403);
    const declined = await call(officer, 'DELETE', url);
    expect(declined.json<RiskJson>()).toMatchObject({ treatment: null, acceptance: null });
    const task = await db
      .selectFrom('tasks')
      .select('status')
      .where('title', '=', 'Approve or decline accepting RISK-1')
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
  });

  it('answers 404 for another organization’s risk', async () => {
    const { call, db, clock, risk } = await setUp();
    const other = await buildOrganization(db);
    const stranger = await buildMember(db, clock, other.id, 'security_officer');
    const response = await call(
      stranger,
      'PUT',
      `/api/orgs/${other.id}/risks/${risk.id}/acceptance`,
      {
        expiresOn: '2027-06-30',
      },
    );
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: { message: string } }>().error.message).toBe('No such risk.');
  });
});
