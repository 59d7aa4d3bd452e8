import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { dropAuditTriggers } from '../../../../test/support/audit';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  // A few events: settings changes at different times.
  for (const minutes of [10, 20, 30, 40]) {
    clock.advance(60_000);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: owner.headers,
      payload: { idleTimeoutMinutes: minutes },
    });
  }
  return { app: t.app, db, clock, org, owner };
}

interface Page {
  data: {
    seq: number;
    action: string;
    actor: { label: string | null };
    changes: Record<string, { before?: unknown; after?: unknown }> | null;
  }[];
  nextCursor: number | null;
}

describe(`audit log API on ${testDatabaseKind()}`, () => {
  it('lists events newest first with before/after values, page by page', async () => {
    const { app, org, owner } = await setUp();
    const first = (
      await app.inject({ url: `/api/orgs/${org.id}/audit-events?limit=3`, headers: owner.headers })
    ).json<Page>();
    expect(first.data.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(first.data[0]?.changes).toEqual({ idleTimeoutMinutes: { before: 30, after: 40 } });
    expect(first.data[0]?.actor.label).toBe(owner.user.email);
    const second = (
      await app.inject({
        url: `/api/orgs/${org.id}/audit-events?limit=3&cursor=${first.nextCursor ?? ''}`,
        headers: owner.headers,
      })
    ).json<Page>();
    expect(second.data.map((e) => e.seq)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by actor, action and time', async () => {
    const { app, org, owner } = await setUp();
    const get = async (query: string) =>
      (
        await app.inject({
          url: `/api/orgs/${org.id}/audit-events?${query}`,
          headers: owner.headers,
        })
      ).json<Page>().data.length;
    expect(await get(`actor=${encodeURIComponent(owner.user.email)}`)).toBe(4);
    expect(await get('actor=someone@else.example')).toBe(0);
    expect(await get('action=organization.settings_changed')).toBe(4);
    expect(await get('action=auth.signed_in')).toBe(0);
    expect(await get('from=2026-06-01T09:02:30.000Z')).toBe(2);
    expect(await get('from=2026-06-01T09:01:30.000Z&to=2026-06-01T09:03:30.000Z')).toBe(2);
  });

  it('names bad filters', async () => {
    const { app, org, owner } = await setUp();
    const res = await app.inject({
      url: `/api/orgs/${org.id}/audit-events?action=nope&from=yesterday&limit=9999`,
      headers: owner.headers,
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json<{ error: { details: { path: string }[] } }>()
      .error.details.map((d) => d.path);
    expect(paths.sort()).toEqual(['querystring.action', 'querystring.from', 'querystring.limit']);
  });

  it('exports CSV with formula-like cells neutralised, and records the export', async () => {
    const { app, org, owner, db } = await setUp();
    await sql`update users set email = '=HYPERLINK("http://evil.example")' where id = ${owner.user.id}`.execute(
      db,
    );
    // The new email appears as actor label on the next event.
    const fresh = await buildMember(db, testClock(), org.id, 'admin');
    await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: owner.headers,
      payload: { idleTimeoutMinutes: 12 },
    });
    const res = await app.inject({
      url: `/api/orgs/${org.id}/audit-events/export.csv`,
      headers: fresh.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="custos-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'seq,occurred_at,actor_type,actor,action,entity_type,entity_id,outcome,changes,ip,user_agent,request_id,hash',
    );
    expect(lines).toHaveLength(1 + 6); // header, 5 settings changes, the export itself
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(res.body).not.toMatch(/,=HYPERLINK/);
    expect(lines[1]).toMatch(/^6,.*,audit\.exported,/);
  });

  it('verifies the chain through the API and reports a break', async () => {
    const { app, org, owner, db } = await setUp();
    const ok = await app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/audit-events/verify`,
      headers: owner.headers,
    });
    expect(ok.json()).toEqual({ intact: true, events: 4, problem: null, problems: [] });
    await dropAuditTriggers(db);
    await sql`update audit_events set changes = '{}' where chain = ${org.id} and seq = 2`.execute(
      db,
    );
    const broken = await app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/audit-events/verify`,
      headers: owner.headers,
    });
    expect(broken.json()).toMatchObject({ intact: false, problem: { seq: 2, kind: 'altered' } });
  });
});

describe(`roles on ${testDatabaseKind()}`, () => {
  it('a workforce member cannot read the audit log, and the refusal is itself audited', async () => {
    const { app, org, db, clock } = await setUp();
    const worker = await buildMember(db, clock, org.id, 'workforce');
    const res = await app.inject({
      url: `/api/orgs/${org.id}/audit-events`,
      headers: worker.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toBe(
      'Your role (Workforce member) does not allow this.',
    );
    expect(
      (
        await app.inject({
          url: `/api/orgs/${org.id}/audit-events/export.csv`,
          headers: worker.headers,
        })
      ).statusCode,
    ).toBe(403);
    const denied = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', '=', org.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ outcome: 'denied', actor_id: worker.user.id });
  });

  it('an auditor reads but cannot change anything', async () => {
    const { app, org, db, clock } = await setUp();
    const auditor = await buildMember(db, clock, org.id, 'auditor', '2026-12-31T00:00:00.000Z');
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}/audit-events`, headers: auditor.headers }))
        .statusCode,
    ).toBe(200);
    const change = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: auditor.headers,
      payload: { idleTimeoutMinutes: 30 },
    });
    expect(change.statusCode).toBe(403);
  });

  it("after an auditor's end date every request to the organization fails", async () => {
    const { app, org, db, clock } = await setUp();
    const auditor = await buildMember(db, clock, org.id, 'auditor', '2026-06-01T12:00:00.000Z');
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: auditor.headers })).statusCode,
    ).toBe(200);
    clock.set('2026-06-01T12:00:00.000Z');
    // A fresh session, so that the refusal comes from the end date and not from automatic logoff.
    const headers = await sessionHeaders(db, clock, auditor.user.id, org.id);
    for (const url of [
      `/api/orgs/${org.id}`,
      `/api/orgs/${org.id}/audit-events`,
      `/api/orgs/${org.id}/members`,
    ]) {
      expect((await app.inject({ url, headers })).statusCode, url).toBe(404);
    }
    const me = await app.inject({ url: '/api/me', headers });
    expect(me.json<{ memberships: unknown[] }>().memberships).toEqual([]);
  });

  it('a member of another organization gets 404, not 403', async () => {
    const { app, org, db, clock } = await setUp();
    const other = await buildOrganization(db);
    const outsider = await buildMember(db, clock, other.id, 'owner');
    const res = await app.inject({
      url: `/api/orgs/${org.id}/audit-events`,
      headers: outsider.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await app.inject({ url: '/api/orgs/not-a-uuid/audit-events', headers: outsider.headers }))
        .statusCode,
    ).toBe(404);
  });
});

describe(`audit export on ${testDatabaseKind()}`, () => {
  it('needs a sign-in from the last 10 minutes', async () => {
    const { app, org, owner, clock } = await setUp();
    for (let i = 0; i < 3; i++) {
      clock.advance(4 * 60_000);
      await app.inject({ url: '/api/me', headers: owner.headers });
    }
    const res = await app.inject({
      url: `/api/orgs/${org.id}/audit-events/export.csv`,
      headers: owner.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('reauthentication_required');
  });
});
