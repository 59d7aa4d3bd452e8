import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';

// Issue 12: a task the system raises has an owner: the owner of the record it is about, else the
// Security Official, else the person who acted; for an approval, the first of them who may approve.

const startApp = testApps();

interface TaskJson {
  id: string;
  reference: string;
  title: string;
  owner: { id: string } | null;
}

async function setUp(options: { official: boolean }) {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const admin = await buildMember(db, clock, org.id, 'admin');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const privacy = await buildMember(db, clock, org.id, 'privacy_officer');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  if (options.official) {
    await db
      .updateTable('organizations')
      .set({ security_official_id: officer.user.id, security_official_since: '2026-01-01' })
      .where('id', '=', org.id)
      .execute();
  }
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'POST',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const tasks = async (query = '') => {
    const res = await call(officer, 'GET', `/tasks?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ data: TaskJson[] }>().data;
  };
  return { ...t, db, clock, org, officer, admin, contributor, privacy, worker, call, tasks };
}

type World = Awaited<ReturnType<typeof setUp>>;

async function raiseAcceptance(w: World, riskOwner: string | null, editor = w.privacy) {
  const created = await w.call(editor, 'POST', '/risks', {
    title: 'Shared front-desk login',
    ownerId: riskOwner,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const res = await w.call(editor, 'PATCH', `/risks/${id}`, { treatment: 'accept' });
  expect(res.statusCode, res.body).toBe(200);
  const [task] = await w.tasks(`&linkedType=risk&linkedId=${id}`);
  return task?.owner?.id ?? null;
}

describe(`owners of the tasks the system raises, on ${testDatabaseKind()}`, () => {
  it("asks the risk's owner to approve an acceptance when they may, else the official", async () => {
    const w = await setUp({ official: true });
    expect(await raiseAcceptance(w, w.admin.user.id)).toBe(w.admin.user.id);
    // A contributor cannot approve: the Security Official can.
    expect(await raiseAcceptance(w, w.contributor.user.id)).toBe(w.officer.user.id);
  });

  it('without an official, an acceptance goes to its editor if able, else the risk owner', async () => {
    const w = await setUp({ official: false });
    expect(await raiseAcceptance(w, w.contributor.user.id, w.admin)).toBe(w.admin.user.id);
    // Nobody named may approve: the risk's owner holds it, to find an approver.
    expect(await raiseAcceptance(w, w.contributor.user.id, w.privacy)).toBe(w.contributor.user.id);
  });

  it("gives a treatment plan's task to the risk's owner, else the official, else its author", async () => {
    for (const official of [true, false]) {
      const w = await setUp({ official });
      for (const [riskOwner, expected] of [
        [w.privacy.user.id, w.privacy.user.id],
        [null, official ? w.officer.user.id : w.contributor.user.id],
      ] as const) {
        const created = await w.call(w.contributor, 'POST', '/risks', {
          title: 'Unpatched imaging workstation',
          ownerId: riskOwner,
        });
        const riskId = created.json<{ id: string }>().id;
        const title = `Replace the workstation ${String(riskOwner)}`;
        const res = await w.call(w.contributor, 'POST', `/risks/${riskId}/tasks`, { title });
        expect(res.statusCode, res.body).toBe(201);
        const task = (await w.tasks()).find((t) => t.title === title);
        expect(task?.owner?.id).toBe(expected);
      }
    }
  });

  it('asks the official to update the risk analysis for a new system, else who added it', async () => {
    for (const official of [true, false]) {
      const w = await setUp({ official });
      // Through a token, the person who acted is the token's creator.
      const headers = await tokenHeaders(w.db, w.clock, w.privacy.user.id, w.org.id, 'contributor');
      const res = await w.call({ headers }, 'POST', '/assets', {
        kind: 'application',
        name: 'Patient portal',
        ephiRoles: ['maintains'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const task = (await w.tasks()).find((t) => t.title.startsWith('Update the risk analysis'));
      expect(task?.owner?.id).toBe(official ? w.officer.user.id : w.privacy.user.id);
    }
  });

  it("hands a recurring task's next occurrence to the official when its owner has left", async () => {
    const w = await setUp({ official: true });
    const leaver = await buildMember(w.db, w.clock, w.org.id, 'workforce', '2026-06-20T00:00:00Z');
    const created = await w.call(w.officer, 'POST', '/tasks', {
      title: 'Collect the access review evidence',
      ownerId: leaver.user.id,
      dueOn: '2026-06-15',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const kept = await w.call(
      w.officer,
      'POST',
      `/tasks/${created.json<TaskJson>().id}/complete`,
      {},
    );
    expect(kept.json<{ next: TaskJson }>().next.owner?.id).toBe(leaver.user.id);
    w.clock.set('2026-07-01T09:00:00.000Z');
    const next = kept.json<{ next: TaskJson }>().next;
    // A month later, the session is a new one.
    const headers = await sessionHeaders(w.db, w.clock, w.officer.user.id, w.org.id);
    const moved = await w.call({ headers }, 'POST', `/tasks/${next.id}/complete`, {});
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ next: TaskJson }>().next.owner?.id).toBe(w.officer.user.id);
  });
});

describe(`the dashboard's task advice, on ${testDatabaseKind()}`, () => {
  it('links a single overdue task to itself, and shows unowned tasks to those who assign', async () => {
    const w = await setUp({ official: true });
    const mine = await w.call(w.officer, 'POST', '/tasks', {
      title: 'Rotate the Wi-Fi key',
      ownerId: w.officer.user.id,
      dueOn: '2026-05-01',
    });
    const overdue = mine.json<TaskJson>();
    for (const priority of ['high', 'low']) {
      await w.call(w.officer, 'POST', '/tasks', { title: `Unowned ${priority}`, priority });
    }
    const actions = async (who: { headers: Record<string, string> }) => {
      const res = await w.call(who, 'GET', '/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{
        nextActions: { id: string; title: string; detail: string; href: string }[];
      }>().nextActions;
    };
    const seen = await actions(w.officer);
    expect(seen.find((a) => a.id === 'my-overdue-tasks')).toMatchObject({
      title: `Your task ${overdue.reference} is overdue`,
      href: `/tasks?task=${overdue.id}`,
    });
    expect(seen.find((a) => a.id === 'unowned-tasks')).toEqual({
      id: 'unowned-tasks',
      title: '2 open tasks have no owner',
      detail: '1 is high priority. Open each and assign it to someone.',
      href: '/tasks?scope=unowned',
    });
    // A workforce member cannot edit the task: they ask for a new date instead.
    await w.call(w.officer, 'POST', '/tasks', {
      title: 'Complete the security training',
      ownerId: w.worker.user.id,
      dueOn: '2026-05-15',
    });
    const theirs = await actions(w.worker);
    expect(theirs.map((a) => a.id)).not.toContain('unowned-tasks');
    expect(theirs.find((a) => a.id === 'my-overdue-tasks')?.detail).toBe(
      'Complete the security training: finish it, or ask for a new due date.',
    );
    expect(seen.find((a) => a.id === 'my-overdue-tasks')?.detail).toBe(
      'Rotate the Wi-Fi key: finish it, or edit it to move its due date.',
    );
  });
});
