import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildMembership,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { SystemStatusSchema } from '../../../contracts/system';
import { productVersion } from '../../platform/package-info';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const status = (headers: Record<string, string> = {}) =>
    t.app.inject({ url: '/api/status', headers });
  return { app: t.app, db, clock, org, status };
}

describe(`system status on ${testDatabaseKind()}`, () => {
  it('tells anonymous callers nothing; the probes stay open for load balancers', async () => {
    const { app, status } = await setUp();
    const anonymous = await status();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain(productVersion());
    expect(anonymous.body).not.toContain(testDatabaseKind());
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.body).not.toContain(productVersion());
    // The public API description names the API, not the release it runs.
    const doc = (await app.inject('/api/openapi.json')).json<{ info: { version: string } }>();
    expect(doc.info.version).not.toBe(productVersion());
  });

  it('shows version, database and installation to owners and admins', async () => {
    const { db, clock, org, status } = await setUp();
    for (const role of ['owner', 'admin'] as const) {
      const member = await buildMember(db, clock, org.id, role);
      const res = await status(member.headers);
      expect(res.statusCode).toBe(200);
      const body = SystemStatusSchema.parse(res.json());
      expect(body.version).toBe(productVersion());
      expect(body.database.kind).toBe(testDatabaseKind());
    }
  });

  it('refuses (403, audited) members who are owner or admin of no organization', async () => {
    const { db, clock, org, status } = await setUp();
    for (const role of [
      'security_officer',
      'privacy_officer',
      'contributor',
      'workforce',
    ] as const) {
      const member = await buildMember(db, clock, org.id, role);
      const res = await status(member.headers);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(productVersion());
    }
    const denied = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toHaveLength(4);
  });

  it('counts an admin role in any organization, but not through a token', async () => {
    const { app, db, clock, org, status } = await setUp();
    const officer = await buildMember(db, clock, org.id, 'security_officer');
    const other = await buildOrganization(db);
    await buildMembership(db, other.id, officer.user.id, 'admin');
    // Signed in with the organization where they are no admin active.
    expect((await status(officer.headers)).statusCode).toBe(200);

    const owner = await buildMember(db, clock, org.id, 'owner');
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: owner.headers,
      payload: { orgId: org.id, name: 'monitoring', role: 'owner', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json<{ token: string }>();
    expect((await status({ authorization: `Bearer ${token}` })).statusCode).toBe(403);
  });

  it('does not count an organization whose MFA rule the member does not meet', async () => {
    const { db, clock, status } = await setUp();
    const strict = await buildOrganization(db, { mfa_required: 1 });
    const admin = await buildMember(db, clock, strict.id, 'admin');
    expect((await status(admin.headers)).statusCode).toBe(403);
    const relaxed = await buildOrganization(db);
    await buildMembership(db, relaxed.id, admin.user.id, 'owner');
    expect(
      (await status(await sessionHeaders(db, clock, admin.user.id, relaxed.id))).statusCode,
    ).toBe(200);
  });
});
