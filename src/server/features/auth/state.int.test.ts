import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';

const startApp = testApps();

// The web app's first request: answered 200 whether or not someone is signed in, so a visitor's
// browser logs no error (issue 12); GET /api/me keeps its 401 for API clients.
describe(`GET /api/auth/state on ${testDatabaseKind()}`, () => {
  it('says who is signed in, and answers a visitor, a token or an ended session with signedIn: false', async () => {
    const clock = testClock();
    const { app, database } = await startApp({ clock });
    const db = database.handle.db;
    const org = await buildOrganization(db, { idle_timeout_minutes: 15 });
    const owner = await buildMember(db, clock, org.id, 'owner');
    const state = (headers: Record<string, string> = {}) =>
      app.inject({ url: '/api/auth/state', headers });

    const visitor = await state();
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ signedIn: false });
    expect((await app.inject({ url: '/api/me' })).statusCode).toBe(401);

    const signedIn = await state(owner.headers);
    expect(signedIn.statusCode).toBe(200);
    const body = signedIn.json<{ signedIn: true; me: { user: { id: string } } }>();
    expect(body.signedIn).toBe(true);
    expect(body.me).toEqual((await app.inject({ url: '/api/me', headers: owner.headers })).json());
    expect(body.me.user.id).toBe(owner.user.id);

    const token = await tokenHeaders(db, clock, owner.user.id, org.id, 'auditor');
    expect((await state(token)).json()).toEqual({ signedIn: false });

    clock.advance(16 * 60_000);
    const idle = await state(owner.headers);
    expect(idle.statusCode).toBe(200);
    expect(idle.json()).toEqual({ signedIn: false });
    expect(idle.headers['set-cookie']).toMatch(/custos_session=;/);
  });
});
