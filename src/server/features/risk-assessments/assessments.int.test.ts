import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

interface AssessmentJson {
  id: string;
  reference: string;
  status: string;
  basedOn: { reference: string } | null;
  matrix: { id: string };
  approved: { by: { name: string }; at: string } | null;
  report: { sha256: string; size: number } | null;
  scope: string;
  changes: {
    added: { reference: string }[];
    rerated: { reference: string; before: string; after: string }[];
  } | null;
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const asset = async (body: object) =>
    (await call(officer, 'POST', '/assets', body)).json<{ id: string }>();
  return { ...t, db, clock, org, officer, contributor, call, asset };
}

describe(`risk assessments on ${testDatabaseKind()}`, () => {
  it('goes draft → in review → approved; the approved one answers 409 and a new draft starts from it', async () => {
    const { call, officer, contributor, asset, clock } = await setUp();
    const ehr = await asset({ kind: 'application', name: 'EHR', ephiRoles: ['maintains'] });
    const first = await call(officer, 'POST', '/risks', {
      title: 'Ransomware halts the EHR',
      assetIds: [ehr.id],
      threatId: 'T-RANSOMWARE',
      likelihood: 3,
      impact: 4,
      ratingRationale: 'Peers hit twice this year',
    });
    const riskId = first.json<{ id: string }>().id;

    const draft = await call(contributor, 'POST', '/risk-assessments', {
      title: 'Risk analysis 2026',
      participants: [{ name: 'Dana Reyes', role: 'Security official' }],
    });
    expect(draft.statusCode).toBe(201);
    const ra = draft.json<AssessmentJson>();
    expect(ra).toMatchObject({
      reference: 'RA-1',
      status: 'draft',
      matrix: { id: 'sp800-30-5x5' },
    });
    const url = `/risk-assessments/${ra.id}`;

    // Approval comes after review, and only from someone with authority.
    expect((await call(officer, 'POST', `${url}/approve`, {})).statusCode).toBe(409);
    // The EHR's other threats are not covered yet: acknowledged on each step.
    const ack = { acknowledgeIncomplete: true };
    expect((await call(contributor, 'POST', `${url}/submit`)).statusCode).toBe(409);
    expect((await call(contributor, 'POST', `${url}/submit`, ack)).statusCode).toBe(200);
    expect((await call(contributor, 'POST', `${url}/approve`, ack)).statusCode).toBe(403);
    const approved = await call(officer, 'POST', `${url}/approve`, {
      note: 'Reviewed with the board',
      ...ack,
    });
    expect(approved.statusCode).toBe(200);
    const record = approved.json<AssessmentJson>();
    expect(record).toMatchObject({
      status: 'approved',
      approved: { by: { name: 'A security_officer' }, at: '2026-11-22T15:00:00.000Z' },
    });

    // Immutable from here.
    for (const [method, path, body] of [
      ['PATCH', url, { scope: 'changed' }],
      ['POST', `${url}/submit`, undefined],
      ['POST', `${url}/return`, undefined],
      ['POST', `${url}/approve`, {}],
    ] as const) {
      const refused = await call(officer, method, path, body);
      expect(refused.statusCode, `${method} ${path}`).toBe(409);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/approved/);
    }

    // The stored report is the same bytes however the register changes later.
    const pdf = await call(officer, 'GET', `${url}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(pdf.rawPayload).digest('hex');
    expect(sha).toBe(record.report?.sha256);
    expect(pdf.headers['x-content-sha256']).toBe(sha);
    await call(officer, 'PATCH', `/risks/${riskId}`, { likelihood: 1 });
    clock.advance(60_000);
    const again = await call(officer, 'GET', `${url}/report.pdf`);
    expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(sha);

    // The first-week path counts the inventory and the approved analysis as done.
    const dashboard = await call(officer, 'GET', '/dashboard');
    const steps = dashboard.json<{ firstWeek: { id: string; state: string }[] }>().firstWeek;
    expect(steps.filter((s) => ['inventory', 'risk-analysis'].includes(s.id))).toEqual([
      expect.objectContaining({ id: 'inventory', state: 'done' }),
      expect.objectContaining({ id: 'risk-analysis', state: 'done' }),
    ]);

    // A yearly update is scheduled 12 months after approval.
    const tasks = await call(officer, 'GET', '/tasks?q=RA-1');
    expect(tasks.json<{ data: { title: string; dueOn: string }[] }>().data).toEqual([
      expect.objectContaining({
        title: 'Update the risk analysis (RA-1 turns 12 months old)',
        dueOn: '2027-11-22',
      }),
    ]);

    // The next draft starts from the approved one and shows what changed since.
    await call(officer, 'POST', '/risks', { title: 'Lost tablet', assetIds: [ehr.id] });
    const next = await call(officer, 'POST', '/risk-assessments', { basedOnId: ra.id });
    expect(next.statusCode).toBe(201);
    const second = next.json<AssessmentJson>();
    expect(second).toMatchObject({
      reference: 'RA-2',
      status: 'draft',
      basedOn: { reference: 'RA-1' },
    });
    expect(second.scope).toBe((await call(officer, 'GET', url)).json<AssessmentJson>().scope);
    expect(second.changes?.added.map((c) => c.reference)).toEqual(['RISK-2']);
    expect(second.changes?.rerated).toEqual([
      expect.objectContaining({
        reference: 'RISK-1',
        before: 'Very High → residual unrated',
        after: 'Moderate → residual unrated',
      }),
    ]);
    const fromDraft = await call(officer, 'POST', '/risk-assessments', { basedOnId: second.id });
    expect(fromDraft.statusCode).toBe(400);

    // The trend counts open risks per level in each approved assessment.
    const summary = await call(officer, 'GET', '/risk-summary');
    const body = summary.json<{
      trend: { reference: string; levels: { label: string; count: number }[] }[];
      heatMap: { inherent: number[][]; unrated: number };
    }>();
    expect(body.trend[0]?.reference).toBe('RA-1');
    expect(body.trend[0]?.levels.find((l) => l.label === 'Very High')?.count).toBe(1);
    expect(body.heatMap.inherent[1]?.[4]).toBe(1);
    expect(body.heatMap.unrated).toBe(1);
  });

  it('a draft report renders from the live register and says DRAFT; the register exports as CSV', async () => {
    const { call, officer } = await setUp();
    await call(officer, 'POST', '/risks', { title: 'Unpatched imaging server' });
    const ra = (await call(officer, 'POST', '/risk-assessments', {})).json<AssessmentJson>();
    const pdf = await call(officer, 'GET', `/risk-assessments/${ra.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('RA-1-draft.pdf');
    const csv = await call(officer, 'GET', `/risk-assessments/${ra.id}/register.csv`);
    expect(csv.body).toContain('RISK-1,Unpatched imaging server');
  });

  it('a new ePHI system, or a recorded change, raises one task to update the analysis', async () => {
    const { call, officer, asset } = await setUp();
    await asset({ kind: 'workstation', name: 'Spare PC' });
    const open = async () =>
      (await call(officer, 'GET', '/tasks?q=significant')).json<{ data: { title: string }[] }>()
        .data;
    expect(await open()).toHaveLength(0);
    await asset({ kind: 'cloud_service', name: 'Patient portal', ephiRoles: ['receives'] });
    expect(await open()).toEqual([
      expect.objectContaining({ title: 'Update the risk analysis for significant changes' }),
    ]);
    const change = await call(officer, 'POST', '/risk-assessments/significant-changes', {
      kind: 'security_incident',
      description: 'Phishing led to a mailbox compromise',
    });
    expect(change.statusCode).toBe(204);
    expect(await open()).toHaveLength(1);
    const trail = await call(officer, 'GET', '/audit-events?action=risk_analysis.change_recorded');
    expect(trail.json<{ data: unknown[] }>().data).toHaveLength(2);
  });

  it('proposes every ePHI asset × applicable threat, and counts those the register covers', async () => {
    const { call, officer, asset } = await setUp();
    const laptop = await asset({
      kind: 'mobile_device',
      name: 'Home-care tablet',
      ephiRoles: ['maintains'],
      encryptionAtRest: 'yes',
    });
    await asset({ kind: 'facility', name: 'Storage room' });
    const ra = (await call(officer, 'POST', '/risk-assessments', {})).json<AssessmentJson>();
    const list = async () =>
      (await call(officer, 'GET', `/risk-assessments/${ra.id}/candidates`)).json<{
        data: {
          asset: { name: string };
          threat: { id: string };
          vulnerabilities: { id: string }[];
          coveredBy: string[];
        }[];
        covered: number;
        total: number;
      }>();
    const before = await list();
    expect(new Set(before.data.map((c) => c.asset.name))).toEqual(new Set(['Home-care tablet']));
    const lost = before.data.find((c) => c.threat.id === 'T-LOST-DEVICE');
    // Encrypted at rest: the unencrypted-device weakness is not proposed.
    expect(lost?.vulnerabilities.map((v) => v.id)).toEqual([
      'V-NO-ASSET-INVENTORY',
      'V-NO-REMOTE-WIPE',
    ]);
    expect(before.covered).toBe(0);
    await call(officer, 'POST', '/risks', {
      title: 'Tablet lost',
      assetIds: [laptop.id],
      threatId: 'T-LOST-DEVICE',
    });
    const after = await list();
    expect(after.covered).toBe(1);
    expect(after.data.find((c) => c.threat.id === 'T-LOST-DEVICE')?.coveredBy).toEqual(['RISK-1']);
  });

  it('records data flows; unencrypted external ePHI flows stand out', async () => {
    const { call, officer, asset } = await setUp();
    const ehr = await asset({ kind: 'application', name: 'EHR', ephiRoles: ['transmits'] });
    const lab = await asset({
      kind: 'cloud_service',
      name: 'Reference lab',
      ephiRoles: ['receives'],
    });
    const flow = await call(officer, 'POST', '/data-flows', {
      fromAssetId: ehr.id,
      toAssetId: lab.id,
      ephi: 'Lab orders',
      protocol: 'HL7 over MLLP',
      encrypted: 'no',
      external: true,
    });
    expect(flow.statusCode).toBe(201);
    expect(flow.json()).toMatchObject({
      reference: 'FLOW-1',
      exposed: true,
      from: { name: 'EHR' },
    });
    const id = flow.json<{ id: string }>().id;
    const fixed = await call(officer, 'PATCH', `/data-flows/${id}`, {
      encrypted: 'yes',
      protocol: 'HL7 over TLS',
    });
    expect(fixed.json()).toMatchObject({ exposed: false });
    const self = await call(officer, 'POST', '/data-flows', {
      fromAssetId: ehr.id,
      toAssetId: ehr.id,
    });
    expect(self.statusCode).toBe(400);
    expect((await call(officer, 'DELETE', `/data-flows/${id}`)).statusCode).toBe(204);
    expect(
      (await call(officer, 'GET', '/data-flows')).json<{ data: unknown[] }>().data,
    ).toHaveLength(0);
  });
});
