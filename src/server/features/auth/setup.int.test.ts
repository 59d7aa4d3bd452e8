import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { asSession, sessionTokenOf } from '../../../../test/support/factories';
import { testDatabaseKind } from '../../../../test/support/database';

const startApp = testApps();

const body = (password: string) => ({
  organization: { name: 'Riverside Family Clinic' },
  owner: { name: 'Dana Whitfield', email: 'Dana@Riverside.example', password },
});

describe(`first-run setup on ${testDatabaseKind()}`, () => {
  it('is needed until it is done, then refused', async () => {
    const t = await startApp();
    expect((await t.app.inject('/api/setup')).json()).toEqual({ needed: true });

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body('brisk maple orchard 1987'),
    });
    expect(res.statusCode).toBe(201);
    const token = sessionTokenOf(res.headers['set-cookie']);
    expect(token).toBeDefined();
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    // Kept by the browser until the session's absolute expiry: 12 hours.
    expect(String(res.headers['set-cookie'])).toMatch(/Max-Age=(43200|4319\d)\b/);

    const me = await t.app.inject({ url: '/api/me', headers: asSession(token ?? '') });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'Dana@Riverside.example', name: 'Dana Whitfield' },
      memberships: [{ orgName: 'Riverside Family Clinic', role: 'owner', accessExpiresAt: null }],
    });

    expect((await t.app.inject('/api/setup')).json()).toEqual({ needed: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body('another long passphrase 9'),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'conflict', message: 'Custos is already set up: sign in instead.' },
    });
  });

  it('records the setup in the new organization’s audit trail', async () => {
    const t = await startApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body('brisk maple orchard 1987'),
    });
    const { orgId } = res.json<{ orgId: string }>();
    const events = await t.database.handle.db
      .selectFrom('audit_events')
      .select(['action', 'org_id'])
      .orderBy('seq')
      .execute();
    expect(events).toEqual(
      ['organization.created', 'user.created', 'membership.created', 'setup.completed'].map(
        (action) => ({ action, org_id: orgId }),
      ),
    );
  });

  it('lets only one of two racing setups win', async () => {
    const t = await startApp();
    const app = t.app;
    const results = await Promise.all(
      [1, 2].map((i) =>
        app.inject({
          method: 'POST',
          url: '/api/setup',
          payload: { ...body('brisk maple orchard 1987'), organization: { name: `Clinic ${i}` } },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const orgs = await t.database.handle.db.selectFrom('organizations').select('id').execute();
    expect(orgs).toHaveLength(1);
  });

  it.each([
    ['short1', /at least 12 characters/],
    ['qwerty123456', /one of the most commonly used passwords/],
    ['aaaaaaaaaaaaaaaa', /repeats too few characters/],
    ['dana@riverside', /built from your name, your email address/],
  ])('refuses the password %j saying why, and writes nothing', async (password, why) => {
    const t = await startApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body(password) });
    expect(res.statusCode).toBe(400);
    const error = res.json<{
      error: { code: string; message: string; details: { path: string; message: string }[] };
    }>().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details[0]?.path).toBe('body.owner.password');
    expect(error.details[0]?.message).toMatch(why);
    expect(await t.database.handle.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect((await t.app.inject('/api/setup')).json()).toEqual({ needed: true });
  });

  it('accepts long passphrases and any characters, without composition rules', async () => {
    const t = await startApp();
    const passphrase = 'the quiet heron waits by the cold river at dawn, dreaming of trout 🐟';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body(passphrase),
    });
    expect(res.statusCode).toBe(201);
  });

  it('names the invalid fields of a malformed request', async () => {
    const t = await startApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { organization: {}, owner: { email: 'nope' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json<{ error: { details: { path: string }[] } }>()
      .error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.organization.name',
        'body.owner.email',
        'body.owner.name',
        'body.owner.password',
      ]),
    );
  });

  // Issue 12: dates follow the organization's zone; a new one takes the browser's (sent by setup).
  it("records the organization's time zone, UTC when none is sent", async () => {
    const t = await startApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        ...body('brisk maple orchard 1987'),
        organization: { name: 'Riverside Family Clinic', timeZone: 'America/Chicago' },
      },
    });
    expect(res.statusCode).toBe(201);
    const me = await t.app.inject({
      url: '/api/me',
      headers: asSession(sessionTokenOf(res.headers['set-cookie']) ?? ''),
    });
    expect(me.json()).toMatchObject({ memberships: [{ timeZone: 'America/Chicago' }] });

    const other = await startApp();
    const refused = await other.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        ...body('brisk maple orchard 1987'),
        organization: { name: 'X', timeZone: 'Mars/Olympus' },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { details: [{ path: 'body.organization.timeZone' }] },
    });
  });
});
