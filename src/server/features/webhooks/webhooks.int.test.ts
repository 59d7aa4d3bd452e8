import { describe, expect, it } from 'vitest';
import { webhooksRoutes } from '../../../contracts/webhooks';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { seedClinic } from '../../../../test/support/tenants';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { fixedResolver } from '../../../../test/support/webhook-receiver';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([webhooksRoutes]);

const startApp = testApps();

const RESOLVES = {
  'loopback.example.org': ['127.0.0.1'],
  'private.example.org': ['10.1.2.3'],
  'metadata.example.org': ['169.254.169.254'],
  'v6-loopback.example.org': ['::1'],
  // One public and one private address: refused, the private one might be chosen.
  'mixed.example.org': ['93.184.215.14', '192.168.1.10'],
  'hooks.example.org': ['93.184.215.14', '2606:4700::6810:85e5'],
};

async function setUp(allowPrivate = false) {
  const clock = testClock();
  const t = await startApp({ clock, outbound: fixedResolver(RESOLVES, allowPrivate) });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const admin = await buildMember(db, clock, org.id, 'admin');
  const base = `/api/orgs/${org.id}/webhooks`;
  const create = (url: string) =>
    t.app.inject({
      method: 'POST',
      url: base,
      headers: admin.headers,
      payload: { url, eventTypes: ['risk.changed'] },
    });
  return { t, db, clock, org, admin, base, create };
}

describe(`webhook endpoints on ${testDatabaseKind()}`, () => {
  it('are at most 20 per organization (deliveries share the job runner)', async () => {
    const { create } = await setUp();
    for (let i = 0; i < 20; i++) {
      expect((await create(`https://hooks.example.org/in/${i}`)).statusCode).toBe(201);
    }
    const refused = await create('https://hooks.example.org/in/21');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/at most 20/);
  });

  it.each([
    ['https://loopback.example.org/in', '127.0.0.1, a loopback'],
    ['https://private.example.org/in', '10.1.2.3, a private'],
    ['https://metadata.example.org/in', '169.254.169.254, a link-local'],
    ['https://v6-loopback.example.org/in', '::1, a loopback'],
    ['https://mixed.example.org/in', '192.168.1.10, a private'],
    ['https://127.0.0.1/in', '127.0.0.1, a loopback'],
    ['https://10.9.8.7/in', '10.9.8.7, a private'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254, a link-local'],
    ['https://[::1]/in', '::1, a loopback'],
    ['https://[::ffff:127.0.0.1]/in', '::ffff:7f00:1, a loopback (IPv4 inside IPv6)'],
  ])('refuses %s (400 naming the url)', async (url, reason) => {
    const s = await setUp();
    const res = await s.create(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        message: `body.url resolves to ${reason} address, which webhooks may not reach.`,
        details: [
          {
            path: 'body.url',
            message: `resolves to ${reason} address, which webhooks may not reach`,
          },
        ],
      },
    });
  });

  it.each([
    ['http://hooks.example.org/in', 'must be an https:// address'],
    ['https://user:pw@hooks.example.org/in', 'must not hold a user name or password'],
    [
      'https://unknown.example.org/in',
      'names the host unknown.example.org, which could not be resolved',
    ],
    ['ftp://hooks.example.org/in', 'must be an https:// address'],
  ])('refuses %s', async (url, problem) => {
    const s = await setUp();
    const res = await s.create(url);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: unknown } }>().error.details).toEqual([
      { path: 'body.url', message: problem },
    ]);
  });

  it('takes private addresses and plain http when the operator allows them', async () => {
    const s = await setUp(true);
    for (const url of [
      'https://loopback.example.org/in',
      'http://10.9.8.7/in',
      'https://[::1]/in',
    ]) {
      expect((await s.create(url)).statusCode, url).toBe(201);
    }
    // Never a user name or password in the address, even then.
    expect((await s.create('https://u:p@10.9.8.7/in')).statusCode).toBe(400);
  });

  it('shows the secret once, lets the Security Official read but not change, refuses other roles', async () => {
    const s = await setUp();
    const created = await s.create('https://hooks.example.org/in');
    expect(created.statusCode).toBe(201);
    const record = created.json<{ id: string; secret: string; eventTypes: string[] }>();
    expect(record.eventTypes).toEqual(['risk.changed']);
    const read = await s.t.app.inject({ url: `${s.base}/${record.id}`, headers: s.admin.headers });
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.body).not.toContain(record.secret.slice(6, 20));

    const official = await buildMember(s.db, s.clock, s.org.id, 'security_officer');
    expect((await s.t.app.inject({ url: s.base, headers: official.headers })).statusCode).toBe(200);
    const change = await s.t.app.inject({
      method: 'PATCH',
      url: `${s.base}/${record.id}`,
      headers: official.headers,
      payload: { active: false },
    });
    expect(change.statusCode).toBe(403);
    const contributor = await buildMember(s.db, s.clock, s.org.id, 'contributor');
    expect((await s.t.app.inject({ url: s.base, headers: contributor.headers })).statusCode).toBe(
      403,
    );

    const bad = await s.t.app.inject({
      method: 'PATCH',
      url: `${s.base}/${record.id}`,
      headers: s.admin.headers,
      payload: { eventTypes: ['auth.signed_in'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.eventTypes.0');
    const moved = await s.t.app.inject({
      method: 'PATCH',
      url: `${s.base}/${record.id}`,
      headers: s.admin.headers,
      payload: { url: 'https://private.example.org/in' },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('body.url');

    const off = await s.t.app.inject({
      method: 'PATCH',
      url: `${s.base}/${record.id}`,
      headers: s.admin.headers,
      payload: { active: false, eventTypes: ['task.completed', 'risk.accepted'] },
    });
    expect(off.json()).toMatchObject({
      active: false,
      eventTypes: ['task.completed', 'risk.accepted'],
    });
  });

  it("keeps the demo's local endpoint editable when its address is sent back unchanged", async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const clinic = await seedClinic(t, clock, 'hooks');
    const owner = clinic.people.find((p) => p.role === 'owner');
    if (!owner) throw new Error('the demo clinic has an owner');
    const headers = await sessionHeaders(t.database.handle.db, clock, owner.userId, clinic.orgId);
    const base = `/api/orgs/${clinic.orgId}/webhooks`;
    const [demo] = (await t.app.inject({ url: base, headers })).json<{
      data: { id: string; url: string }[];
    }>().data;
    if (!demo) throw new Error('the demo clinic has an endpoint');
    const change = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `${base}/${demo.id}`, headers, payload });
    const kept = await change({ url: demo.url, description: 'Renamed' });
    expect(kept.statusCode, kept.body).toBe(200);
    // Another local address is still refused.
    expect((await change({ url: 'http://localhost:9001/other' })).statusCode).toBe(400);
  });
});
