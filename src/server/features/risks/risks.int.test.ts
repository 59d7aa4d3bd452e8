import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { riskContent } from './content';

const startApp = testApps();

interface RiskJson {
  id: string;
  reference: string;
  inherentLevel: { label: string; color: string } | null;
  residualLevel: { label: string } | null;
  treatment: string | null;
  acceptance: { approver: { name: string }; expiresOn: string } | null;
  controls: { citation: string }[];
  assets: { reference: string }[];
  planTasks: { title: string; status: string }[];
  threat: { title: string } | null;
  nextReviewOn: string;
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
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
  const laptop = (
    await call(officer, 'POST', '/assets', {
      kind: 'workstation',
      name: 'Front desk laptop',
      ephiRoles: ['maintains'],
    })
  ).json<{ id: string }>();
  return { ...t, db, clock, org, officer, contributor, auditor, call, laptop };
}

const field = (response: { json: () => unknown }) =>
  (response.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;

describe(`risk register on ${testDatabaseKind()}`, () => {
  it('rates a risk on the SP 800-30 matrix, with assets, threat, controls and a yearly review', async () => {
    const { call, officer, laptop } = await setUp();
    const created = await call(officer, 'POST', '/risks', {
      title: 'Stolen laptop exposes patient records',
      assetIds: [laptop.id],
      threatId: 'T-DEVICE-THEFT',
      vulnerabilityId: 'V-UNENCRYPTED-DEVICE',
      controls: ['164.310(d)(1)', '164.312(a)(2)(iv)'],
      likelihood: 3,
      impact: 4,
      ratingRationale: 'Two laptops lost last year; no disk encryption.',
    });
    expect(created.statusCode).toBe(201);
    const risk = created.json<RiskJson>();
    expect(risk).toMatchObject({
      reference: 'RISK-1',
      inherentLevel: { label: 'Very High', color: '#e03131' },
      threat: { title: 'Device theft' },
      assets: [{ reference: 'ASSET-1' }],
      nextReviewOn: '2027-11-22',
    });
    expect(risk.controls.map((c) => c.citation)).toEqual(['164.310(d)(1)', '164.312(a)(2)(iv)']);

    const changed = await call(officer, 'PATCH', `/risks/${risk.id}`, {
      controls: ['164.312(a)(2)(iv)'],
      treatment: 'mitigate',
      residualLikelihood: 1,
      residualImpact: 4,
    });
    expect(changed.json<RiskJson>()).toMatchObject({
      controls: [{ citation: '164.312(a)(2)(iv)' }],
      residualLevel: { label: 'Moderate' },
    });

    const plan = await call(officer, 'POST', `/risks/${risk.id}/tasks`, {
      title: 'Turn on BitLocker',
      dueOn: '2026-12-31',
    });
    expect(plan.statusCode).toBe(201);
    expect(plan.json<RiskJson>().planTasks).toEqual([
      expect.objectContaining({ title: 'Turn on BitLocker', status: 'open' }),
    ]);
  });

  it('refuses a rating without its rationale, half a rating, or a point off the scale', async () => {
    const { call, officer } = await setUp();
    expect(
      field(await call(officer, 'POST', '/risks', { title: 'x', likelihood: 2, impact: 2 })),
    ).toBe('body.ratingRationale');
    expect(field(await call(officer, 'POST', '/risks', { title: 'x', likelihood: 2 }))).toBe(
      'body.impact',
    );
    const off = await call(officer, 'POST', '/risks', {
      title: 'x',
      likelihood: 5,
      impact: 0,
      ratingRationale: 'r',
    });
    expect(off.statusCode).toBe(400);
    expect(field(off)).toBe('body.likelihood');
    expect(field(await call(officer, 'POST', '/risks', { title: 'x', threatId: 'T-NOPE' }))).toBe(
      'body.threatId',
    );
    const count = await call(officer, 'GET', '/risks');
    expect(count.json<{ data: unknown[] }>().data).toHaveLength(0);
  });

  it('accepting a risk needs an approver with authority, acting themselves, and an expiry date in the future', async () => {
    const { call, officer, contributor } = await setUp();
    const risk = (
      await call(officer, 'POST', '/risks', { title: 'Legacy fax line' })
    ).json<RiskJson>();
    const url = `/risks/${risk.id}`;
    // The treatment alone is a request: pending until an approver accepts.
    const pending = await call(officer, 'PATCH', url, { treatment: 'accept' });
    expect(pending.statusCode).toBe(200);
    expect(pending.json<RiskJson>()).toMatchObject({ treatment: 'accept', acceptance: null });
    expect(
      field(
        await call(officer, 'PATCH', url, {
          treatment: 'accept',
          acceptedBy: contributor.user.id,
          acceptanceExpiresOn: '2027-06-30',
        }),
      ),
    ).toBe('body.acceptedBy');
    const acceptance = `${url}/acceptance`;
    expect(
      (await call(contributor, 'PUT', acceptance, { expiresOn: '2027-06-30' })).statusCode,
    ).toBe(403);
    expect(field(await call(officer, 'PUT', acceptance, { expiresOn: '2026-11-22' }))).toBe(
      'body.expiresOn',
    );
    const accepted = await call(officer, 'PUT', acceptance, { expiresOn: '2027-06-30' });
    expect(accepted.json<RiskJson>().acceptance).toMatchObject({
      approver: { name: 'A security_officer' },
      expiresOn: '2027-06-30',
    });
    const mitigated = await call(officer, 'PATCH', url, { treatment: 'mitigate' });
    expect(mitigated.json<RiskJson>().acceptance).toBeNull();
  });

  it('filters by level and treatment, pages by reference, exports CSV; auditors read only', async () => {
    const { call, officer, auditor } = await setUp();
    for (const [likelihood, impact] of [
      [0, 0],
      [4, 4],
      [4, 3],
    ]) {
      await call(officer, 'POST', '/risks', {
        title: `R ${likelihood}${impact}`,
        likelihood,
        impact,
        ratingRationale: 'r',
      });
    }
    const veryHigh = await call(auditor, 'GET', '/risks?level=4');
    expect(veryHigh.json<{ data: RiskJson[] }>().data.map((r) => r.reference)).toEqual(['RISK-2']);
    const first = (await call(auditor, 'GET', '/risks?limit=2')).json<{
      data: RiskJson[];
      nextCursor: string;
    }>();
    expect(first.data.map((r) => r.reference)).toEqual(['RISK-1', 'RISK-2']);
    const second = await call(auditor, 'GET', `/risks?limit=2&cursor=${first.nextCursor}`);
    expect(second.json<{ data: RiskJson[] }>().data.map((r) => r.reference)).toEqual(['RISK-3']);
    const csv = await call(auditor, 'GET', '/risks/export.csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^reference,title,status,assets/);
    expect(csv.body).toContain('RISK-3,R 43,open');
    expect((await call(auditor, 'POST', '/risks', { title: 'no' })).statusCode).toBe(403);
  });

  it('uses a configured 3×3 matrix; a resize is refused while risks are rated on the old one', async () => {
    const { call, officer, contributor } = await setUp();
    const three = riskContent().matrices.find((m) => m.id === '3x3')!;
    expect((await call(contributor, 'PUT', '/risk-matrix', { matrix: three })).statusCode).toBe(
      403,
    );
    expect((await call(officer, 'PUT', '/risk-matrix', { matrix: three })).statusCode).toBe(200);
    const risk = await call(officer, 'POST', '/risks', {
      title: 'x',
      likelihood: 2,
      impact: 1,
      ratingRationale: 'r',
    });
    expect(risk.json<RiskJson>().inherentLevel?.label).toBe('High');
    const five = riskContent().defaultMatrix;
    const refused = await call(officer, 'PUT', '/risk-matrix', { matrix: five });
    expect(refused.statusCode).toBe(409);
    expect(field(refused)).toBe('body.matrix');
    // Same size, other cells: stored levels follow.
    const softer = {
      ...three,
      id: 'softer',
      cells: [
        [0, 0, 0],
        [0, 0, 1],
        [0, 1, 1],
      ],
    };
    expect((await call(officer, 'PUT', '/risk-matrix', { matrix: softer })).statusCode).toBe(200);
    const list = await call(officer, 'GET', '/risks?level=1');
    expect(list.json<{ data: RiskJson[] }>().data).toHaveLength(1);
  });

  it("adds the organization's own threats and vulnerabilities to the library", async () => {
    const { call, officer } = await setUp();
    expect(
      field(
        await call(officer, 'POST', '/risk-library', {
          kind: 'vulnerability',
          title: 'Open Wi-Fi',
        }),
      ),
    ).toBe('body.requirements');
    const v = await call(officer, 'POST', '/risk-library', {
      kind: 'vulnerability',
      title: 'Guest Wi-Fi shares the clinical network',
      requirements: ['164.312(e)(1)'],
    });
    expect(v.statusCode).toBe(201);
    const t = await call(officer, 'POST', '/risk-library', {
      kind: 'threat',
      title: 'Visitor sniffs traffic',
      sourceType: 'adversarial',
      vulnerabilities: ['V-ORG-1'],
    });
    const library = t.json<{ threats: { id: string; custom: boolean }[] }>();
    expect(library.threats.at(-1)).toMatchObject({ id: 'T-ORG-1', custom: true });
    const risk = await call(officer, 'POST', '/risks', {
      title: 'x',
      threatId: 'T-ORG-1',
      vulnerabilityId: 'V-ORG-1',
    });
    expect(risk.json<RiskJson>().threat?.title).toBe('Visitor sniffs traffic');
  });
});
