import { afterEach, describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  asSession,
  buildMember,
  buildOrganization,
  buildUser,
  sessionHeaders,
  sessionTokenOf,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { secretBox } from '../../platform/crypto/secret-box';
import { createMailer } from '../../platform/mail/mailer';

const startApp = testApps();
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function setUp(withSmtp = false) {
  const clock = testClock();
  smtp = withSmtp ? await startTestSmtp() : undefined;
  const t = await startApp({
    clock,
    baseUrl: 'https://custos.clinic.example',
    ...(smtp
      ? {
          mailer: createMailer(
            smtp.url,
            'Custos <custos@clinic.example>',
            secretBox(TEST_MASTER_KEY),
          ),
        }
      : {}),
  });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { name: 'Harbor Clinic' });
  const owner = await buildMember(db, clock, org.id, 'owner');
  const app = t.app;
  const invite = (payload: object, headers = owner.headers) =>
    app.inject({ method: 'POST', url: `/api/orgs/${org.id}/invitations`, headers, payload });
  const tokenIn = (text: string) => /invitations#([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
  return { app, db, clock, org, owner, invite, tokenIn, jobs: t.jobs };
}

describe(`invitations on ${testDatabaseKind()}`, () => {
  it('keep the email in the outbox without SMTP; the link creates an account that lands in the organization', async () => {
    const { app, db, org, owner, invite, tokenIn } = await setUp();
    const res = await invite({ email: 'Sam.Rivera@Harbor.example', role: 'security_officer' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'Sam.Rivera@Harbor.example',
      role: 'security_officer',
      status: 'pending',
    });

    const outbox = (
      await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers })
    ).json<{ data: { to: string; subject: string; body: string; sentAt: string | null }[] }>().data;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: 'Sam.Rivera@Harbor.example', sentAt: null });
    expect(outbox[0]?.subject).toMatch(/invites you to Harbor Clinic/);
    expect(outbox[0]?.body).toContain('https://custos.clinic.example/invitations#');
    // Seven days from 1 Jun 2026 09:00 UTC, in the organization's zone (America/Chicago).
    expect(outbox[0]?.body).toContain('expires on 8 Jun 2026, 04:00 America/Chicago.');
    const token = tokenIn(outbox[0]?.body ?? '');
    // Only the hash of the token is stored.
    expect(JSON.stringify(await db.selectFrom('invitations').selectAll().execute())).not.toContain(
      token,
    );

    const lookup = await app.inject({
      method: 'POST',
      url: '/api/invitations/lookup',
      payload: { token },
    });
    expect(lookup.json()).toEqual({
      orgName: 'Harbor Clinic',
      email: 'Sam.Rivera@Harbor.example',
      role: 'security_officer',
      status: 'pending',
      accountExists: false,
    });

    const weak = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept-new',
      payload: { token, name: 'Sam Rivera', password: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept-new',
      payload: { token, name: 'Sam Rivera', password: 'copper kettle morning walk' },
    });
    expect(accepted.statusCode).toBe(204);
    const me = await app.inject({
      url: '/api/me',
      headers: asSession(sessionTokenOf(accepted.headers['set-cookie']) ?? ''),
    });
    expect(me.json()).toMatchObject({
      user: { name: 'Sam Rivera' },
      memberships: [{ orgId: org.id, role: 'security_officer' }],
      session: { activeOrgId: org.id },
    });

    const again = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept-new',
      payload: { token, name: 'Mallory', password: 'copper kettle morning walk' },
    });
    expect(again.statusCode).toBe(409);
    const actions = (
      await db
        .selectFrom('audit_events')
        .select('action')
        .where('chain', '=', org.id)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['invitation.created', 'outbox.read', 'membership.created']);
  });

  it('are sent over SMTP when it is configured', async () => {
    const { app, org, owner, invite, tokenIn, jobs } = await setUp(true);
    await invite({ email: 'pat@harbor.example', role: 'workforce' });
    // Sent by the mail.send job the invitation enqueued in its transaction.
    expect(smtp?.messages).toHaveLength(0);
    expect(await jobs.drain()).toBe(1);
    const [message] = (await smtp?.received(1)) ?? [];
    expect(message).toMatch(/^To: pat@harbor\.example/m);
    expect(message).toMatch(/^From: Custos <custos@clinic\.example>/m);
    expect(tokenIn(message ?? '')).not.toBe('');
    await expect
      .poll(
        async () =>
          (await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers })).json<{
            data: { sentAt: string | null }[];
          }>().data[0]?.sentAt,
      )
      .not.toBeNull();
  });

  it('expire after seven days and can be withdrawn', async () => {
    const { app, db, clock, org, owner, invite, tokenIn } = await setUp();
    const first = (await invite({ email: 'late@harbor.example', role: 'workforce' })).json<{
      id: string;
    }>();
    const body =
      (await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers })).json<{
        data: { body: string }[];
      }>().data[0]?.body ?? '';
    clock.advance(7 * 86_400_000 + 1000);
    const expired = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept-new',
      payload: { token: tokenIn(body), name: 'Late', password: 'copper kettle morning walk' },
    });
    expect(expired.statusCode).toBe(409);
    expect(expired.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    const headers = await sessionHeaders(db, clock, owner.user.id, org.id);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/orgs/${org.id}/invitations/${first.id}`,
          headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/orgs/${org.id}/invitations/${first.id}`,
          headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('enforce who may grant what', async () => {
    const { db, clock, org, invite } = await setUp();
    const admin = await buildMember(db, clock, org.id, 'admin');
    const asOwner = await invite({ email: 'x@harbor.example', role: 'owner' }, admin.headers);
    expect(asOwner.statusCode).toBe(400);
    expect(asOwner.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.role',
    );
    const auditor = await invite({ email: 'auditor@firm.example', role: 'auditor' });
    expect(auditor.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.accessExpiresAt',
    );
    expect(
      (
        await invite({
          email: 'auditor@firm.example',
          role: 'auditor',
          accessExpiresAt: '2026-09-30T00:00:00.000Z',
        })
      ).statusCode,
    ).toBe(201);
    expect((await invite({ email: admin.user.email, role: 'workforce' })).statusCode).toBe(409);
  });

  it('can be accepted by a signed-in person with the invited address only', async () => {
    const { app, db, clock, invite, tokenIn, org, owner } = await setUp();
    const other = await buildOrganization(db);
    const consultant = await buildMember(db, clock, other.id, 'owner');
    await invite({ email: consultant.user.email.toUpperCase(), role: 'contributor' });
    const body =
      (await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers })).json<{
        data: { body: string }[];
      }>().data[0]?.body ?? '';
    const stranger = await buildUser(db);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: await sessionHeaders(db, clock, stranger.id, null),
      payload: { token: tokenIn(body) },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: consultant.headers,
      payload: { token: tokenIn(body) },
    });
    expect(ok.statusCode).toBe(204);
    const me = await app.inject({
      url: '/api/me',
      headers: asSession(sessionTokenOf(ok.headers['set-cookie']) ?? ''),
    });
    expect(me.json<{ memberships: unknown[]; session: { activeOrgId: string } }>()).toMatchObject({
      session: { activeOrgId: org.id },
    });
    expect(me.json<{ memberships: unknown[] }>().memberships).toHaveLength(2);
  });
});

describe(`members on ${testDatabaseKind()}`, () => {
  it('a role change ends the member’s sessions in the organization and is audited', async () => {
    const { app, db, clock, org, owner } = await setUp();
    const nurse = await buildMember(db, clock, org.id, 'workforce');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${nurse.membership.id}`,
      headers: owner.headers,
      payload: { role: 'contributor' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'contributor' });
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: nurse.headers })).statusCode,
    ).toBe(401);
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'membership.changed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.changes ?? '{}')).toMatchObject({
      role: { before: 'workforce', after: 'contributor' },
    });
  });

  it('a removed member loses access at once, open sessions included', async () => {
    const { app, db, clock, org, owner } = await setUp();
    const nurse = await buildMember(db, clock, org.id, 'workforce');
    const laterSession = await sessionHeaders(db, clock, nurse.user.id, null);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: laterSession })).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/orgs/${org.id}/members/${nurse.membership.id}`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: nurse.headers })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: laterSession })).statusCode,
    ).toBe(404);
  });

  it('keeps at least one owner, and only owners touch owners', async () => {
    const { app, db, clock, org, owner } = await setUp();
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/orgs/${org.id}/members/${owner.membership.id}`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(409);
    const admin = await buildMember(db, clock, org.id, 'admin');
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/orgs/${org.id}/members/${owner.membership.id}`,
          headers: admin.headers,
          payload: { role: 'workforce' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("counts no owner whose access has expired, and keeps the only owner's access from ending", async () => {
    const { app, db, clock, org, owner } = await setUp();
    const past = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const later = new Date(clock.now().getTime() + 30 * 86_400_000).toISOString();
    await buildMember(db, clock, org.id, 'owner', past);
    const patch = (id: string, payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/members/${id}`,
        headers: owner.headers,
        payload,
      });
    const before = await db
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', org.id)
      .execute();
    // The other owner's access has expired: the signed-in owner is the only one that counts.
    const demoted = await patch(owner.membership.id, { role: 'admin' });
    expect(demoted.statusCode).toBe(409);
    expect(demoted.body).toContain('at least one owner whose access does not end');
    const ending = await patch(owner.membership.id, { accessExpiresAt: later });
    expect(ending.statusCode).toBe(409);
    expect(ending.body).toContain('only owner whose access does not end');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/members/${owner.membership.id}`,
      headers: owner.headers,
    });
    expect(removed.statusCode).toBe(409);
    expect(
      await db.selectFrom('memberships').selectAll().where('org_id', '=', org.id).execute(),
    ).toEqual(before);
    // With another owner whose access lasts, the end date may be set.
    await buildMember(db, clock, org.id, 'owner');
    expect((await patch(owner.membership.id, { accessExpiresAt: later })).statusCode).toBe(200);
  });

  it('role changes need a recent sign-in', async () => {
    const { app, db, clock, org, owner } = await setUp();
    const nurse = await buildMember(db, clock, org.id, 'workforce');
    for (let i = 0; i < 3; i++) {
      clock.advance(4 * 60_000);
      await app.inject({ url: '/api/me', headers: owner.headers });
    }
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${nurse.membership.id}`,
      headers: owner.headers,
      payload: { role: 'admin' },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('reauthentication_required');
  });

  it("acts with a token's own role, not its creator's (an owner's admin token is an admin)", async () => {
    const { app, db, clock, org, owner, invite } = await setUp();
    const adminToken = await tokenHeaders(db, clock, owner.user.id, org.id, 'admin');
    const secondOwner = await buildMember(db, clock, org.id, 'owner');
    const contributor = await buildMember(db, clock, org.id, 'contributor');

    const asOwner = await invite({ email: 'outsider@harbor.example', role: 'owner' }, adminToken);
    expect(asOwner.statusCode).toBe(400);
    expect(asOwner.body).toContain('body.role');
    const promote = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${contributor.membership.id}`,
      headers: adminToken,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(400);
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${secondOwner.membership.id}`,
      headers: adminToken,
      payload: { role: 'workforce' },
    });
    expect(demote.statusCode).toBe(403);
    const remove = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/members/${secondOwner.membership.id}`,
      headers: adminToken,
    });
    expect(remove.statusCode).toBe(403);
    const roles = await db
      .selectFrom('memberships')
      .select(['id', 'role'])
      .where('org_id', '=', org.id)
      .execute();
    expect(roles).toEqual(
      expect.arrayContaining([
        { id: secondOwner.membership.id, role: 'owner' },
        { id: contributor.membership.id, role: 'contributor' },
      ]),
    );
    // The outbox holds other members' reset links: no token reads it, not even an owner's.
    const ownerToken = await tokenHeaders(db, clock, owner.user.id, org.id, 'owner');
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: ownerToken })).statusCode,
    ).toBe(403);
    // The same token may still do what an admin may: invite an admin.
    expect(
      (await invite({ email: 'it@harbor.example', role: 'admin' }, adminToken)).statusCode,
    ).toBe(201);
  });
});
