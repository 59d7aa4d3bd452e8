import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  asSession,
  buildMember,
  buildMembership,
  buildOrganization,
  sessionHeaders,
  sessionTokenOf,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

const MINUTE = 60_000;

async function setUp(idleMinutes = 15) {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { idle_timeout_minutes: idleMinutes });
  const owner = await buildMember(db, clock, org.id, 'owner');
  return { app: t.app, db, clock, org, owner };
}

describe(`sessions on ${testDatabaseKind()}`, () => {
  it("are refused after the organization's idle timeout (automatic logoff)", async () => {
    const { app, clock, owner, org, db } = await setUp();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: owner.headers,
      payload: { idleTimeoutMinutes: 5 },
    });
    expect(patch.statusCode).toBe(200);

    clock.advance(4 * MINUTE);
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(200);
    clock.advance(4 * MINUTE); // 8 minutes since sign-in, 4 since the last request
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(200);

    clock.advance(5 * MINUTE + 1000);
    const idle = await app.inject({ url: '/api/me', headers: owner.headers });
    expect(idle.statusCode).toBe(401);
    expect(idle.json<{ error: { message: string } }>().error.message).toBe(
      'Your session ended after 5 minutes without activity (automatic logoff). Sign in again.',
    );
    // Still refused after that: the idle session was ended, not just rejected once.
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(401);
    const actions = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .execute();
    expect(actions.map((a) => a.action)).toContain('auth.session_expired');
  });

  it('do not count the idle-warning poll as activity', async () => {
    const { app, clock, owner } = await setUp(5);
    clock.advance(3 * MINUTE);
    const info = await app.inject({ url: '/api/auth/session', headers: owner.headers });
    expect(info.json()).toMatchObject({
      idleTimeoutMinutes: 5,
      idleExpiresAt: '2026-06-01T09:05:00.000Z',
    });
    clock.advance(2 * MINUTE + 1000);
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(401);
  });

  it('end after 12 hours however active', async () => {
    const { app, clock, owner } = await setUp();
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      clock.advance(10 * MINUTE);
      expect(
        (await app.inject({ url: '/api/me', headers: owner.headers })).statusCode,
        `at ${minutes} min`,
      ).toBe(200);
    }
    clock.advance(10 * MINUTE);
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(401);
  });

  it('refuse cookie-authenticated writes from other sites (CSRF)', async () => {
    const { app, owner, org } = await setUp();
    const url = `/api/orgs/${org.id}/settings`;
    const payload = { idleTimeoutMinutes: 10 };
    const cookie = { cookie: owner.headers.cookie ?? '' };
    for (const headers of [
      cookie,
      { ...owner.headers, origin: 'https://evil.example' },
      { ...owner.headers, 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await app.inject({ method: 'PATCH', url, headers, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(
        /Cross-site request refused/,
      );
    }
    const same = await app.inject({
      method: 'PATCH',
      url,
      headers: {
        ...owner.headers,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
      payload,
    });
    expect(same.statusCode).toBe(200);
  });

  it('sign out ends this session only; sign out everywhere ends them all', async () => {
    const { app, db, clock, owner, org } = await setUp();
    const other = await sessionHeaders(db, clock, owner.user.id, org.id);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: owner.headers }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: other })).statusCode).toBe(200);

    const third = await sessionHeaders(db, clock, owner.user.id, org.id);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: other }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: other })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: third })).statusCode).toBe(401);
  });

  it('sign out everywhere keeps API tokens unless asked to revoke them, each revocation audited', async () => {
    const { app, db, clock, owner, org } = await setUp();
    const second = await buildOrganization(db);
    await buildMembership(db, second.id, owner.user.id, 'owner');
    const tokenIn = async (orgId: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: owner.headers,
          payload: { orgId, name: 'SIEM feed', role: 'auditor', expiresInDays: 30 },
        })
      ).json<{ id: string; token: string }>();
    const tokens = [await tokenIn(org.id), await tokenIn(second.id)];
    const works = async (t: { token: string }, orgId: string) =>
      (
        await app.inject({
          url: `/api/orgs/${orgId}/audit-events`,
          headers: { authorization: `Bearer ${t.token}` },
        })
      ).statusCode;

    const keep = await sessionHeaders(db, clock, owner.user.id, org.id);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: keep }))
        .statusCode,
    ).toBe(204);
    expect(await works(tokens[0]!, org.id)).toBe(200);

    const revoke = await sessionHeaders(db, clock, owner.user.id, org.id);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/sign-out-everywhere',
          headers: revoke,
          payload: { revokeTokens: true },
        })
      ).statusCode,
    ).toBe(204);
    expect(await works(tokens[0]!, org.id)).toBe(401);
    expect(await works(tokens[1]!, second.id)).toBe(401);
    const events = await db
      .selectFrom('audit_events')
      .select(['org_id', 'entity_id', 'changes'])
      .where('action', '=', 'token.revoked')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.org_id, e.entity_id])).toEqual(
      expect.arrayContaining([
        [org.id, tokens[0]!.id],
        [second.id, tokens[1]!.id],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(events[0]?.changes).toContain('signed out everywhere');

    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: await sessionHeaders(db, clock, owner.user.id, org.id),
      payload: { revokeTokens: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.revokeTokens',
    );
  });

  it('can be listed and revoked by their owner, and by nobody else', async () => {
    const { app, db, clock, owner, org } = await setUp();
    await sessionHeaders(db, clock, owner.user.id, org.id);
    const list = await app.inject({ url: '/api/me/sessions', headers: owner.headers });
    const sessions = list.json<{ data: { id: string; current: boolean }[] }>().data;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const otherId = sessions.find((s) => !s.current)?.id ?? '';

    const stranger = await buildMember(db, clock, org.id, 'contributor');
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/me/sessions/${otherId}`,
          headers: stranger.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/me/sessions/${otherId}`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(204);
    const after = await app.inject({ url: '/api/me/sessions', headers: owner.headers });
    expect(after.json<{ data: unknown[] }>().data).toHaveLength(1);
  });

  it('get a new id when switching organization (privilege change)', async () => {
    const { app, db, owner } = await setUp();
    const second = await buildOrganization(db, { name: 'Second Clinic' });
    await buildMembership(db, second.id, owner.user.id, 'auditor');
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/organization',
      headers: owner.headers,
      payload: { orgId: second.id },
    });
    expect(res.statusCode).toBe(204);
    const token = sessionTokenOf(res.headers['set-cookie']) ?? '';
    expect(token).not.toBe('');
    expect((await app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(401);
    const me = await app.inject({ url: '/api/me', headers: asSession(token) });
    expect(me.json<{ session: { activeOrgId: string } }>().session.activeOrgId).toBe(second.id);

    const foreign = await buildOrganization(db);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/me/organization',
      headers: asSession(token),
      payload: { orgId: foreign.id },
    });
    expect(refused.statusCode).toBe(404);
  });
});
