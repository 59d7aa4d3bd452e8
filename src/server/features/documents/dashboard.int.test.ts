import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contracts/dashboard';
import type { DocumentDetail } from '../../../contracts/documents';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { catalog } from '../catalog/content';

const startApp = testApps();

describe(`policies on the dashboard on ${testDatabaseKind()}`, () => {
  it('tick "Adopt policies" once every 164.308 standard has a policy in effect', async () => {
    const clock = testClock('2026-06-01T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const official = await buildMember(db, clock, org.id, 'security_officer');
    const workforce = await buildMember(db, clock, org.id, 'workforce');
    const base = `/api/orgs/${org.id}`;
    const step = async () =>
      (await t.app.inject({ url: `${base}/dashboard`, headers: owner.headers })).json<Dashboard>();
    const standards = catalog()
      .requirements.filter((r) => r.kind === 'standard' && r.id.startsWith('164.308'))
      .map((r) => r.id);
    // A specification covers its standard: 164.308(a)(1)(ii)(A) stands for 164.308(a)(1).
    const [first, ...rest] = standards;
    const requirements = [
      ...(catalog().childrenOf.get(first ?? '') ?? []).slice(0, 1).map((r) => r.id),
      ...rest,
    ];
    const doc = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/documents`,
        headers: official.headers,
        payload: { title: 'Administrative safeguards', kind: 'policy', requirements },
      })
    ).json<DocumentDetail>();
    const version = `${base}/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    await t.app.inject({ method: 'POST', url: `${version}/submit`, headers: official.headers });
    await t.app.inject({
      method: 'POST',
      url: `${version}/approve`,
      headers: owner.headers,
      payload: {},
    });
    const policies = (d: Dashboard) => d.firstWeek.find((s) => s.id === 'policies')?.state;
    const detail = (d: Dashboard) => d.firstWeek.find((s) => s.id === 'policies')?.detail ?? '';
    // Approved is not yet in effect: the step names every standard still without a policy.
    const before = await step();
    expect(policies(before)).toBe('todo');
    expect(detail(before)).toContain(
      `Still without a policy in effect (${standards.length} of ${standards.length}): 164.308(a)(1) Security management process; 164.308(a)(2) Assigned security responsibility;`,
    );
    await t.app.inject({
      method: 'POST',
      url: `${version}/put-in-effect`,
      headers: owner.headers,
      payload: {},
    });
    const after = await step();
    expect(policies(after)).toBe('done');
    expect(detail(after)).not.toContain('Still without');
    expect(after.policies).toMatchObject({ total: 1, inEffect: 1, acknowledgements: null });
    // Workforce members see nothing of the documents area.
    const theirs = (
      await t.app.inject({ url: `${base}/dashboard`, headers: workforce.headers })
    ).json<Dashboard>();
    expect(theirs.policies).toBeNull();
    // Due for review a year on: shown from a month before.
    clock.set('2027-05-10T15:00:00.000Z');
    const later = await buildMember(db, clock, org.id, 'admin');
    const due = (
      await t.app.inject({ url: `${base}/dashboard`, headers: later.headers })
    ).json<Dashboard>();
    expect(due.policies?.dueForReview.map((d) => [d.reference, d.nextReviewOn])).toEqual([
      ['POL-1', '2027-06-01'],
    ]);
    expect(due.nextActions.map((a) => a.title)).toContain('Review POL-1 Administrative safeguards');
  });

  it('names on "Adopt policies" the standards a policy in effect does not cover yet', async () => {
    const clock = testClock('2026-06-01T15:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const official = await buildMember(db, clock, org.id, 'security_officer');
    const base = `/api/orgs/${org.id}`;
    const standards = catalog()
      .requirements.filter((r) => r.kind === 'standard' && r.id.startsWith('164.308'))
      .map((r) => r.id);
    const last = standards.at(-1) ?? '';
    const doc = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/documents`,
        headers: official.headers,
        payload: { title: 'Most of it', kind: 'policy', requirements: standards.slice(0, -1) },
      })
    ).json<DocumentDetail>();
    const version = `${base}/documents/${doc.id}/versions/${doc.versions[0]?.id ?? ''}`;
    await t.app.inject({ method: 'POST', url: `${version}/submit`, headers: official.headers });
    for (const step of ['approve', 'put-in-effect']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${version}/${step}`,
        headers: owner.headers,
        payload: {},
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const dashboard = (
      await t.app.inject({ url: `${base}/dashboard`, headers: owner.headers })
    ).json<Dashboard>();
    const step = dashboard.firstWeek.find((s) => s.id === 'policies');
    expect(step?.state).toBe('todo');
    expect(step?.detail).toMatch(
      new RegExp(
        `Still without a policy in effect \\(1 of ${standards.length}\\): ${last.replace(/[()]/g, '\\$&')} ${catalog().byId.get(last)?.title ?? 'none'}\\.$`,
      ),
    );
  });
});
