import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { catalog } from '../catalog/content';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const base = `/api/orgs/${org.id}`;
  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: base + url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  return { ...t, db, clock, org, owner, officer, contributor, call };
}

const spec = (id: string) => `/safeguards/${encodeURIComponent(id)}`;

describe(`safeguard records on ${testDatabaseKind()}`, () => {
  it('lists one record per requirement, not started until something is recorded', async () => {
    const { call, owner } = await setUp();
    const list = (await call(owner, 'GET', '/safeguards')).json<{
      data: { requirementId: string; status: string }[];
    }>();
    expect(list.data).toHaveLength(68);
    expect(new Set(list.data.map((s) => s.status))).toEqual(new Set(['not_started']));
  });

  it('records status, owner and statement, and shows the history from the audit trail', async () => {
    const { call, owner, contributor } = await setUp();
    const changed = await call(contributor, 'PATCH', spec('164.312(a)(2)(i)'), {
      status: 'implemented',
      ownerId: contributor.user.id,
      statement: 'Every EHR account is personal; shared logins are disabled.',
      reviewIntervalMonths: 12,
    });
    expect(changed.statusCode).toBe(200);
    const detail = (await call(owner, 'GET', spec('164.312(a)(2)(i)'))).json<{
      status: string;
      owner: { name: string };
      nextReviewOn: string;
      requirement: { title: string };
      history: { action: string; changes: Record<string, { after?: unknown }> }[];
    }>();
    expect(detail.status).toBe('implemented');
    expect(detail.owner.name).toBe(contributor.user.name);
    expect(detail.nextReviewOn).toBe('2027-06-01');
    expect(detail.requirement.title).toBe('Unique user identification');
    expect(detail.history[0]?.action).toBe('safeguard.changed');
    expect(detail.history[0]?.changes.status?.after).toBe('implemented');
    // Member ids in the history read as names; the audit trail itself keeps the ids.
    expect(detail.history[0]?.changes.ownerId?.after).toBe(contributor.user.name);
  });

  it('refuses an owner who is not a member, naming the field', async () => {
    const { call, owner, db, clock } = await setUp();
    const other = await buildOrganization(db);
    const stranger = await buildMember(db, clock, other.id, 'owner');
    const response = await call(owner, 'PATCH', spec('164.312(b)'), { ownerId: stranger.user.id });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.ownerId',
    );
  });

  it('refuses "not applicable" where the rule does not allow it, and allows it where it does', async () => {
    const { call, owner } = await setUp();
    const required = await call(owner, 'PATCH', spec('164.308(a)(1)(ii)(A)'), {
      status: 'not_applicable',
    });
    expect(required.statusCode).toBe(400);
    expect(required.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.status',
    );
    // Before the profile says what kind of entity this is, nothing may be marked not applicable.
    expect(
      (await call(owner, 'PATCH', spec('164.314(b)(1)'), { status: 'not_applicable' })).statusCode,
    ).toBe(400);
    await call(owner, 'PATCH', '/profile', { entityType: 'provider' });
    expect(
      (await call(owner, 'PATCH', spec('164.314(b)(1)'), { status: 'not_applicable' })).statusCode,
    ).toBe(200);
    expect(
      (await call(owner, 'PATCH', spec('164.308(a)(4)(ii)(A)'), { status: 'not_applicable' }))
        .statusCode,
    ).toBe(200);
    // A provider that sponsors a group health plan must meet 164.314(b).
    await call(owner, 'PATCH', '/profile', { includesGroupHealthPlan: true });
    expect(
      (await call(owner, 'PATCH', spec('164.314(b)(2)(i)'), { status: 'not_applicable' }))
        .statusCode,
    ).toBe(400);
  });

  it('answers 404 for a citation that is not in the catalog', async () => {
    const { call, owner } = await setUp();
    expect((await call(owner, 'GET', spec('164.308(a)(6)(ii)(A)'))).statusCode).toBe(404);
  });
});

describe(`addressable decisions (164.306(d)(3)) on ${testDatabaseKind()}`, () => {
  const decision = (officerId: string, extra: object) => ({
    approvedBy: officerId,
    approvedOn: '2026-05-20',
    basis: 'Risk analysis 2026, approved 2026-05-15',
    ...extra,
  });

  it('refuses "not reasonable and appropriate" without a rationale, naming the field', async () => {
    const { call, officer } = await setUp();
    const response = await call(
      officer,
      'PUT',
      `${spec('164.312(a)(2)(iii)')}/decision`,
      decision(officer.user.id, { decision: 'not_reasonable', rationale: '  ' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.rationale',
    );
    const detail = (await call(officer, 'GET', spec('164.312(a)(2)(iii)'))).json<{
      decision: unknown;
    }>();
    expect(detail.decision).toBeNull();
  });

  it('requires the alternative measure for an equivalent alternative', async () => {
    const { call, officer } = await setUp();
    const response = await call(
      officer,
      'PUT',
      `${spec('164.312(e)(2)(ii)')}/decision`,
      decision(officer.user.id, {
        decision: 'alternative',
        rationale: 'No TLS on the old fax line.',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.alternative',
    );
  });

  it('records a decision with approver, date and basis, and refuses one on a required specification', async () => {
    const { call, officer, contributor } = await setUp();
    const ok = await call(
      officer,
      'PUT',
      `${spec('164.312(a)(2)(iii)')}/decision`,
      decision(officer.user.id, {
        decision: 'not_reasonable',
        rationale: 'Shared nursing-station terminals use badge tap-out instead.',
      }),
    );
    expect(ok.statusCode).toBe(200);
    expect(
      ok.json<{
        decision: { approvedBy: { name: string }; decision: string };
        decisionMissing: boolean;
      }>(),
    ).toMatchObject({
      decision: { decision: 'not_reasonable', approvedBy: { name: officer.user.name } },
      decisionMissing: false,
    });
    const required = await call(
      officer,
      'PUT',
      `${spec('164.312(a)(2)(i)')}/decision`,
      decision(officer.user.id, { decision: 'as_specified' }),
    );
    expect(required.statusCode).toBe(400);
    // A contributor keeps records but the decision is the security official's.
    const denied = await call(
      contributor,
      'PUT',
      `${spec('164.312(a)(2)(iv)')}/decision`,
      decision(officer.user.id, { decision: 'as_specified' }),
    );
    expect(denied.statusCode).toBe(403);
  });

  // Who approved is who acted (design.md §6.2): the approver is the person recording the decision.
  it('records the actor as the approver and refuses naming anyone else', async () => {
    const { call, db, clock, org, officer, owner, contributor } = await setUp();
    const workforce = await buildMember(db, clock, org.id, 'workforce');
    const url = `${spec('164.312(a)(2)(iii)')}/decision`;
    const body = {
      decision: 'not_reasonable',
      rationale: 'Badge tap-out instead.',
      basis: 'Risk analysis 2026',
    };
    for (const other of [workforce, owner, contributor]) {
      const named = await call(officer, 'PUT', url, { ...body, approvedBy: other.user.id });
      expect(named.statusCode).toBe(400);
      expect(named.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
        'body.approvedBy',
      );
    }
    // A contributor can neither record a decision nor name an approver for one.
    expect(
      (await call(contributor, 'PUT', url, { ...body, approvedBy: officer.user.id })).statusCode,
    ).toBe(403);
    const future = await call(officer, 'PUT', url, { ...body, approvedOn: '2026-06-02' });
    expect(future.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.approvedOn',
    );
    expect(
      (await call(officer, 'GET', spec('164.312(a)(2)(iii)'))).json<{ decision: unknown }>()
        .decision,
    ).toBeNull();

    const ok = await call(owner, 'PUT', url, body);
    expect(ok.statusCode).toBe(200);
    expect(
      ok.json<{ decision: { approvedBy: { id: string }; approvedOn: string } }>().decision,
    ).toMatchObject({ approvedBy: { id: owner.user.id }, approvedOn: '2026-06-01' });
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'safeguard.decision_recorded')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: 'user', actor_id: owner.user.id });
    expect(JSON.parse(event.changes ?? '{}')).toMatchObject({
      approvedBy: { after: owner.user.id },
    });
  });

  it('records no decision from a token, whatever its scope', async () => {
    const { app, call, org, officer } = await setUp();
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: officer.headers,
      payload: { orgId: org.id, name: 'automation', role: 'security_officer', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const bearer = {
      headers: { authorization: `Bearer ${created.json<{ token: string }>().token}` },
    };
    const response = await call(bearer, 'PUT', `${spec('164.312(a)(2)(iii)')}/decision`, {
      decision: 'as_specified',
      basis: 'Risk analysis 2026',
    });
    expect(response.statusCode).toBe(403);
    expect(
      (await call(officer, 'GET', spec('164.312(a)(2)(iii)'))).json<{ decision: unknown }>()
        .decision,
    ).toBeNull();
  });
});

describe(`exports of the register on ${testDatabaseKind()}`, () => {
  it('CSV escapes formula-like cells and the export is audited', async () => {
    const { call, owner, db, org } = await setUp();
    await call(owner, 'PATCH', spec('164.312(b)'), { statement: '=HYPERLINK("http://evil","x")' });
    const csv = await call(owner, 'GET', '/safeguards/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(69);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .where('action', '=', 'safeguards.exported')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('XLSX holds the register as text cells, with no formulas', async () => {
    const { call, owner } = await setUp();
    await call(owner, 'PATCH', spec('164.312(b)'), { statement: '=1+1', status: 'in_progress' });
    const xlsx = await call(owner, 'GET', '/safeguards/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Safeguard register');
    expect(sheet?.rowCount).toBe(69);
    const row = sheet?.getRows(2, 68)?.find((r) => r.getCell(1).value === '164.312(b)');
    expect(row?.getCell(8).value).toBe('=1+1');
    expect(row?.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(6).value).toBe('In progress');
  });
});

describe(`catalog API on ${testDatabaseKind()}`, () => {
  it('serves and searches the requirements to signed-in people', async () => {
    const { app, owner } = await setUp();
    const all = await app.inject({ url: '/api/catalog/requirements', headers: owner.headers });
    expect(all.json<{ data: unknown[] }>().data).toHaveLength(catalog().requirements.length);
    const found = await app.inject({
      url: '/api/catalog/requirements?q=encryption&kind=implementation_specification',
      headers: owner.headers,
    });
    expect(found.json<{ data: { id: string }[] }>().data.map((r) => r.id)).toEqual([
      '164.312(a)(2)(iv)',
      '164.312(e)(2)(ii)',
    ]);
    expect((await app.inject({ url: '/api/catalog/requirements' })).statusCode).toBe(401);
  });

  it('serves the risk matrices and the threat library', async () => {
    const { app, owner } = await setUp();
    const matrices = (
      await app.inject({ url: '/api/catalog/risk-matrices', headers: owner.headers })
    ).json<{ default: string; data: { id: string; cells: number[][] }[] }>();
    expect(matrices.default).toBe('sp800-30-5x5');
    expect(matrices.data.map((m) => m.id)).toEqual(['sp800-30-5x5', '4x4', '3x3']);
    const library = (
      await app.inject({ url: '/api/catalog/threats', headers: owner.headers })
    ).json<{
      threats: { id: string }[];
    }>();
    expect(library.threats.map((t) => t.id)).toContain('T-RANSOMWARE');
  });
});

describe(`evidence links on ${testDatabaseKind()}`, () => {
  it('links a safeguard record to an evidence item, lists and removes it; a bare address is refused', async () => {
    const { call, owner, app, org } = await setUp();
    const evidence = await call(owner, 'POST', '/evidence', {
      title: 'BitLocker compliance report',
      url: 'https://intranet.example/bitlocker-report.pdf',
    });
    expect(evidence.statusCode).toBe(201);
    const item = evidence.json<{ id: string }>();
    const created = await call(owner, 'POST', '/links', {
      from: { type: 'safeguard', id: '164.312(a)(2)(iv)' },
      to: { type: 'evidence', id: item.id },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const detail = (await call(owner, 'GET', spec('164.312(a)(2)(iv)'))).json<{
      links: { type: string; targetId: string; label: string }[];
    }>();
    expect(detail.links).toEqual([
      expect.objectContaining({
        type: 'evidence',
        targetId: item.id,
        label: 'EV-1 BitLocker compliance report',
      }),
    ]);
    // Issue 14: an address is evidence now, recorded through the evidence routes.
    for (const address of ['https://intranet.example/other.pdf', 'javascript:alert(1)']) {
      const bad = await call(owner, 'POST', '/links', {
        from: { type: 'safeguard', id: '164.312(a)(2)(iv)' },
        to: { type: 'url', id: address },
      });
      expect(bad.statusCode).toBe(400);
      const error = bad.json<{ error: { details: { path: string; message: string }[] } }>().error;
      expect(error.details[0]?.path).toBe('body.to.type');
      expect(error.details[0]?.message).toContain('/evidence');
    }
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/links/${id}`,
      headers: owner.headers,
    });
    expect(removed.statusCode).toBe(204);
    const after = (await call(owner, 'GET', spec('164.312(a)(2)(iv)'))).json<{
      links: unknown[];
    }>();
    expect(after.links).toEqual([]);
  });

  it("answers 404 for another organization's link", async () => {
    const first = await setUp();
    const evidence = await first.call(first.owner, 'POST', '/evidence', {
      title: 'Log review',
      url: 'https://example.org/log-review',
    });
    const created = await first.call(first.owner, 'POST', '/links', {
      from: { type: 'safeguard', id: '164.312(b)' },
      to: { type: 'evidence', id: evidence.json<{ id: string }>().id },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const other = await buildOrganization(first.db);
    const stranger = await buildMember(first.db, first.clock, other.id, 'owner');
    const response = await first.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${other.id}/links/${id}`,
      headers: stranger.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});
