import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import type { Gaps } from '../../../contracts/risk-assessment-gaps';

const startApp = testApps();

interface Detail {
  id: string;
  method: string;
  reference: string;
  status: string;
  submitted: { incomplete: Gaps | null } | null;
  approved: { incomplete: Gaps | null } | null;
  record: {
    risks: { reference: string; inherentLevel: { label: string } | null }[];
    negligiblePairs: { threat: { id: string }; reason: string }[];
  } | null;
}
interface ErrorJson {
  error: { code: string; message: string; details?: { path: string }[] };
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, orgId = org.id) =>
    t.app.inject({
      method,
      url: `/api/orgs/${orgId}${url}`,
      headers: officer.headers,
      ...(payload ? { payload } : {}),
    });
  // A tablet with ePHI, a spare laptop with ePHI, and a rated risk on the tablet's loss.
  const asset = async (name: string, kind: string) =>
    (await call('POST', '/assets', { kind, name, ephiRoles: ['maintains'] })).json<{
      id: string;
    }>().id;
  const tablet = await asset('Home-care tablet', 'mobile_device');
  const laptop = await asset('Spare laptop', 'workstation');
  await call('POST', '/risks', {
    title: 'Tablet lost',
    assetIds: [tablet],
    threatId: 'T-LOST-DEVICE',
    likelihood: 2,
    impact: 3,
    ratingRationale: 'Carried on home visits',
    treatment: 'mitigate',
    ownerId: officer.user.id,
  });
  await call('POST', '/risks', { title: 'Phishing on the tablet', assetIds: [tablet] });
  const ra = (await call('POST', '/risk-assessments', {})).json<Detail>();
  return {
    t,
    clock,
    db,
    org,
    officer,
    call,
    tablet,
    laptop,
    ra,
    url: `/risk-assessments/${ra.id}`,
  };
}

describe(`assessment completeness on ${testDatabaseKind()}`, () => {
  it('names what is incomplete and refuses to submit or approve it without an acknowledgement, which is recorded', async () => {
    const { call, url, db, org, ra } = await setUp();
    // The method says what the record shows, not that every risk already has an owner.
    expect(ra.method).not.toContain('Each risk gets');
    expect(ra.method).toContain(
      'names every open risk still without a rating, a treatment or an owner',
    );
    const gaps = (await call('GET', `${url}/gaps`)).json<Gaps>();
    const phishing = [{ reference: 'RISK-2', title: 'Phishing on the tablet' }];
    expect(gaps.unratedRisks).toEqual(phishing);
    // An open risk is managed: it has a treatment and someone who owns it (164.308(a)(1)(ii)(B)).
    expect(gaps.untreatedRisks).toEqual(phishing);
    expect(gaps.unownedRisks).toEqual(phishing);
    expect(gaps.assetsWithoutRisks).toEqual([{ reference: 'ASSET-2', name: 'Spare laptop' }]);
    expect(gaps.uncoveredPairs.length).toBeGreaterThan(0);
    // The tablet's loss is covered by RISK-1; the laptop's is not.
    const lost = gaps.uncoveredPairs.filter((p) => p.threat.id === 'T-LOST-DEVICE');
    expect(lost.map((p) => p.asset.name)).toEqual(['Spare laptop']);

    const refused = await call('POST', `${url}/submit`);
    expect(refused.statusCode).toBe(409);
    const error = refused.json<ErrorJson>().error;
    expect(error.message).toMatch(
      /^RA-1 is incomplete: 1 unrated risk \(RISK-2\); 1 open risk without a treatment \(RISK-2\); 1 open risk without an owner \(RISK-2\); \d+ guided pairs/,
    );
    expect(error.message).toContain('1 ePHI asset without any risk (ASSET-2)');
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'body.acknowledgeIncomplete' }),
    ]);
    expect((await call('POST', `${url}/submit`, { acknowledgeIncomplete: false })).statusCode).toBe(
      409,
    );
    expect((await call('GET', url)).json<Detail>().status).toBe('draft');

    const submitted = await call('POST', `${url}/submit`, { acknowledgeIncomplete: true });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<Detail>().submitted?.incomplete).toEqual(gaps);

    expect((await call('POST', `${url}/approve`, { note: 'ok' })).statusCode).toBe(409);
    const approved = await call('POST', `${url}/approve`, { acknowledgeIncomplete: true });
    expect(approved.statusCode).toBe(200);
    const record = approved.json<Detail>();
    expect(record.approved?.incomplete).toEqual(gaps);
    // The record shows the frozen register.
    expect(record.record?.risks.map((r) => [r.reference, r.inherentLevel?.label ?? null])).toEqual([
      ['RISK-1', 'Moderate'],
      ['RISK-2', null],
    ]);

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', org.id)
      .where('action', 'in', ['risk_assessment.submitted', 'risk_assessment.approved'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'risk_assessment.submitted',
      'risk_assessment.approved',
    ]);
    for (const event of events) {
      const changes = JSON.parse(event.changes ?? '{}') as Record<string, { after?: string }>;
      expect(changes.incompleteAcknowledged?.after).toMatch(
        /^1 unrated risk \(RISK-2\); 1 open risk without a treatment \(RISK-2\); 1 open risk without an owner \(RISK-2\); \d+ guided pairs .*; 1 ePHI asset without any risk \(ASSET-2\)$/,
      );
    }
  });

  it('counts a pair judged negligible as covered, lists it in the record and carries it into the next draft', async () => {
    const { call, url, laptop, tablet } = await setUp();
    const before = (await call('GET', `${url}/candidates`)).json<{ covered: number }>();
    const body = {
      assetId: laptop,
      threatId: 'T-IMPROPER-DISPOSAL',
      reason: 'Wiped by the lessor',
    };
    const judged = await call('POST', `${url}/negligible-pairs`, body);
    expect(judged.statusCode).toBe(200);
    const pair = judged.json<{ id: string; asset: { name: string }; reason: string }>();
    expect(pair).toMatchObject({ asset: { name: 'Spare laptop' }, reason: 'Wiped by the lessor' });
    // Judged again: the reason changes, the judgement stays one.
    const again = await call('POST', `${url}/negligible-pairs`, { ...body, reason: 'Shredded' });
    expect(again.json<{ id: string }>().id).toBe(pair.id);
    const after = (await call('GET', `${url}/candidates`)).json<{
      covered: number;
      data: {
        threat: { id: string };
        asset: { id: string };
        negligible: { reason: string } | null;
      }[];
    }>();
    expect(after.covered).toBe(before.covered + 1);
    expect(
      after.data.find((c) => c.asset.id === laptop && c.threat.id === 'T-IMPROPER-DISPOSAL')
        ?.negligible?.reason,
    ).toBe('Shredded');
    // The laptop is no longer an asset nobody considered.
    const gaps = (await call('GET', `${url}/gaps`)).json<Gaps>();
    expect(gaps.assetsWithoutRisks).toEqual([]);

    // Not a threat of the library, not an asset of this organization: refused.
    expect(
      (await call('POST', `${url}/negligible-pairs`, { ...body, threatId: 'T-NOPE' })).statusCode,
    ).toBe(400);
    // A pair the guided path does not offer (a flood does not threaten a laptop here; an asset
    // without ePHI is outside the analysis): no judgement the page cannot show reaches the report.
    const flood = await call('POST', `${url}/negligible-pairs`, {
      ...body,
      threatId: 'T-FLOOD-FIRE',
    });
    expect(flood.statusCode).toBe(400);
    expect(flood.json<ErrorJson>().error.details?.[0]?.path).toBe('body.threatId');
    const printer = (
      await call('POST', '/assets', { kind: 'workstation', name: 'Front-desk printer PC' })
    ).json<{ id: string }>().id;
    const outside = await call('POST', `${url}/negligible-pairs`, { ...body, assetId: printer });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<ErrorJson>().error.details?.[0]?.path).toBe('body.assetId');

    const ack = { acknowledgeIncomplete: true };
    await call('POST', `${url}/submit`, ack);
    const approved = (await call('POST', `${url}/approve`, ack)).json<Detail>();
    expect(approved.record?.negligiblePairs.map((p) => [p.threat.id, p.reason])).toEqual([
      ['T-IMPROPER-DISPOSAL', 'Shredded'],
    ]);
    // An approved assessment's judgements no longer change.
    expect((await call('POST', `${url}/negligible-pairs`, body)).statusCode).toBe(409);
    expect((await call('DELETE', `${url}/negligible-pairs/${pair.id}`)).statusCode).toBe(409);

    // The next draft starts with them; withdrawn there, the pair is open again.
    const next = (
      await call('POST', '/risk-assessments', { basedOnId: approved.id })
    ).json<Detail>();
    const carried = (await call('GET', `/risk-assessments/${next.id}/candidates`)).json<{
      data: { asset: { id: string }; negligible: { id: string; reason: string } | null }[];
    }>();
    const copy = carried.data.find((c) => c.negligible)?.negligible;
    expect(copy?.reason).toBe('Shredded');
    expect(copy?.id).not.toBe(pair.id);
    const removed = await call(
      'DELETE',
      `/risk-assessments/${next.id}/negligible-pairs/${copy?.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await call('GET', `/risk-assessments/${next.id}/candidates`))
        .json<{ data: { negligible: unknown }[] }>()
        .data.every((c) => c.negligible === null),
    ).toBe(true);
    expect(tablet).toBeTruthy();
  });

  it('refuses a second draft from the same approved assessment; a complete one submits without acknowledgement', async () => {
    const { call, url, ra, t, officer, clock } = await setUp();
    const ack = { acknowledgeIncomplete: true };
    await call('POST', `${url}/submit`, ack);
    await call('POST', `${url}/approve`, ack);
    const second = await call('POST', '/risk-assessments', { basedOnId: ra.id });
    expect(second.statusCode).toBe(201);
    const third = await call('POST', '/risk-assessments', { basedOnId: ra.id });
    expect(third.statusCode).toBe(409);
    expect(third.json<ErrorJson>().error.message).toBe(
      'RA-2 already updates RA-1 and is not approved yet: continue it, or approve it first.',
    );
    // A separate assessment (its own scope) may still start.
    expect((await call('POST', '/risk-assessments', { title: 'Eastside office' })).statusCode).toBe(
      201,
    );

    // An organization with nothing left open submits and approves without acknowledging.
    const other = await buildOrganization(t.database.handle.db);
    const owner = await buildMember(t.database.handle.db, clock, other.id, 'security_officer');
    const inOther = (method: 'GET' | 'POST', path: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/orgs/${other.id}${path}`,
        headers: owner.headers,
        ...(payload ? { payload } : {}),
      });
    const blank = (await inOther('POST', '/risk-assessments', {})).json<Detail>();
    const submitted = await inOther('POST', `/risk-assessments/${blank.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<Detail>().submitted?.incomplete).toBeNull();
    const approved = await inOther('POST', `/risk-assessments/${blank.id}/approve`, {});
    expect(approved.json<Detail>().approved?.incomplete).toBeNull();
    expect(officer).toBeTruthy();
  });
});
