import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';

// PATCH /api/orgs/:orgId/tasks/:taskId: edit until done (issue 12). The cross-tenant and audit
// passes cover it too (task-routes.int.test.ts).

const startApp = testApps();

interface TaskJson {
  id: string;
  title: string;
  owner: { id: string; name: string } | null;
  dueOn: string | null;
  priority: string;
  status: string;
}
interface ErrorJson {
  error: { code: string; details?: { path: string; message: string }[] };
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const formerAuditor = await buildMember(db, clock, org.id, 'auditor', '2026-05-01T00:00:00.000Z');
  const other = await buildOrganization(db);
  const outsider = await buildMember(db, clock, other.id, 'owner');
  const patch = (headers: Record<string, string>, id: string, payload: object, orgId = org.id) =>
    t.app.inject({ method: 'PATCH', url: `/api/orgs/${orgId}/tasks/${id}`, headers, payload });
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/tasks`,
    headers: officer.headers,
    payload: { title: 'Review the firewall rules', dueOn: '2026-06-10', ownerId: worker.user.id },
  });
  expect(created.statusCode, created.body).toBe(201);
  const task = created.json<TaskJson>();
  const events = () =>
    db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_id', 'entity_id'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'task.changed')
      .execute();
  return {
    ...t,
    clock,
    org,
    other,
    officer,
    contributor,
    worker,
    auditor,
    formerAuditor,
    outsider,
    task,
    patch,
    events,
  };
}

const pathOf = (res: { json: () => unknown }) => (res.json() as ErrorJson).error.details?.[0]?.path;

describe(`editing a task on ${testDatabaseKind()}`, () => {
  it('reassigns, reschedules and reprioritises, auditing only what changed', async () => {
    const { patch, task, contributor, officer, events } = await setUp();
    const res = await patch(contributor.headers, task.id, {
      title: task.title,
      ownerId: officer.user.id,
      dueOn: '2026-07-01',
      priority: 'critical',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TaskJson>()).toMatchObject({
      owner: { id: officer.user.id, name: 'A security_officer' },
      dueOn: '2026-07-01',
      priority: 'critical',
      status: 'open',
    });
    const [event] = await events();
    expect(event?.actor_id).toBe(contributor.user.id);
    expect(event?.entity_id).toBe(task.id);
    expect(JSON.parse(event?.changes ?? '{}')).toEqual({
      ownerId: { before: task.owner?.id, after: officer.user.id },
      dueOn: { before: '2026-06-10', after: '2026-07-01' },
      priority: { before: 'medium', after: 'critical' },
    });
  });

  it('takes a token of an editor, and writes nothing when nothing changes', async () => {
    const { patch, task, officer, org, events, database, clock } = await setUp();
    const headers = await tokenHeaders(
      database.handle.db,
      clock,
      officer.user.id,
      org.id,
      'contributor',
    );
    const res = await patch(headers, task.id, { description: 'Both offices.' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await patch(headers, task.id, { description: 'Both offices.' })).statusCode).toBe(200);
    expect(await events()).toHaveLength(1);
  });

  it('refuses an owner outside the organization, whose access ended or who cannot complete tasks, naming the field', async () => {
    const { patch, task, officer, outsider, formerAuditor, auditor, events } = await setUp();
    for (const ownerId of [outsider.user.id, formerAuditor.user.id]) {
      const res = await patch(officer.headers, task.id, { ownerId });
      expect(res.statusCode).toBe(400);
      expect(pathOf(res)).toBe('body.ownerId');
    }
    const ended = await patch(officer.headers, task.id, { ownerId: formerAuditor.user.id });
    expect(ended.json<ErrorJson>().error.details?.[0]?.message).toContain(
      'must be a member whose access has not ended',
    );
    // An auditor's role cannot complete tasks: a task handed to one could never be closed.
    const toAuditor = await patch(officer.headers, task.id, { ownerId: auditor.user.id });
    expect(toAuditor.statusCode).toBe(400);
    expect(toAuditor.json<ErrorJson>().error.details?.[0]).toEqual({
      path: 'body.ownerId',
      message: 'must be someone whose role allows them to complete tasks',
    });
    expect(await events()).toHaveLength(0);
  });

  it('refuses a bad value naming its field', async () => {
    const { patch, task, officer } = await setUp();
    for (const [payload, path] of [
      [{ title: '' }, 'body.title'],
      [{ dueOn: '2026-02-30' }, 'body.dueOn'],
      [{ priority: 'urgent' }, 'body.priority'],
      [{ status: 'done' }, 'body.status'],
      [{ ownerId: 'someone' }, 'body.ownerId'],
    ] as const) {
      const res = await patch(officer.headers, task.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(pathOf(res)).toBe(path);
    }
  });

  it('answers 401 signed out, 403 to workforce members (even its owner) and auditors', async () => {
    const { patch, task, worker, auditor, events } = await setUp();
    expect((await patch({}, task.id, { priority: 'low' })).statusCode).toBe(401);
    for (const who of [worker, auditor]) {
      const res = await patch(who.headers, task.id, { dueOn: '2026-12-31' });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorJson>().error.code).toBe('forbidden');
    }
    expect(await events()).toHaveLength(0);
  });

  it("answers 404 to another organization's member and to another organization's task", async () => {
    const { patch, task, outsider, other, officer, app, events } = await setUp();
    expect((await patch(outsider.headers, task.id, { priority: 'low' })).statusCode).toBe(404);
    const theirs = await app.inject({
      method: 'POST',
      url: `/api/orgs/${other.id}/tasks`,
      headers: outsider.headers,
      payload: { title: 'Their task' },
    });
    expect(theirs.statusCode).toBe(201);
    const id = theirs.json<TaskJson>().id;
    expect((await patch(officer.headers, id, { priority: 'low' })).statusCode).toBe(404);
    expect((await patch(outsider.headers, id, {}, other.id)).json<TaskJson>().priority).toBe(
      'medium',
    );
    expect(await events()).toHaveLength(0);
  });

  it('keeps a completed task as it was; a cancelled one can be reopened', async () => {
    const t = await setUp();
    const { patch, task, officer } = t;
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${t.org.id}/tasks/${task.id}/complete`,
      headers: officer.headers,
      payload: { note: 'Reviewed.' },
    });
    expect(done.statusCode).toBe(200);
    const res = await patch(officer.headers, task.id, { dueOn: '2026-12-31' });
    expect(res.statusCode).toBe(409);
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${t.org.id}/tasks`,
      headers: officer.headers,
      payload: { title: 'Second' },
    });
    const id = second.json<TaskJson>().id;
    expect((await patch(officer.headers, id, { status: 'cancelled' })).statusCode).toBe(200);
    const reopened = await patch(officer.headers, id, { status: 'open' });
    expect(reopened.json<TaskJson>().status).toBe('open');
  });
});
