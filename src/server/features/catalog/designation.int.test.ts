import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

// A standard with implementation specifications has no designation of its own in the rule; only a
// standard that is its own specification is required (Appendix A to Subpart C).
describe(`designations in the API and the register export on ${testDatabaseKind()}`, () => {
  it('gives standards with specifications none, in the catalog, the register and its CSV', async () => {
    const clock = testClock();
    const { app, database } = await startApp({ clock });
    const org = await buildOrganization(database.handle.db);
    const owner = await buildMember(database.handle.db, clock, org.id, 'owner');
    const get = (url: string) => app.inject({ url, headers: owner.headers });

    const catalog = (await get('/api/catalog/requirements?kind=standard')).json<{
      data: { id: string; designation: string | null; selfSpecified?: boolean }[];
    }>().data;
    expect(catalog).toHaveLength(22);
    expect(catalog.find((r) => r.id === '164.312(a)(1)')?.designation).toBeNull();
    expect(catalog.find((r) => r.id === '164.312(b)')?.designation).toBe('required');
    for (const r of catalog)
      expect(r.designation === 'required', r.id).toBe(r.selfSpecified === true);
    const required = (await get('/api/catalog/requirements?designation=required')).json<{
      data: { id: string }[];
    }>().data;
    expect(required.map((r) => r.id)).not.toContain('164.312(a)(1)');
    expect(required).toHaveLength(24 + 7);

    const register = (await get(`/api/orgs/${org.id}/safeguards`)).json<{
      data: { requirementId: string; designation: string | null }[];
    }>().data;
    expect(register.find((s) => s.requirementId === '164.308(a)(1)')?.designation).toBeNull();

    const csv = (await get(`/api/orgs/${org.id}/safeguards/export.csv`)).body.split('\r\n');
    expect(csv.find((l) => l.startsWith('164.312(a)(1),'))).toMatch(
      /^164\.312\(a\)\(1\),Access control,technical,Standard,,/,
    );
    expect(csv.find((l) => l.startsWith('164.312(b),'))).toMatch(/,Standard,Required,/);
    expect(csv.find((l) => l.startsWith('164.312(a)(2)(iv),'))).toMatch(
      /,Specification,Addressable,/,
    );
  });
});
