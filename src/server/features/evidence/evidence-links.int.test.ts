import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const editor = await buildMember(db, clock, org.id, 'contributor');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const base = `/api/orgs/${org.id}`;
  const call = (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: base + url, headers, ...(payload ? { payload } : {}) });
  return { t, db, clock, org, editor, nurse, call };
}

const actions = async (db: Awaited<ReturnType<typeof setUp>>['db'], orgId: string) =>
  (
    await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', orgId)
      .orderBy('seq')
      .execute()
  ).map((e) => e.action);

describe(`evidence through tasks and links on ${testDatabaseKind()}`, () => {
  it('records the address a task is completed with as a dated evidence item linked to it', async () => {
    const { db, org, editor, nurse, call } = await setUp();
    const task = (
      await call(editor.headers, 'POST', '/tasks', {
        title: 'Annual training',
        ownerId: nurse.user.id,
      })
    ).json<{ id: string }>();
    const done = await call(nurse.headers, 'POST', `/tasks/${task.id}/complete`, {
      note: 'Finished the module.',
      evidenceUrl: 'https://lms.example/certificates/42',
    });
    expect(done.statusCode, done.body).toBe(200);
    const completed = done.json<{ task: Record<string, unknown> }>().task;
    expect(completed).not.toHaveProperty('evidenceUrl');
    const detail = (await call(nurse.headers, 'GET', `/tasks/${task.id}`)).json<{
      links: { type: string; targetId: string; label: string }[];
    }>();
    expect(detail.links).toEqual([
      expect.objectContaining({
        type: 'evidence',
        label: 'EV-1 Completion of TASK-1 Annual training',
      }),
    ]);
    const item = (
      await call(editor.headers, 'GET', `/evidence/${detail.links[0]?.targetId ?? ''}`)
    ).json<Record<string, unknown>>();
    expect(item).toMatchObject({
      reference: 'EV-1',
      kind: 'link',
      url: 'https://lms.example/certificates/42',
      collectedOn: '2026-06-01',
      retainUntil: '2032-06-01',
    });
    // 164.316(b)(2)(i): in the retention register like any other evidence.
    const kept = await db
      .selectFrom('retained_records')
      .select(['record_type', 'label', 'kept_from'])
      .where('org_id', '=', org.id)
      .execute();
    expect(kept).toEqual([
      {
        record_type: 'evidence',
        label: 'EV-1 Completion of TASK-1 Annual training',
        kept_from: '2026-06-01',
      },
    ]);
    expect(await actions(db, org.id)).toEqual([
      'task.created',
      'task.completed',
      'evidence_item.created',
      'link.created',
    ]);
    // The same address again is the same item, linked to the second task too.
    const second = (
      await call(editor.headers, 'POST', '/tasks', { title: 'Refresher', ownerId: nurse.user.id })
    ).json<{ id: string }>();
    await call(nurse.headers, 'POST', `/tasks/${second.id}/complete`, {
      evidenceUrl: 'https://lms.example/certificates/42',
    });
    const items = await db
      .selectFrom('evidence_items')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(items).toHaveLength(1);
    const links = await db
      .selectFrom('record_links')
      .select(['from_id', 'to_id'])
      .where('org_id', '=', org.id)
      .where('to_type', '=', 'evidence')
      .execute();
    expect(links.map((l) => l.from_id).toSorted()).toEqual([task.id, second.id].toSorted());
  });

  it('removes an evidence item with its links, each audited, in one transaction', async () => {
    const { t, db, clock, org, editor, call } = await setUp();
    const item = (
      await call(editor.headers, 'POST', '/evidence', {
        title: 'Backup log',
        url: 'https://intranet.example/backups',
      })
    ).json<{ id: string }>();
    const task = (await call(editor.headers, 'POST', '/tasks', { title: 'Restore test' })).json<{
      id: string;
    }>();
    for (const from of [
      { type: 'safeguard', id: '164.308(a)(7)(ii)(A)' },
      { type: 'task', id: task.id },
    ]) {
      const linked = await call(editor.headers, 'POST', '/links', {
        from,
        to: { type: 'evidence', id: item.id },
      });
      expect(linked.statusCode).toBe(201);
    }
    clock.set('2032-06-02T16:00:00.000Z');
    const headers = await sessionHeaders(db, clock, editor.user.id, org.id);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/evidence/${item.id}`,
      headers,
    });
    expect(removed.statusCode).toBe(204);
    const left = await db
      .selectFrom('record_links')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(left).toEqual([]);
    const trail = await actions(db, org.id);
    expect(trail.slice(-3)).toEqual(['link.removed', 'link.removed', 'evidence_item.removed']);
    const task2 = (await call(headers, 'GET', `/tasks/${task.id}`)).json<{ links: unknown[] }>();
    expect(task2.links).toEqual([]);
  });

  it('refuses a web address as a link end, pointing to evidence', async () => {
    const { editor, call } = await setUp();
    const other = await call(editor.headers, 'POST', '/tasks', {
      title: 'Check the logs',
      links: [{ type: 'url', id: 'https://intranet.example/logs' }],
    });
    expect(other.statusCode).toBe(400);
    expect(other.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.links.0.type',
    );
    const reversed = await call(editor.headers, 'POST', '/links', {
      from: { type: 'url', id: 'https://intranet.example/logs' },
      to: { type: 'safeguard', id: '164.312(b)' },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('body.from.type');
  });
});

it('keeps an organization apart', async () => {
  // Links are checked against the caller's organization: another's evidence item is no record here.
  const { t, db, clock, editor, call } = await setUp();
  const other = await buildOrganization(db);
  const stranger = await buildMember(db, clock, other.id, 'contributor');
  const theirs = (
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${other.id}/evidence`,
      headers: stranger.headers,
      payload: { title: 'Theirs', url: 'https://theirs.example' },
    })
  ).json<{ id: string }>();
  const refused = await call(editor.headers, 'POST', '/links', {
    from: { type: 'safeguard', id: '164.312(b)' },
    to: { type: 'evidence', id: theirs.id },
  });
  expect(refused.statusCode).toBe(400);
  expect(refused.body).toContain('body.to.id');
});
