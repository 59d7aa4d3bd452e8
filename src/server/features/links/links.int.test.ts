import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

interface LinkJson {
  type: string;
  targetId: string;
  label: string;
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const other = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const outsider = await buildMember(db, clock, other.id, 'security_officer');
  const call = async (
    who: { headers: Record<string, string> },
    orgId: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/orgs/${orgId}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const created = async (
    who: { headers: Record<string, string> },
    orgId: string,
    url: string,
    payload: object,
  ) => {
    const response = await call(who, orgId, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>();
  };
  return { org, other, officer, outsider, call, created };
}

// Each record type is checked and labelled by the feature that owns it (the link registry).
describe(`links between records on ${testDatabaseKind()}`, () => {
  it('labels each linked record through its own feature', async () => {
    const { org, officer, call, created } = await setUp();
    const task = await created(officer, org.id, '/tasks', { title: 'Encrypt the laptops' });
    const risk = await created(officer, org.id, '/risks', { title: 'Laptop theft' });
    await created(officer, org.id, '/links', {
      from: { type: 'task', id: task.id },
      to: { type: 'risk', id: risk.id },
    });
    await created(officer, org.id, '/links', {
      from: { type: 'safeguard', id: '164.312(a)(2)(iv)' },
      to: { type: 'task', id: task.id },
    });
    const detail = await call(officer, org.id, 'GET', `/tasks/${task.id}`);
    expect(detail.json<{ links: LinkJson[] }>().links).toEqual([
      expect.objectContaining({ type: 'risk', targetId: risk.id, label: 'RISK-1 Laptop theft' }),
      expect.objectContaining({
        type: 'safeguard',
        targetId: '164.312(a)(2)(iv)',
        label: '164.312(a)(2)(iv) Encryption and decryption',
      }),
    ]);
    const safeguard = await call(
      officer,
      org.id,
      'GET',
      `/safeguards/${encodeURIComponent('164.312(a)(2)(iv)')}`,
    );
    expect(safeguard.json<{ links: LinkJson[] }>().links).toEqual([
      expect.objectContaining({
        type: 'task',
        targetId: task.id,
        label: 'TASK-1 Encrypt the laptops',
      }),
    ]);
  });

  it('names both ends in the audit trail, as they were when linked and unlinked', async () => {
    const { org, officer, call, created } = await setUp();
    const risk = await created(officer, org.id, '/risks', { title: 'Laptop theft' });
    const link = await created(officer, org.id, '/links', {
      from: { type: 'risk', id: risk.id },
      to: { type: 'safeguard', id: '164.308(a)(5)(ii)(A)' },
    });
    const removed = await call(officer, org.id, 'DELETE', `/links/${link.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const trail = (await call(officer, org.id, 'GET', '/audit-events?entityType=link')).json<{
      data: { action: string; changes: unknown }[];
    }>().data;
    const ends = {
      from: { type: 'risk', id: risk.id, name: 'RISK-1 Laptop theft' },
      to: {
        type: 'safeguard',
        id: '164.308(a)(5)(ii)(A)',
        name: '164.308(a)(5)(ii)(A) Security reminders',
      },
    };
    expect(trail.map((e) => [e.action, e.changes])).toEqual([
      ['link.removed', { from: { before: ends.from }, to: { before: ends.to } }],
      ['link.created', { from: { after: ends.from }, to: { after: ends.to } }],
    ]);
  });

  it('refuses an end that names no record of the organization, naming the field', async () => {
    const { org, other, officer, outsider, call, created } = await setUp();
    const theirs = await created(outsider, other.id, '/tasks', { title: 'Not yours' });
    const task = await created(officer, org.id, '/tasks', { title: 'Ours' });
    for (const [to, path] of [
      [{ type: 'task', id: theirs.id }, 'body.to.id'],
      [{ type: 'risk', id: task.id }, 'body.to.id'],
      [{ type: 'task', id: 'TASK-1' }, 'body.to.id'],
      [{ type: 'safeguard', id: '164.999(z)' }, 'body.to.id'],
      // A record linked to itself supports nothing.
      [{ type: 'task', id: task.id }, 'body.to'],
    ] as const) {
      const response = await call(officer, org.id, 'POST', '/links', {
        from: { type: 'task', id: task.id },
        to,
      });
      expect(response.statusCode, JSON.stringify(to)).toBe(400);
      expect(response.json<{ error: { details: { path: string }[] } }>().error.details).toEqual([
        expect.objectContaining({ path }),
      ]);
    }
  });
});
