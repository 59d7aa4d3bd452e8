import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();
const GROUP_HEALTH_PLAN = [
  '164.314(b)(1)',
  '164.314(b)(2)(i)',
  '164.314(b)(2)(ii)',
  '164.314(b)(2)(iii)',
  '164.314(b)(2)(iv)',
];

interface SafeguardJson {
  requirementId: string;
  status: string;
  notApplicableReason: string | null;
}

describe(`applicability from the organization profile on ${testDatabaseKind()}`, () => {
  it('shows 164.314(b) as not applicable with the reason for an organization without a group health plan, counted as done everywhere', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const call = (method: 'GET' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/orgs/${org.id}${url}`,
        headers: owner.headers,
        ...(payload ? { payload } : {}),
      });
    const register = async () =>
      new Map(
        (await call('GET', '/safeguards'))
          .json<{ data: SafeguardJson[] }>()
          .data.map((s) => [s.requirementId, s]),
      );
    const progress = async () =>
      (await call('GET', '/dashboard')).json<{
        program: { progress: { notApplicable: number; notStarted: number } };
      }>().program.progress;
    // Something recorded before the profile said anything is kept, and comes back if it applies.
    await call('PATCH', `/safeguards/${encodeURIComponent('164.314(b)(2)(i)')}`, {
      status: 'in_progress',
    });
    // Until the profile says what kind of entity this is, everything applies.
    expect((await register()).get('164.314(b)(1)')?.status).toBe('not_started');
    expect((await progress()).notApplicable).toBe(0);

    await call('PATCH', '/profile', { entityType: 'provider', includesGroupHealthPlan: false });
    const records = await register();
    for (const id of GROUP_HEALTH_PLAN) {
      expect(records.get(id)).toMatchObject({ status: 'not_applicable' });
      expect(records.get(id)?.notApplicableReason).toContain('no group health plan');
    }
    // The other fact of the profile: no clearinghouse function.
    expect(records.get('164.308(a)(4)(ii)(A)')?.notApplicableReason).toContain('clearinghouse');
    expect((await progress()).notApplicable).toBe(GROUP_HEALTH_PLAN.length + 1);
    const csv = (await call('GET', '/safeguards/export.csv')).body;
    expect(csv).toContain('Not applicable: The organization profile says it includes no group');
    const refused = await call('PATCH', `/safeguards/${encodeURIComponent('164.314(b)(1)')}`, {
      status: 'implemented',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.status',
    );

    await call('PATCH', '/profile', { includesGroupHealthPlan: true });
    const applies = await register();
    expect(applies.get('164.314(b)(2)(i)')).toMatchObject({
      status: 'in_progress',
      notApplicableReason: null,
    });
    expect(applies.get('164.314(b)(1)')?.status).toBe('not_started');
    expect((await progress()).notApplicable).toBe(1);
  });
});
