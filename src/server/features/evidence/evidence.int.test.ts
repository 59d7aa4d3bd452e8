import { describe, expect, it } from 'vitest';
import { evidenceRoutes } from '../../../contracts/evidence';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([evidenceRoutes]);

const startApp = testApps();

describe(`evidence on ${testDatabaseKind()}`, () => {
  it('are added, changed and removed by editors, and only read by auditors', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const editor = await buildMember(db, clock, org.id, 'contributor');
    const auditor = await buildMember(db, clock, org.id, 'auditor');
    const base = `/api/orgs/${org.id}/evidence`;

    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: { name: 'First', notes: 'Some notes' },
    });
    expect(created.statusCode).toBe(201);
    const record = created.json<{ id: string; reference: string }>();
    expect(record.reference).toBe('EV-1');

    const refused = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${record.id}`,
      headers: auditor.headers,
      payload: { name: 'Renamed' },
    });
    expect(refused.statusCode).toBe(403);

    const blank = await t.app.inject({
      method: 'POST',
      url: base,
      headers: editor.headers,
      payload: { name: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('body.name');

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${record.id}`,
      headers: editor.headers,
      payload: { name: 'Renamed' },
    });
    expect(changed.json<{ name: string }>().name).toBe('Renamed');

    const listed = await t.app.inject({ url: base, headers: auditor.headers });
    expect(listed.json<{ data: { name: string }[] }>().data.map((r) => r.name)).toContain(
      'Renamed',
    );

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${record.id}`,
      headers: editor.headers,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({ url: `${base}/${record.id}`, headers: auditor.headers });
    expect(gone.statusCode).toBe(404);
  });
});
