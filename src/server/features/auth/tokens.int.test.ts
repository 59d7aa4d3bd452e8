import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const app = t.app;
  const create = (payload: object, headers = officer.headers) =>
    app.inject({ method: 'POST', url: '/api/me/tokens', headers, payload });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return { app, db, clock, org, officer, create, bearer };
}

describe(`API tokens on ${testDatabaseKind()}`, () => {
  it('are shown once, stored hashed, and act in their organization with their role', async () => {
    const { app, db, org, officer, create, bearer } = await setUp();
    const res = await create({
      orgId: org.id,
      name: 'SIEM export',
      role: 'auditor',
      expiresInDays: 30,
    });
    expect(res.statusCode).toBe(201);
    const { token, id, prefix } = res.json<{ token: string; id: string; prefix: string }>();
    expect(token).toMatch(/^cst_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(JSON.stringify(await db.selectFrom('api_tokens').selectAll().execute())).not.toContain(
      token,
    );

    const events = await app.inject({
      url: `/api/orgs/${org.id}/audit-events`,
      headers: bearer(token),
    });
    expect(events.statusCode).toBe(200);
    // Auditor role: reading yes, changing no.
    const change = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: bearer(token),
      payload: { idleTimeoutMinutes: 20 },
    });
    expect(change.statusCode).toBe(403);
    const last = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ actor_type: 'token', actor_id: id });
    const listed = await app.inject({ url: '/api/me/tokens', headers: officer.headers });
    expect(listed.json<{ data: { id: string; name: string }[] }>().data).toEqual([
      expect.objectContaining({ id, name: 'SIEM export' }),
    ]);
    expect(listed.body).not.toContain(token);
  });

  it('cannot exceed their creator’s role, nor reach another organization', async () => {
    const { app, db, clock, org, create, bearer } = await setUp();
    const tooHigh = await create({ orgId: org.id, name: 'x', role: 'owner' });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.role',
    );
    const { token } = (await create({ orgId: org.id, name: 'x', role: 'contributor' })).json<{
      token: string;
    }>();
    const other = await buildOrganization(db);
    await buildMember(db, clock, other.id, 'owner');
    expect(
      (await app.inject({ url: `/api/orgs/${other.id}`, headers: bearer(token) })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(403);
  });

  it('stop working when revoked, when expired, or when the creator leaves', async () => {
    const { app, clock, org, officer, create, bearer } = await setUp();
    const a = (await create({ orgId: org.id, name: 'a', role: 'workforce' })).json<{
      token: string;
      id: string;
    }>();
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: bearer(a.token) })).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/me/tokens/${a.id}`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: bearer(a.token) })).statusCode,
    ).toBe(401);

    const b = (
      await create({ orgId: org.id, name: 'b', role: 'workforce', expiresInDays: 1 })
    ).json<{ token: string }>();
    clock.advance(86_400_000 + 1000);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: bearer(b.token) })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: bearer('cst_not-a-real-token') }))
        .statusCode,
    ).toBe(401);
  });

  it("follow their creator's membership: removed, the token opens nothing", async () => {
    const { app, db, clock, org, officer, create, bearer } = await setUp();
    const { token } = (await create({ orgId: org.id, name: 'c', role: 'workforce' })).json<{
      token: string;
    }>();
    const owner = await buildMember(db, clock, org.id, 'owner');
    await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/members/${officer.membership.id}`,
      headers: owner.headers,
    });
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: bearer(token) })).statusCode,
    ).toBe(404);
  });

  it('need a recent sign-in to be created', async () => {
    const { app, clock, org, officer, create } = await setUp();
    for (let i = 0; i < 3; i++) {
      clock.advance(4 * 60_000);
      await app.inject({ url: '/api/me', headers: officer.headers });
    }
    const res = await create({ orgId: org.id, name: 'late', role: 'workforce' });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('reauthentication_required');
  });
});
