import { describe, expect, it } from 'vitest';
import { notificationsRoutes, type NotificationPage } from '../../../contracts/notifications';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { testDeps } from '../../../../test/support/tenants';
import { notifyIn } from './notify';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([notificationsRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const editor = await buildMember(db, clock, org.id, 'security_officer');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  const deps = testDeps(t, clock);
  const inbox = async (headers: Record<string, string>, query = '') => {
    const res = await t.app.inject({ url: `/api/orgs/${org.id}/notifications${query}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json<NotificationPage>();
  };
  const outbox = () => db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).execute();
  return { clock, t, db, org, editor, worker, deps, inbox, outbox };
}

describe(`notifications on ${testDatabaseKind()}`, () => {
  it('are created once per person and key, ever, and emailed at once by default', async () => {
    const { t, db, org, worker, deps, inbox, outbox } = await setUp();
    const input = {
      orgId: org.id,
      userId: worker.user.id,
      kind: 'task.overdue' as const,
      record: { type: 'task' as const, id: '00000000-0000-7000-8000-000000000001' },
      title: 'TASK-1 Review the access log',
      dueOn: '2026-05-30',
      key: 'task.overdue:1:2026-05-30',
    };
    const run = () => db.transaction().execute((trx) => notifyIn(trx, deps, input));
    expect(await run()).toBe(true);
    expect(await run()).toBe(false);
    // A rolled-back change leaves no notice.
    await expect(
      db.transaction().execute(async (trx) => {
        await notifyIn(trx, deps, { ...input, key: 'other' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const page = await inbox(worker.headers);
    expect(page.unreadCount).toBe(1);
    expect(page.data.map((n) => [n.kind, n.title, n.dueOn])).toEqual([
      ['task.overdue', 'TASK-1 Review the access log', '2026-05-30'],
    ]);
    expect(page.data[0]?.emailedAt).not.toBeNull();
    const mail = await outbox();
    expect(mail.map((m) => [m.to_email, m.subject])).toEqual([
      [worker.user.email, 'Custos: TASK-1 Review the access log'],
    ]);
    expect(mail[0]?.body_html).toContain('http://localhost:8080/tasks?scope=all&amp;task=');
    expect(mail[0]?.body_text).toContain('due 30 May 2026');
    await t.background.idle();
  });

  it('follow the person’s choice: digest and off send nothing now; the bell shows all', async () => {
    const { db, org, worker, deps, inbox, outbox, t } = await setUp();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/notification-preferences`,
      headers: worker.headers,
      payload: {
        digestHour: 6,
        kinds: [
          { kind: 'task.overdue', delivery: 'digest' },
          { kind: 'task.assigned', delivery: 'off' },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    const prefs = put.json<{ digestHour: number; kinds: { kind: string; delivery: string }[] }>();
    expect(prefs.digestHour).toBe(6);
    expect(prefs.kinds.find((k) => k.kind === 'task.overdue')?.delivery).toBe('digest');
    expect(prefs.kinds.find((k) => k.kind === 'risk.review_due')?.delivery).toBe('digest');
    const base = {
      orgId: org.id,
      userId: worker.user.id,
      record: { type: 'task' as const, id: '00000000-0000-7000-8000-000000000002' },
      title: 'TASK-2',
    };
    await db.transaction().execute(async (trx) => {
      await notifyIn(trx, deps, { ...base, kind: 'task.overdue', key: 'a' });
      await notifyIn(trx, deps, { ...base, kind: 'task.assigned', key: 'b' });
    });
    expect(await outbox()).toEqual([]);
    expect((await inbox(worker.headers)).unreadCount).toBe(2);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_id'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'notification_preferences.changed')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBe(worker.user.id);
    expect(events[0]?.changes).toContain('"task.overdue"');

    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/notification-preferences`,
      headers: worker.headers,
      payload: { digestHour: 24 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.digestHour');
  });

  it('are each person’s own: read, marked read one or all; another’s answers 404', async () => {
    const { db, org, editor, worker, deps, inbox, t } = await setUp();
    const notify = (userId: string, key: string) =>
      db.transaction().execute((trx) =>
        notifyIn(trx, deps, {
          orgId: org.id,
          userId,
          kind: 'safeguard.review_due',
          record: { type: 'safeguard', id: '164.308(a)(1)(ii)(D)' },
          title: '164.308(a)(1)(ii)(D) review',
          key,
        }),
      );
    await notify(worker.user.id, 'w1');
    await notify(worker.user.id, 'w2');
    await notify(editor.user.id, 'e1');
    const mine = await inbox(worker.headers);
    expect(mine.data).toHaveLength(2);
    expect(mine.data[0]?.record.label).toContain('164.308(a)(1)(ii)(D)');
    const editorsOwn = (await inbox(editor.headers)).data[0]?.id ?? '';
    const stolen = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/notifications/${editorsOwn}/read`,
      headers: worker.headers,
    });
    expect(stolen.statusCode).toBe(404);
    const first = mine.data[0]?.id ?? '';
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/notifications/${first}/read`,
      headers: worker.headers,
    });
    expect(read.statusCode).toBe(204);
    expect((await inbox(worker.headers)).unreadCount).toBe(1);
    expect((await inbox(worker.headers, '?unread=true')).data).toHaveLength(1);
    const paged = await inbox(worker.headers, '?limit=1');
    expect(paged.nextCursor).not.toBeNull();
    const next = await inbox(worker.headers, `?limit=1&cursor=${paged.nextCursor ?? ''}`);
    expect(next.data.map((n) => n.id)).not.toContain(paged.data[0]?.id);
    const all = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/notifications/read-all`,
      headers: worker.headers,
    });
    expect(all.statusCode).toBe(204);
    expect((await inbox(worker.headers)).unreadCount).toBe(0);
    expect((await inbox(editor.headers)).unreadCount).toBe(1);
  });

  it('tell a task’s new owner when someone else names them, not when they name themselves', async () => {
    const { org, editor, worker, inbox, t } = await setUp();
    const tasks = `/api/orgs/${org.id}/tasks`;
    const created = await t.app.inject({
      method: 'POST',
      url: tasks,
      headers: editor.headers,
      payload: { title: 'Check the backup', ownerId: worker.user.id, dueOn: '2026-06-10' },
    });
    expect(created.statusCode).toBe(201);
    const task = created.json<{ id: string; reference: string }>();
    const own = await t.app.inject({
      method: 'POST',
      url: tasks,
      headers: editor.headers,
      payload: { title: 'My own', ownerId: editor.user.id },
    });
    expect(own.statusCode).toBe(201);
    await t.app.inject({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      headers: editor.headers,
      payload: { ownerId: editor.user.id },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      headers: editor.headers,
      payload: { ownerId: worker.user.id },
    });
    const page = await inbox(worker.headers);
    // Who assigned it, by name (the factory names a member after their role).
    const title = `A security_officer assigned you ${task.reference} Check the backup`;
    expect(page.data.map((n) => [n.kind, n.title, n.record.id, n.dueOn])).toEqual([
      ['task.assigned', title, task.id, '2026-06-10'],
      ['task.assigned', title, task.id, '2026-06-10'],
    ]);
    const emails = await t.database.handle.db
      .selectFrom('outbox')
      .select('subject')
      .where('to_email', '=', worker.user.email)
      .execute();
    expect(emails.map((e) => e.subject)).toEqual([`Custos: ${title}`, `Custos: ${title}`]);
    expect((await inbox(editor.headers)).data).toEqual([]);
  });

  it('tell a risk’s, a safeguard record’s and an asset’s new owner', async () => {
    const { db, clock, org, editor, inbox, t } = await setUp();
    const other = await buildMember(db, clock, org.id, 'contributor');
    const risk = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/risks`,
      headers: editor.headers,
      payload: { title: 'Lost laptop' },
    });
    expect(risk.statusCode).toBe(201);
    const riskId = risk.json<{ id: string }>().id;
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/risks/${riskId}`,
      headers: editor.headers,
      payload: { ownerId: other.user.id },
    });
    expect(changed.statusCode).toBe(200);
    const safeguard = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/safeguards/${encodeURIComponent('164.308(a)(1)(ii)(D)')}`,
      headers: editor.headers,
      payload: { ownerId: other.user.id },
    });
    expect(safeguard.statusCode).toBe(200);
    const asset = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/assets`,
      headers: editor.headers,
      payload: { kind: 'medical_device', name: 'Ultrasound unit' },
    });
    expect(asset.statusCode).toBe(201);
    const assetId = asset.json<{ id: string }>().id;
    const handed = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/assets/${assetId}`,
      headers: editor.headers,
      payload: { ownerId: other.user.id },
    });
    expect(handed.statusCode).toBe(200);
    const page = await inbox(other.headers);
    expect(page.data.map((n) => [n.kind, n.record.type])).toEqual([
      ['record.owner_changed', 'asset'],
      ['record.owner_changed', 'safeguard'],
      ['record.owner_changed', 'risk'],
    ]);
    expect(page.data[0]?.record.label).toMatch(/^ASSET-\d+ Ultrasound unit$/);
    expect(page.data[2]?.title).toMatch(/^A security_officer handed you RISK-\d+ Lost laptop$/);
  });
});
