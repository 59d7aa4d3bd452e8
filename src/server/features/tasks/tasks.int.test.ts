import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

interface TaskJson {
  id: string;
  reference: string;
  title: string;
  dueOn: string | null;
  status: string;
  overdue: boolean;
  recurrence: { frequency: string; interval: number } | null;
  links: { type: string; targetId: string; label: string }[];
  completedAt: string | null;
  completedBy: { id: string; name: string } | null;
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}/tasks`;
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'POST',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: base + url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const create = async (payload: object) => {
    const response = await call(officer, 'POST', '', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TaskJson>();
  };
  return { ...t, clock, org, officer, worker, auditor, call, create };
}

describe(`tasks on ${testDatabaseKind()}`, () => {
  it('numbers tasks per organization and links them to safeguard records', async () => {
    const { create, call, officer } = await setUp();
    const first = await create({ title: 'Write the sanction policy' });
    const second = await create({
      title: 'Review EHR access',
      links: [{ type: 'safeguard', id: '164.308(a)(1)(ii)(D)' }],
    });
    expect([first.reference, second.reference]).toEqual(['TASK-1', 'TASK-2']);
    expect(second.links).toEqual([
      expect.objectContaining({
        type: 'safeguard',
        targetId: '164.308(a)(1)(ii)(D)',
        label: '164.308(a)(1)(ii)(D) Information system activity review',
      }),
    ]);
    const linked = await call(
      officer,
      'GET',
      `?linkedType=safeguard&linkedId=${encodeURIComponent('164.308(a)(1)(ii)(D)')}`,
    );
    expect(linked.json<{ data: TaskJson[] }>().data.map((t) => t.reference)).toEqual(['TASK-2']);
    const bad = await call(officer, 'POST', '', {
      title: 'x',
      links: [{ type: 'safeguard', id: '164.999(z)' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.links.0.id',
    );
  });

  it('completing a recurring task creates the next occurrence with its links', async () => {
    const { create, call, officer, clock } = await setUp();
    const task = await create({
      title: 'Quarterly access review',
      dueOn: '2026-01-31',
      recurrence: { frequency: 'monthly', interval: 3 },
      links: [{ type: 'safeguard', id: '164.308(a)(4)(ii)(C)' }],
    });
    expect(task.overdue).toBe(true);
    const done = await call(officer, 'POST', `/${task.id}/complete`, {
      note: 'Reviewed 42 accounts, removed 3.',
      evidenceUrl: 'https://intranet.example/reviews/q1',
    });
    expect(done.statusCode).toBe(200);
    const { task: completed, next } = done.json<{ task: TaskJson; next: TaskJson }>();
    expect(completed.status).toBe('done');
    // Who completed it and when: the list and the drawer say so.
    expect(completed.completedBy).toEqual({ id: officer.user.id, name: officer.user.name });
    expect(completed.completedAt).toBe(clock.now().toISOString());
    expect(next.completedBy).toBeNull();
    const listed = (await call(officer, 'GET', '?status=done')).json<{ data: TaskJson[] }>().data;
    expect(listed.map((t) => t.completedBy?.name)).toEqual([officer.user.name]);
    expect(next).toMatchObject({
      reference: 'TASK-2',
      dueOn: '2026-04-30',
      recurrence: { frequency: 'monthly', interval: 3 },
    });
    const nextDetail = (await call(officer, 'GET', `/${next.id}`)).json<TaskJson>();
    expect(nextDetail.links.map((l) => l.targetId)).toEqual(['164.308(a)(4)(ii)(C)']);
    expect((await call(officer, 'POST', `/${task.id}/complete`, {})).statusCode).toBe(409);
    expect(
      (await call(officer, 'PATCH', `/${task.id}`, { title: 'rewrite history' })).statusCode,
    ).toBe(409);
  });

  it('filters overdue tasks and pages through them by due date', async () => {
    const { create, call, officer } = await setUp();
    for (const dueOn of ['2026-05-01', '2026-07-01', null, '2026-05-15', '2026-05-15']) {
      await create({ title: `Due ${String(dueOn)}`, dueOn });
    }
    const overdue = (await call(officer, 'GET', '?overdue=true')).json<{ data: TaskJson[] }>();
    expect(overdue.data.map((t) => t.dueOn)).toEqual(['2026-05-01', '2026-05-15', '2026-05-15']);
    const seen: (string | null)[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { data: TaskJson[]; nextCursor: string | null } = (
        await call(officer, 'GET', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((t) => t.dueOn));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['2026-05-01', '2026-05-15', '2026-05-15', '2026-07-01', null]);
    expect((await call(officer, 'GET', '?cursor=nonsense')).statusCode).toBe(400);
  });

  it('workforce members see and complete only their own tasks; auditors complete nothing', async () => {
    const { create, call, worker, auditor } = await setUp();
    const theirs = await create({ title: 'Complete security training', ownerId: worker.user.id });
    const other = await create({ title: 'Officer-only task' });
    const list = (await call(worker, 'GET', '')).json<{ data: TaskJson[] }>();
    expect(list.data.map((t) => t.id)).toEqual([theirs.id]);
    expect((await call(worker, 'GET', `/${other.id}`)).statusCode).toBe(404);
    expect((await call(worker, 'POST', `/${other.id}/complete`, {})).statusCode).toBe(404);
    expect(
      (await call(worker, 'POST', `/${theirs.id}/complete`, { note: 'Done' })).statusCode,
    ).toBe(200);
    expect((await call(worker, 'POST', '', { title: 'x' })).statusCode).toBe(403);
    expect((await call(auditor, 'POST', `/${other.id}/complete`, {})).statusCode).toBe(403);
  });

  it('refuses a recurring task without a due date and a bad date, naming the field', async () => {
    const { call, officer } = await setUp();
    const noDue = await call(officer, 'POST', '', {
      title: 'x',
      recurrence: { frequency: 'weekly', interval: 1 },
    });
    expect(noDue.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.dueOn',
    );
    const badDate = await call(officer, 'POST', '', { title: 'x', dueOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.dueOn',
    );
  });
});
