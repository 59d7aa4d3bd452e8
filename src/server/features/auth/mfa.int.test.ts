import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { ACCOUNT_POLICY } from '../../platform/auth/throttle';
import {
  asSession,
  buildMember,
  buildOrganization,
  sessionTokenOf,
  TEST_PASSWORD,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  const app = t.app;
  const codeAt = (secret: string, offsetMs = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: clock.now().getTime() + offsetMs,
    });
  const enrol = async (headers: Record<string, string>) => {
    const start = await app.inject({ method: 'POST', url: '/api/me/mfa/totp', headers });
    const { secret } = start.json<{ secret: string }>();
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp/confirm',
      headers,
      payload: { code: codeAt(secret) },
    });
    return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
  };
  const signIn = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    return { res, headers: asSession(sessionTokenOf(res.headers['set-cookie']) ?? '') };
  };
  return { app, db, clock, org, owner, codeAt, enrol, signIn };
}

describe(`two-factor authentication on ${testDatabaseKind()}`, () => {
  it('enrols an authenticator app with a QR code, confirmed by a code, and keeps the secret encrypted', async () => {
    const { app, db, owner, codeAt } = await setUp();
    const start = await app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp',
      headers: owner.headers,
    });
    expect(start.statusCode).toBe(200);
    const body = start.json<{ secret: string; otpauthUri: string; qrCode: string }>();
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Custos:.+\?.*secret=[A-Z2-7]+/);
    expect(body.qrCode).toMatch(/^data:image\/png;base64,/);

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp/confirm',
      headers: owner.headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.code',
    );

    const confirm = await app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp/confirm',
      headers: owner.headers,
      payload: { code: codeAt(body.secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const codes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', owner.user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(body.secret);
    expect(row.totp_pending_secret).toBeNull();
    const stored = await db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', owner.user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]?.replace('-', '') ?? 'x');
    expect(
      (await app.inject({ url: '/api/me', headers: owner.headers })).json<{
        user: { mfaEnabled: boolean };
      }>().user.mfaEnabled,
    ).toBe(true);
  });

  it('asks for a code after the password; the pending session can do nothing else', async () => {
    const { app, db, owner, clock, codeAt, enrol, signIn } = await setUp();
    const { secret } = await enrol(owner.headers);
    clock.advance(60_000);
    const { res, headers } = await signIn(owner.user.email);
    expect(res.json()).toEqual({ mfaRequired: true });
    expect((await app.inject({ url: '/api/me', headers })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers,
          payload: { code: '123456' },
        })
      ).statusCode,
    ).toBe(400);

    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers,
      payload: { code: codeAt(secret) },
    });
    expect(done.statusCode).toBe(204);
    const signedIn = asSession(sessionTokenOf(done.headers['set-cookie']) ?? '');
    expect((await app.inject({ url: '/api/me', headers: signedIn })).statusCode).toBe(200);
    // The session id was rotated: the password-only token is dead.
    expect((await app.inject({ url: '/api/me', headers })).statusCode).toBe(401);
    const actions = (
      await db.selectFrom('audit_events').select('action').orderBy('seq').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['mfa.enabled', 'auth.mfa_failed', 'auth.signed_in']),
    );
  });

  it('never accepts the same code twice', async () => {
    const { app, owner, clock, codeAt, enrol, signIn } = await setUp();
    const { secret } = await enrol(owner.headers);
    clock.advance(60_000);
    const code = codeAt(secret);
    const first = await signIn(owner.user.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers: first.headers,
          payload: { code },
        })
      ).statusCode,
    ).toBe(204);
    const second = await signIn(owner.user.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers: second.headers,
          payload: { code },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('checks at most the free attempts of 60 concurrent wrong codes', async () => {
    const { app, db, owner, clock, enrol, signIn } = await setUp();
    await enrol(owner.headers);
    clock.advance(60_000);
    const { headers } = await signIn(owner.user.email);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers,
          payload: { code: String(100000 + i) },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 400)).toHaveLength(ACCOUNT_POLICY.free + 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - ACCOUNT_POLICY.free - 1);
    const failed = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.mfa_failed')
      .execute();
    expect(failed).toHaveLength(ACCOUNT_POLICY.free + 1);
  });

  it('accepts each recovery code once', async () => {
    const { app, owner, clock, enrol, signIn } = await setUp();
    const { recoveryCodes } = await enrol(owner.headers);
    clock.advance(60_000);
    const code = (recoveryCodes[3] ?? '').toUpperCase();
    const first = await signIn(owner.user.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers: first.headers,
          payload: { code },
        })
      ).statusCode,
    ).toBe(204);
    const second = await signIn(owner.user.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers: second.headers,
          payload: { code },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('asks for the password and a code again before turning MFA off after 10 minutes', async () => {
    const { app, owner, clock, codeAt, enrol } = await setUp();
    const { secret } = await enrol(owner.headers);
    for (let i = 0; i < 3; i++) {
      clock.advance(4 * 60_000);
      await app.inject({ url: '/api/me', headers: owner.headers });
    }
    const refused = await app.inject({
      method: 'DELETE',
      url: '/api/me/mfa/totp',
      headers: owner.headers,
      payload: { code: codeAt(secret) },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe(
      'reauthentication_required',
    );
    const noCode = await app.inject({
      method: 'POST',
      url: '/api/auth/reauthenticate',
      headers: owner.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(noCode.statusCode).toBe(400);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/reauthenticate',
      headers: owner.headers,
      payload: { password: TEST_PASSWORD, code: codeAt(secret) },
    });
    expect(ok.statusCode).toBe(204);
    // The re-authentication spent this 30-second step's code: the next one turns MFA off.
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/me/mfa/totp',
          headers: owner.headers,
          payload: { code: codeAt(secret, 30_000) },
        })
      ).statusCode,
    ).toBe(204);
  });

  it('turns MFA off only with a current code or an unused recovery code, throttled', async () => {
    const { app, db, owner, codeAt, enrol } = await setUp();
    const { secret, recoveryCodes } = await enrol(owner.headers);
    const turnOff = (payload?: object) =>
      app.inject({
        method: 'DELETE',
        url: '/api/me/mfa/totp',
        headers: owner.headers,
        ...(payload ? { payload } : {}),
      });
    const pathOf = (res: { body: string }) =>
      (JSON.parse(res.body) as { error: { details?: { path: string }[] } }).error.details?.[0]
        ?.path;
    const enabled = async () =>
      (
        await db
          .selectFrom('users')
          .select('totp_enabled_at')
          .where('id', '=', owner.user.id)
          .executeTakeFirstOrThrow()
      ).totp_enabled_at !== null;

    // A fresh session alone is not enough.
    const missing = await turnOff({});
    expect(missing.statusCode).toBe(400);
    expect(pathOf(missing)).toBe('body.code');
    const wrong = await turnOff({ code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(pathOf(wrong)).toBe('body.code');
    // The code of the enrolment is spent.
    expect((await turnOff({ code: codeAt(secret) })).statusCode).toBe(400);
    expect(await enabled()).toBe(true);

    // Counted like the codes at sign-in: after the free attempts, even a right code waits.
    for (let i = 0; i < ACCOUNT_POLICY.free - 1; i++) {
      expect((await turnOff({ code: `recovery-${i}` })).statusCode).toBe(400);
    }
    const throttled = await turnOff({ code: recoveryCodes[0] ?? '' });
    expect(throttled.statusCode).toBe(429);
    expect(await enabled()).toBe(true);
    const failed = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.mfa_failed')
      .where('entity_id', '=', owner.user.id)
      .execute();
    expect(failed).toHaveLength(ACCOUNT_POLICY.free + 1);
  });

  it('turns MFA off with a recovery code and records it', async () => {
    const { app, db, owner, enrol } = await setUp();
    const { recoveryCodes } = await enrol(owner.headers);
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/me/mfa/totp',
      headers: owner.headers,
      payload: { code: recoveryCodes[2] },
    });
    expect(res.statusCode).toBe(204);
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', owner.user.id)
      .executeTakeFirstOrThrow();
    expect([user.totp_enabled_at, user.totp_secret]).toEqual([null, null]);
    const actions = (
      await db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', owner.user.id)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['mfa.recovery_code_used', 'mfa.disabled']);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/me/mfa/totp',
      headers: owner.headers,
      payload: { code: recoveryCodes[3] },
    });
    expect(again.statusCode).toBe(409);
  });

  it("enforces the organization's MFA requirement until the member enrols", async () => {
    const { app, db, clock, org, owner, enrol } = await setUp();
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: owner.headers,
      payload: { mfaRequired: true },
    });
    expect(refused.statusCode).toBe(409);
    await enrol(owner.headers);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/settings`,
      headers: owner.headers,
      payload: { mfaRequired: true },
    });
    expect(patch.json()).toMatchObject({ mfaRequired: true });

    const nurse = await buildMember(db, clock, org.id, 'workforce');
    const blocked = await app.inject({ url: `/api/orgs/${org.id}`, headers: nurse.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('mfa_enrolment_required');
    const me = await app.inject({ url: '/api/me', headers: nurse.headers });
    expect(me.json<{ memberships: { mfaRequired: boolean }[] }>().memberships[0]?.mfaRequired).toBe(
      true,
    );
    await enrol(nurse.headers);
    expect(
      (await app.inject({ url: `/api/orgs/${org.id}`, headers: nurse.headers })).statusCode,
    ).toBe(200);
  });
});
