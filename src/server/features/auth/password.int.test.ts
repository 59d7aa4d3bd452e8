import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { heldBackground } from '../../../../test/support/background';
import { testDatabaseKind } from '../../../../test/support/database';
import { mailsTo } from '../../../../test/support/mail';
import type { Background } from '../../platform/background';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  TEST_PASSWORD,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

async function setUp(background?: Background) {
  const clock = testClock();
  const t = await startApp({
    clock,
    baseUrl: 'https://custos.clinic.example',
    ...(background ? { background } : {}),
  });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const app = t.app;
  const signIn = (password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: nurse.user.email, password },
    });
  // Reset requests do their work after the answer.
  const outbox = async () => {
    await t.background.idle();
    const res = await app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers });
    return res.json<{ data: { to: string; body: string | null }[] }>().data;
  };
  // What reaches the nurse's mailbox: the only place a reset link goes.
  const linkSent = async () => {
    await t.background.idle();
    const [body] = await mailsTo(db, nurse.user.email);
    return /reset-password#([A-Za-z0-9_-]+)/.exec(body ?? '')?.[1] ?? '';
  };
  return { app, db, clock, org, owner, nurse, signIn, outbox, linkSent };
}

describe(`passwords on ${testDatabaseKind()}`, () => {
  it('change with the current one; other sessions end, this one stays', async () => {
    const { app, db, clock, org, nurse, signIn } = await setUp();
    const other = await sessionHeaders(db, clock, nurse.user.id, org.id);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: nurse.headers,
      payload: { currentPassword: 'nope', newPassword: 'violet harbor lamp 2041' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.currentPassword',
    );
    const weak = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: nurse.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' },
    });
    expect(weak.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.newPassword',
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: nurse.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'violet harbor lamp 2041' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: nurse.headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: other })).statusCode).toBe(401);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('violet harbor lamp 2041')).statusCode).toBe(200);
  });

  it('reset by a one-time emailed link, answering the same for unknown addresses', async () => {
    const { app, db, nurse, signIn, outbox, linkSent } = await setUp();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'nobody@clinic.example' },
    });
    const known = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: nurse.user.email.toUpperCase() },
    });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    // The outbox says a reset was asked for, never with its link (an owner could take over).
    const mail = (await outbox()).find((m) => m.to === nurse.user.email);
    expect(mail).toMatchObject({ subject: 'Reset your Custos password', body: null });
    expect((await mailsTo(db, nurse.user.email))[0]).toContain(
      'https://custos.clinic.example/reset-password#',
    );
    const token = await linkSent();
    expect(token).not.toBe('');

    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'orchid pebble canyon 77' },
    });
    expect(done.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: nurse.headers })).statusCode).toBe(401);
    expect((await signIn('orchid pebble canyon 77')).statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'another long phrase 55' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('a reset revokes the API tokens by default, each revocation audited; they can be kept', async () => {
    const { app, db, clock, org, nurse, linkSent } = await setUp();
    const newToken = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: await sessionHeaders(db, clock, nurse.user.id, org.id),
          payload: { orgId: org.id, name: 'kiosk script', role: 'workforce', expiresInDays: 30 },
        })
      ).json<{ id: string; token: string }>();
    const works = async (token: string) =>
      (
        await app.inject({
          url: `/api/orgs/${org.id}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode;
    const resetWith = async (extra: object) => {
      clock.advance(1000);
      await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: nurse.user.email },
      });
      // Newest first.
      const token = await linkSent();
      return app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/complete',
        payload: { token, password: 'orchid pebble canyon 77', ...extra },
      });
    };

    const kept = await newToken();
    expect((await resetWith({ revokeTokens: false })).statusCode).toBe(204);
    expect(await works(kept.token)).toBe(200);

    const second = await newToken();
    expect((await resetWith({})).statusCode).toBe(204);
    expect(await works(kept.token)).toBe(401);
    expect(await works(second.token)).toBe(401);
    const events = await db
      .selectFrom('audit_events')
      .select(['entity_id', 'actor_id', 'changes'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'token.revoked')
      .execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual([kept.id, second.id].sort());
    expect(events.every((e) => e.actor_id === nurse.user.id)).toBe(true);
    expect(events[0]?.changes).toContain('password reset');
  });

  it('answers a reset request before looking the address up: the same work for known and unknown', async () => {
    const background = heldBackground();
    const { app, db, nurse, outbox } = await setUp(background);
    const ask = (email: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const written = async () => ({
      resets: (await db.selectFrom('password_resets').select('token_hash').execute()).length,
      mails: (await db.selectFrom('outbox').select('id').execute()).length,
      events: (await db.selectFrom('audit_events').select('id').execute()).length,
    });
    const before = await written();
    const unknown = await ask('nobody@clinic.example');
    const afterUnknown = await written();
    const known = await ask(nurse.user.email);
    const afterKnown = await written();
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    // Each answer only queued its work: nothing read or written for the account yet.
    expect(afterUnknown).toEqual(before);
    expect(afterKnown).toEqual(before);
    expect(background.pending()).toBe(2);

    await background.release();
    expect(await written()).toMatchObject({ resets: 1, mails: 1 });
    expect((await outbox()).map((m) => m.to)).toEqual([nurse.user.email]);
  });

  it('counts concurrent reset requests of one account against its three an hour', async () => {
    const { app, nurse, outbox } = await setUp();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          payload: { email: nurse.user.email },
        }),
      ),
    );
    expect((await outbox()).filter((m) => m.to === nurse.user.email)).toHaveLength(3);
  });

  it('reset links expire after an hour, and an account gets at most three an hour', async () => {
    const { app, clock, nurse, outbox, linkSent } = await setUp();
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: nurse.user.email },
      });
    }
    const mails = (await outbox()).filter((m) => m.to === nurse.user.email);
    expect(mails).toHaveLength(3);
    const token = await linkSent();
    expect(token).not.toBe('');
    clock.advance(61 * 60_000);
    const late = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'orchid pebble canyon 77' },
    });
    expect(late.statusCode).toBe(409);
  });
});
