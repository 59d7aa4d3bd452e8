import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

// 164.308(a)(3)(ii)(C): open tasks do not stay with someone who left or can no longer do them.

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  const call = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: owner.headers,
      ...(payload ? { payload } : {}),
    });
  const designated = await call('PATCH', '/profile', {
    securityOfficial: { userId: officer.user.id, since: '2026-05-01' },
  });
  expect(designated.statusCode, designated.body).toBe(200);
  const task = async (title: string) => {
    const res = await call('POST', '/tasks', { title, ownerId: worker.user.id });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const ownerOf = async (id: string) =>
    (await call('GET', `/tasks/${id}`)).json<{ owner: { id: string } | null }>().owner?.id;
  const handed = () =>
    db
      .selectFrom('audit_events')
      .select(['entity_id', 'changes'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'task.changed')
      .execute();
  return { db, call, officer, worker, task, ownerOf, handed };
}

describe(`open tasks of a member who leaves, on ${testDatabaseKind()}`, () => {
  it('go to the Security Official when the member is removed, audited; done ones stay', async () => {
    const { db, call, officer, worker, task, ownerOf, handed } = await setUp();
    const open = await task('Lock the file room');
    const done = await task('Sign the policy');
    expect((await call('POST', `/tasks/${done}/complete`, {})).statusCode).toBe(200);
    const membership = await db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', worker.user.id)
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/members/${membership.id}`)).statusCode).toBe(204);
    expect(await ownerOf(open)).toBe(officer.user.id);
    expect(await ownerOf(done)).toBe(worker.user.id);
    const events = await handed();
    expect(events.map((e) => e.entity_id)).toEqual([open]);
  });

  it('go to the Security Official when the member becomes an auditor', async () => {
    const { db, call, officer, worker, task, ownerOf } = await setUp();
    const open = await task('Lock the file room');
    const membership = await db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', worker.user.id)
      .executeTakeFirstOrThrow();
    const changed = await call('PATCH', `/members/${membership.id}`, {
      role: 'auditor',
      accessExpiresAt: '2026-12-31T00:00:00.000Z',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await ownerOf(open)).toBe(officer.user.id);
  });

  it('sends the heir one email for a hundred tasks handed over, and a notice per task in the bell', async () => {
    const { db, call, officer, worker, task } = await setUp();
    const ids: string[] = [];
    for (let i = 1; i <= 100; i++) ids.push(await task(`Check the door log, room ${i}`));
    const membership = await db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', worker.user.id)
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/members/${membership.id}`)).statusCode).toBe(204);
    const notices = await db
      .selectFrom('notifications')
      .select(['record_id', 'kind', 'emailed_at'])
      .where('user_id', '=', officer.user.id)
      .execute();
    const handed = notices.filter((n) => ids.includes(n.record_id));
    expect(handed).toHaveLength(100);
    // Each notice says who handed it over (the owner who removed the member).
    const titles = await db
      .selectFrom('notifications')
      .select('title')
      .where('record_id', '=', ids[0] ?? '')
      .where('user_id', '=', officer.user.id)
      .execute();
    expect(titles.map((n) => n.title)).toEqual([
      'A owner assigned you TASK-1 Check the door log, room 1',
    ]);
    expect(new Set(handed.map((n) => n.kind))).toEqual(new Set(['task.assigned']));
    const emails = (
      await db
        .selectFrom('outbox')
        .select(['subject', 'body_text'])
        .where('to_email', '=', officer.user.email)
        .execute()
    ).filter((e) => e.body_text.includes('Check the door log'));
    expect(emails.map((e) => e.subject)).toEqual(['Custos: A owner handed 100 tasks over to you']);
    expect(emails[0]?.body_text).toContain('Check the door log, room 1\n');
    expect(emails[0]?.body_text).toContain('Check the door log, room 100');
  });
});
