import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();
const RISK_ANALYSIS = encodeURIComponent('164.308(a)(1)(ii)(A)');

interface DashboardJson {
  nextActions: { id: string; href: string }[];
  firstWeek: { id: string; state: string }[];
  program: { proposedRule: { met: number } } | null;
}
interface ReadinessJson {
  items: { id: string; state: string; gaps: string[] }[];
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const call = (method: 'GET' | 'PATCH' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: officer.headers,
      ...(payload ? { payload } : {}),
    });
  const approved = async () => {
    const ra = (await call('POST', '/risk-assessments', { title: 'Risk analysis 2026' })).json<{
      id: string;
    }>();
    expect(
      (await call('POST', `/risk-assessments/${ra.id}/submit`, { acknowledgeIncomplete: true }))
        .statusCode,
    ).toBe(200);
    const approval = await call('POST', `/risk-assessments/${ra.id}/approve`, {
      note: 'Reviewed',
      acknowledgeIncomplete: true,
    });
    expect(approval.statusCode).toBe(200);
    return { id: ra.id, requestId: approval.headers['x-request-id'] };
  };
  return { db, org, officer, call, approved };
}

describe(`an approved risk assessment on ${testDatabaseKind()}`, () => {
  it('records 164.308(a)(1)(ii)(A) with the assessment and its report as evidence, audited in the approval', async () => {
    const { db, org, officer, call, approved } = await setUp();
    const ra = await approved();
    const record = (await call('GET', `/safeguards/${RISK_ANALYSIS}`)).json<{
      status: string;
      owner: { id: string } | null;
      statement: string;
      nextReviewOn: string | null;
      links: { type: string; targetId: string; label: string }[];
    }>();
    expect(record.status).toBe('implemented');
    expect(record.owner?.id).toBe(officer.user.id);
    expect(record.statement).toContain('RA-1 "Risk analysis 2026"');
    expect(record.statement).toContain('on 22 Nov 2026');
    expect(record.nextReviewOn).toBe('2027-11-22');
    expect(record.links.map((l) => [l.type, l.targetId])).toEqual(
      expect.arrayContaining([
        ['risk_assessment', ra.id],
        ['risk_report', ra.id],
      ]),
    );
    expect(record.links.find((l) => l.type === 'risk_assessment')?.label).toBe(
      'RA-1 Risk analysis 2026',
    );
    expect(record.links.find((l) => l.type === 'risk_report')?.label).toMatch(
      /^RA-1 report \(PDF, SHA-256 [0-9a-f]{12}…\)$/,
    );
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'request_id'])
      .where('org_id', '=', org.id)
      .where('action', 'in', ['safeguard.changed', 'link.created', 'risk_assessment.approved'])
      .execute();
    // Links: the assessment and its report as evidence, the yearly reminder to the record.
    expect(events.map((e) => e.action).sort()).toEqual([
      'link.created',
      'link.created',
      'link.created',
      'risk_assessment.approved',
      'safeguard.changed',
    ]);
    // One transaction, one request: every event carries the approval's request id.
    expect(new Set(events.map((e) => e.request_id))).toEqual(new Set([ra.requestId]));
  });

  it('a second approval keeps what the record says and adds the new evidence', async () => {
    const { call, approved } = await setUp();
    await call('PATCH', `/safeguards/${RISK_ANALYSIS}`, { statement: 'Our own words.' });
    await approved();
    const second = await approved();
    const record = (await call('GET', `/safeguards/${RISK_ANALYSIS}`)).json<{
      statement: string;
      links: { type: string; targetId: string }[];
    }>();
    expect(record.statement).toBe('Our own words.');
    expect(record.links.filter((l) => l.type === 'risk_assessment')).toHaveLength(2);
    expect(record.links.some((l) => l.targetId === second.id)).toBe(true);
  });

  it('removes "Complete your risk analysis" from the next actions as it crosses out the first-week step', async () => {
    const { call, approved } = await setUp();
    const before = (await call('GET', '/dashboard')).json<DashboardJson>();
    expect(before.nextActions.map((a) => a.id)).toContain('risk-analysis');
    expect(before.firstWeek.find((s) => s.id === 'risk-analysis')?.state).toBe('todo');
    await approved();
    const after = (await call('GET', '/dashboard')).json<DashboardJson>();
    expect(after.nextActions.map((a) => a.id)).not.toContain('risk-analysis');
    expect(after.firstWeek.find((s) => s.id === 'risk-analysis')?.state).toBe('done');
  });

  it('an analysis made outside Custos, recorded on the safeguard, also completes both', async () => {
    const { call } = await setUp();
    await call('PATCH', `/safeguards/${RISK_ANALYSIS}`, { status: 'implemented' });
    const after = (await call('GET', '/dashboard')).json<DashboardJson>();
    expect(after.nextActions.map((a) => a.id)).not.toContain('risk-analysis');
    expect(after.firstWeek.find((s) => s.id === 'risk-analysis')?.state).toBe('done');
  });

  it('moves the readiness items of the inventory, the network map and the risk analysis to met', async () => {
    const { call, approved } = await setUp();
    const state = async () =>
      Object.fromEntries(
        (await call('GET', '/readiness/proposed-2025'))
          .json<ReadinessJson>()
          .items.map((i) => [i.id, i]),
      );
    const empty = await state();
    expect(empty['asset-inventory-network-map']).toMatchObject({
      state: 'gap',
      gaps: ['No asset in the inventory yet', 'No data flow on the map yet'],
    });
    expect(empty['risk-analysis-contents']).toMatchObject({
      state: 'gap',
      gaps: ['No approved risk assessment yet'],
    });
    const ehr = (
      await call('POST', '/assets', { kind: 'application', name: 'EHR', ephiRoles: ['maintains'] })
    ).json<{ id: string }>();
    expect((await state())['asset-inventory-network-map']?.state).toBe('partial');
    const lab = (
      await call('POST', '/assets', {
        kind: 'cloud_service',
        name: 'Reference lab',
        ephiRoles: ['receives'],
      })
    ).json<{ id: string }>();
    await call('POST', '/data-flows', {
      fromAssetId: ehr.id,
      toAssetId: lab.id,
      ephi: 'Lab orders',
      protocol: 'HL7 over TLS',
      encrypted: 'yes',
      external: true,
    });
    await approved();
    const after = await state();
    expect(after['asset-inventory-network-map']).toMatchObject({ state: 'met', gaps: [] });
    expect(after['risk-analysis-contents']).toMatchObject({ state: 'met', gaps: [] });
  });
});
