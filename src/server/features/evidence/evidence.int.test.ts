import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceRoutes } from '../../../contracts/evidence';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([evidenceRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const editor = await buildMember(db, clock, org.id, 'contributor');
  const owner = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}/evidence`;
  return { t, db, clock, org, editor, owner, auditor, base };
}

describe(`evidence on ${testDatabaseKind()}`, () => {
  it('records links, changes them, and refuses a period that ends before it starts', async () => {
    const { t, editor, auditor, base, owner } = await setUp();
    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: {
        title: 'Firewall rule review',
        url: 'https://intranet.example.org/firewall',
        ownerId: owner.user.id,
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-12-31',
      },
    });
    expect(created.statusCode).toBe(201);
    const item = created.json<{
      id: string;
      reference: string;
      retainUntil: string;
      owner: { name: string };
    }>();
    expect(item).toMatchObject({ reference: 'EV-1', retainUntil: '2032-06-01' });
    expect(item.owner.name).toBe('A security_officer');

    const backwards = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${item.id}`,
      headers: editor.headers,
      payload: { effectiveTo: '2025-01-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('body.effectiveTo');

    const notHttp = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: { title: 'x', url: 'javascript:alert(1)' },
    });
    expect(notHttp.statusCode).toBe(400);
    expect(notHttp.body).toContain('body.url');

    // Addresses that hide what they are, or carry a password; descriptions with direction marks.
    const refusedBodies: [Record<string, string>, string][] = [
      [{ url: 'https://evil.example/\u202efdp.exe' }, 'direction marks'],
      [{ url: 'https://intra\u200bnet.example.org/' }, 'invisible characters'],
      [{ url: 'https://admin:hunter2@intranet.example.org/' }, 'user name or password'],
      [{ url: `https://example.org/${'a'.repeat(2100)}` }, 'at most 2000 characters'],
      [{ url: 'https://example.org/', description: 'Line one\n\u202eevil' }, 'direction marks'],
    ];
    for (const [fields, words] of refusedBodies) {
      const res = await t.app.inject({
        method: 'POST',
        url: base,
        headers: editor.headers,
        payload: { title: 'x', ...fields },
      });
      const error = res.json<{ error: { details: { message: string }[] } }>().error;
      expect([res.statusCode, error.details.map((d) => d.message).join('; ')]).toEqual([
        400,
        expect.stringContaining(words),
      ]);
      // One reason each: a long address is not also "not an http(s) address".
      expect(error.details).toHaveLength(1);
    }
    const prose = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: {
        title: 'Notes',
        url: 'https://example.org/n',
        description: 'Line one\r\nLine two',
      },
    });
    expect(prose.statusCode).toBe(201);

    const refused = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${item.id}`,
      headers: auditor.headers,
      payload: { title: 'Renamed' },
    });
    expect(refused.statusCode).toBe(403);
    const listed = await t.app.inject({ url: `${base}?kind=link`, headers: auditor.headers });
    expect(
      listed
        .json<{ data: { title: string }[] }>()
        .data.map((r) => r.title)
        .sort(),
    ).toEqual(['Firewall rule review', 'Notes']);
  });

  it('lets the person who added an item delete it as a mistake within a day, no one else', async () => {
    const { t, db, clock, org, editor, owner, base } = await setUp();
    const add = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: `${base}/files?filename=wrong.txt`,
          headers: { ...editor.headers, 'content-type': 'text/plain' },
          payload: 'the wrong file\n',
        })
      ).json<{ id: string }>().id;
    const [first, second] = [await add(), await add()];
    const detail = async (who: { headers: Record<string, string> }, id: string) =>
      (await t.app.inject({ url: `${base}/${id}`, headers: who.headers })).json<{
        mayTakeBackUntil: string | null;
      }>().mayTakeBackUntil;
    expect(await detail(editor, first)).toBe('2026-06-02T15:00:00.000Z');
    expect(await detail(owner, first)).toBeNull();
    // Another member may not: for them it is a record like any other.
    const other = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${first}`,
      headers: owner.headers,
    });
    expect(other.statusCode).toBe(409);
    const own = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${first}`,
      headers: editor.headers,
    });
    expect(own.statusCode).toBe(204);
    // A day later, not even the uploader.
    clock.advance(24 * 3_600_000 + 1000);
    const late = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${second}`,
      headers: await sessionHeaders(db, clock, editor.user.id, org.id),
    });
    expect(late.statusCode).toBe(409);
    const removed = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'evidence_item.removed')
      .execute();
    expect(removed).toHaveLength(1);
  });

  it('refuses removal before retain-until naming the date, then removes the item and its bytes', async () => {
    const { t, db, clock, editor, base, org } = await setUp();
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `${base}/files?filename=log.txt`,
      headers: { ...editor.headers, 'content-type': 'text/plain' },
      payload: 'sign-in log\n',
    });
    const item = uploaded.json<{ id: string; retainUntil: string }>();
    // Past the uploader's day to take a mistake back (below), the retention date holds.
    clock.advance(25 * 3_600_000);
    const early = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${item.id}`,
      headers: await editorHeaders(),
    });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('kept until 1 Jun 2032');

    clock.set('2032-06-02T16:00:00.000Z');
    const later = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${item.id}`,
      headers: await editorHeaders(),
    });
    expect(later.statusCode).toBe(204);
    const left = await db
      .selectFrom('evidence_items')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(left).toEqual([]);
    expect(
      readdirSync(t.blobsRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()),
    ).toEqual([]);
    const removed = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'evidence_item.removed')
      .execute();
    expect(removed).toHaveLength(1);

    async function editorHeaders() {
      return sessionHeaders(db, clock, editor.user.id, org.id);
    }
  });

  it('cannot be removed under a legal hold, even after retain-until', async () => {
    const { t, clock, editor, owner, base, org, db } = await setUp();
    const item = (
      await t.app.inject({
        method: 'POST',
        url: base,
        headers: editor.headers,
        payload: { title: 'Access review', url: 'https://intranet.example.org/access' },
      })
    ).json<{ id: string }>();
    const held = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/legal-holds`,
      headers: owner.headers,
      payload: { recordType: 'evidence', recordId: item.id, reason: 'Complaint inquiry' },
    });
    expect(held.statusCode).toBe(201);
    clock.set('2040-01-01T12:00:00.000Z');
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${item.id}`,
      headers: await sessionHeaders(db, clock, editor.user.id, org.id),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('legal hold');
  });

  it('shows stale evidence and tells its owner once per refresh date', async () => {
    const { t, db, clock, editor, owner, base, org } = await setUp();
    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: {
        title: 'Backup log',
        url: 'https://backups.example.org/log',
        ownerId: owner.user.id,
        refreshOn: '2026-06-03',
      },
    });
    const item = created.json<{ id: string; stale: boolean }>();
    expect(item.stale).toBe(false);
    const notices = async () =>
      db
        .selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('org_id', '=', org.id)
        .where('kind', '=', 'evidence.stale')
        .execute();
    const sweep = async () => {
      clock.advance(15 * 60_000);
      await t.jobs.tick();
      await t.jobs.drain();
    };
    await sweep();
    expect(await notices()).toEqual([]);
    clock.set('2026-06-04T15:00:00.000Z');
    await sweep();
    await sweep();
    expect(await notices()).toEqual([{ user_id: owner.user.id, kind: 'evidence.stale' }]);
    // The clock moved past the session's idle timeout: a new session.
    const headers = await sessionHeaders(db, clock, owner.user.id, org.id);
    const stale = await t.app.inject({ url: `${base}?stale=true`, headers });
    expect(stale.json<{ data: { id: string; stale: boolean }[] }>().data).toMatchObject([
      { id: item.id, stale: true },
    ]);
  });

  it('is a link type: a safeguard shows its evidence', async () => {
    const { t, editor, base, org } = await setUp();
    const item = (
      await t.app.inject({
        method: 'POST',
        url: base,
        headers: editor.headers,
        payload: { title: 'Encryption report', url: 'https://intune.example.org/report' },
      })
    ).json<{ id: string }>();
    const linked = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/links`,
      headers: editor.headers,
      payload: {
        from: { type: 'safeguard', id: '164.312(a)(2)(iv)' },
        to: { type: 'evidence', id: item.id },
      },
    });
    expect(linked.statusCode).toBe(201);
    const safeguard = await t.app.inject({
      url: `/api/orgs/${org.id}/safeguards/${encodeURIComponent('164.312(a)(2)(iv)')}`,
      headers: editor.headers,
    });
    expect(safeguard.json<{ links: { type: string; label: string }[] }>().links).toMatchObject([
      { type: 'evidence', label: 'EV-1 Encryption report' },
    ]);
  });
});
