import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { buildApp } from '../../app';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { createJobs } from '../../platform/jobs';

const startApp = testApps();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A clinic in Chicago at 09:00 local on 2026-06-01: a workforce member owns a task due tomorrow;
 * the Security Official is told of tasks overdue by 3 days (the organization's setting).
 */
async function setUp() {
  const clock = testClock('2026-06-01T14:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { time_zone: 'America/Chicago' });
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const owner = await buildMember(db, clock, org.id, 'contributor');
  const admin = await buildMember(db, clock, org.id, 'owner');
  await db
    .updateTable('organizations')
    .set({ security_official_id: official.user.id })
    .where('id', '=', org.id)
    .execute();
  const settings = await t.app.inject({
    method: 'PATCH',
    url: `/api/orgs/${org.id}/settings`,
    headers: admin.headers,
    payload: { escalateOverdueAfterDays: 3 },
  });
  expect(settings.json()).toMatchObject({ escalateOverdueAfterDays: 3 });
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/tasks`,
    headers: official.headers,
    payload: { title: 'Review the access log', ownerId: owner.user.id, dueOn: '2026-06-02' },
  });
  expect(created.statusCode).toBe(201);
  const taskId = created.json<{ id: string }>().id;
  /** The reminders of the task so far, as [recipient, kind]. */
  const notices = async () =>
    (
      await db
        .selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('org_id', '=', org.id)
        .where('record_id', '=', taskId)
        .where('kind', '!=', 'task.assigned')
        .orderBy('created_at')
        .execute()
    ).map((n) => [n.user_id === owner.user.id ? 'owner' : 'official', n.kind]);
  /** Fifteen minutes on, the schedules' next due time: tick, then run what they enqueued. */
  const sweep = async () => {
    clock.advance(15 * 60_000);
    await t.jobs.tick();
    await t.jobs.drain();
  };
  return { t, clock, org, owner, official, taskId, notices, sweep };
}

describe(`task reminders on ${testDatabaseKind()}`, () => {
  it('remind once before the due date, tell once when overdue, escalate once N days later', async () => {
    const { clock, notices, sweep } = await setUp();
    await sweep();
    await sweep();
    expect(await notices()).toEqual([['owner', 'task.due_soon']]);

    clock.advance(DAY); // 2026-06-02: due today, still the same reminder
    await sweep();
    expect(await notices()).toEqual([['owner', 'task.due_soon']]);

    clock.advance(DAY); // 2026-06-03: one day overdue
    await sweep();
    await sweep();
    expect(await notices()).toEqual([
      ['owner', 'task.due_soon'],
      ['owner', 'task.overdue'],
    ]);

    clock.advance(DAY); // two days overdue: not yet escalated
    await sweep();
    expect(await notices()).toHaveLength(2);
    clock.advance(DAY); // three days overdue
    await sweep();
    await sweep();
    expect(await notices()).toEqual([
      ['owner', 'task.due_soon'],
      ['owner', 'task.overdue'],
      ['official', 'task.escalated'],
    ]);
    clock.advance(10 * DAY);
    await sweep();
    expect(await notices()).toHaveLength(3);
  });

  it('email a person three notices of one sweep at once; the rest of a backlog waits for the digest', async () => {
    const { t, org, owner, official, sweep } = await setUp();
    for (let i = 1; i <= 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/tasks`,
        headers: official.headers,
        payload: { title: `Old task ${i}`, ownerId: owner.user.id, dueOn: `2026-05-2${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    const db = t.database.handle.db;
    const mailsTo = async (email: string) =>
      (await db.selectFrom('outbox').select('id').where('to_email', '=', email).execute()).length;
    const ownerBefore = await mailsTo(owner.user.email);
    const officialBefore = await mailsTo(official.user.email);
    await sweep();
    const overdue = await db
      .selectFrom('notifications')
      .select(['emailed_at', 'digest_pending'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'task.overdue')
      .execute();
    expect(overdue).toHaveLength(5);
    expect(overdue.filter((n) => n.emailed_at !== null)).toHaveLength(3);
    expect(overdue.filter((n) => n.digest_pending === 1)).toHaveLength(2);
    // Three each: the owner's overdue notices, the official's escalations (all five are 3+ days late).
    expect((await mailsTo(owner.user.email)) - ownerBefore).toBe(3);
    expect((await mailsTo(official.user.email)) - officialBefore).toBe(3);
  });

  it('two app processes on one database sweep the same due time and remind once', async () => {
    const { t, clock, notices } = await setUp();
    const jobs = createJobs({ database: t.database.handle, clock, onError: () => undefined });
    const second = await buildApp({
      config: { logLevel: 'silent', trustProxy: false },
      database: t.database.handle,
      webRoot: t.webRoot,
      masterKey: TEST_MASTER_KEY,
      clock,
      jobs,
    });
    try {
      clock.advance(15 * 60_000);
      const ticks = await Promise.all([t.jobs.tick(), jobs.tick(), t.jobs.tick(), jobs.tick()]);
      // Each schedule is enqueued by one process only.
      expect(ticks.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await Promise.all([t.jobs.drain(), jobs.drain()]);
      await Promise.all([t.jobs.drain(), jobs.drain()]);
      expect(await notices()).toEqual([['owner', 'task.due_soon']]);
      const runs = await t.database.handle.db
        .selectFrom('job_schedule_runs')
        .select(['schedule'])
        .where('schedule', '=', 'tasks.remind')
        .execute();
      expect(runs).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
