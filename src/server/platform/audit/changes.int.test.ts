import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { readJson } from '../db/json-columns';

const startApp = testApps();

// Every feature's "changed" event names fields as the API does (ownerId, not owner_id): one
// helper (changes.ts) writes them all, so the trail reads alike whichever record changed.
describe(`audit changes on ${testDatabaseKind()}`, () => {
  it('are keyed by API field names in every feature', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const officer = await buildMember(db, clock, org.id, 'security_officer');
    const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const response = await t.app.inject({
        method,
        url: `/api/orgs/${org.id}${url}`,
        headers: officer.headers,
        payload,
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json<{ id: string }>();
    };
    const task = await call('POST', '/tasks', { title: 'Review access' });
    await call('PATCH', `/tasks/${task.id}`, { ownerId: officer.user.id, dueOn: '2026-12-01' });
    const a = await call('POST', '/assets', { kind: 'server', name: 'EHR' });
    const b = await call('POST', '/assets', { kind: 'workstation', name: 'Front desk' });
    await call('PATCH', `/assets/${a.id}`, { ownerId: officer.user.id, ephiRoles: ['maintains'] });
    const flow = await call('POST', '/data-flows', { fromAssetId: a.id, toAssetId: b.id });
    await call('PATCH', `/data-flows/${flow.id}`, { toAssetId: a.id, fromAssetId: b.id });
    const risk = await call('POST', '/risks', { title: 'Laptop theft' });
    await call('PATCH', `/risks/${risk.id}`, {
      ownerId: officer.user.id,
      likelihood: 2,
      impact: 3,
      ratingRationale: 'Laptops leave the building',
    });
    const assessment = await call('POST', '/risk-assessments', { title: 'Annual analysis' });
    await call('PATCH', `/risk-assessments/${assessment.id}`, {
      startsOn: '2026-11-01',
      participants: [{ name: 'Dana Reyes', role: 'Security official' }],
    });
    await call('PATCH', `/safeguards/${encodeURIComponent('164.312(a)(2)(iv)')}`, {
      ownerId: officer.user.id,
      reviewIntervalMonths: 12,
    });

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute()
      .then((rows) => rows.filter((e) => e.action.endsWith('.changed')));
    const keys = Object.fromEntries(
      events.map((e) => [
        e.action,
        Object.keys(readJson('audit_events.changes', e.changes ?? '{}')).sort(),
      ]),
    );
    expect(keys).toEqual({
      'task.changed': ['dueOn', 'ownerId'],
      'asset.changed': ['ephiRoles', 'holdsEphi', 'ownerId'],
      'data_flow.changed': ['fromAssetId', 'toAssetId'],
      'risk.changed': ['impact', 'inherentLevel', 'likelihood', 'ownerId', 'ratingRationale'],
      'risk_assessment.changed': ['participants', 'startsOn'],
      'safeguard.changed': ['nextReviewOn', 'ownerId', 'requirement', 'reviewIntervalMonths'],
    });
  });
});
