import { describe, expect, it } from 'vitest';
import { incidentsRoutes } from '../../../contracts/incidents';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([incidentsRoutes]);

const startApp = testApps();

type Json = Record<string, unknown>;

async function setUp(clockStart?: string, timeZone = 'America/Chicago') {
  const clock = testClock(clockStart);
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { time_zone: timeZone });
  const so = await buildMember(db, clock, org.id, 'security_officer');
  await db
    .updateTable('organizations')
    .set({ security_official_id: so.user.id })
    .where('id', '=', org.id)
    .execute();
  const base = `/api/orgs/${org.id}`;
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: Json,
  ) => {
    const res = await t.app.inject({
      method,
      url: `${base}${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body, json: () => res.json<Json>() };
  };
  return { clock, t, db, org, so, base, call };
}

describe(`incidents on ${testDatabaseKind()}`, () => {
  it('numbers references per organization and year of the report, with no gap under concurrency', async () => {
    // 02:00 UTC on 1 January 2027 is still 31 December 2026 in Chicago: the year is the org's.
    const { call, so } = await setUp('2027-01-01T02:00:00.000Z');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('POST', '/incidents', so.headers, { title: `Incident ${i}`, category: 'other' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const refs = results.map((r) => String(r.json().reference)).sort();
    expect(refs).toEqual(
      Array.from({ length: 12 }, (_, i) => `INC-2026-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('refuses assets and people of another organization, naming the field', async () => {
    const { call, so, db, clock, t } = await setUp();
    const other = await buildOrganization(db);
    const otherSo = await buildMember(db, clock, other.id, 'owner');
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${other.id}/assets`,
      headers: otherSo.headers,
      payload: { kind: 'server', name: 'Their server' },
    });
    expect(made.statusCode).toBe(201);
    const theirAsset = made.json<{ id: string }>().id;
    const mine = await call('POST', '/incidents', so.headers, {
      title: 'Lost phone',
      category: 'lost_device',
      assetIds: [theirAsset],
    });
    expect(mine.status).toBe(400);
    expect(mine.body).toContain('body.assetIds.0');
    const refused = await call('POST', '/incidents', so.headers, {
      title: 'Lost phone',
      category: 'lost_device',
      personIds: ['0190f5d2-8a5b-7c6d-9e0f-123456789abc'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('body.personIds.0');
    const badSeverity = await call('POST', '/incidents', so.headers, {
      title: 'Lost phone',
      category: 'lost_device',
      severity: 7,
    });
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body).toContain('body.severity');
  });

  it('moves through the response, refuses jumps with 409, and closes only after the review', async () => {
    const { call, so } = await setUp();
    const created = await call('POST', '/incidents', so.headers, {
      title: 'Laptop stolen',
      category: 'lost_device',
      severity: 3,
    });
    const id = String(created.json().id);
    const jump = await call('POST', `/incidents/${id}/status`, so.headers, { status: 'recovered' });
    expect(jump.status).toBe(409);
    expect(jump.body).toContain('\\"Reported\\" to \\"Recovered\\"');
    for (const status of ['triage', 'contained', 'recovered']) {
      expect((await call('POST', `/incidents/${id}/status`, so.headers, { status })).status).toBe(
        200,
      );
    }
    const early = await call('POST', `/incidents/${id}/status`, so.headers, { status: 'closed' });
    expect(early.status).toBe(409);
    expect(early.body).toContain('post-incident review');
    const entry = await call('POST', `/incidents/${id}/timeline`, so.headers, {
      kind: 'call',
      text: 'Called the police; report 26-1234.',
    });
    expect(entry.status).toBe(201);
    expect(entry.json()).toMatchObject({ kind: 'call', by: 'A security_officer' });
    const reviewed = await call('PUT', `/incidents/${id}/review`, so.headers, {
      rootCause: 'Left in a car.',
      lessons: 'Never leave devices in cars.',
      correctiveActions: [{ title: 'Remind clinicians about devices in cars' }],
    });
    expect(reviewed.status).toBe(200);
    const closed = await call('POST', `/incidents/${id}/status`, so.headers, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', nextStatuses: ['triage'] });
    const timeline = (await call('GET', `/incidents/${id}/timeline`, so.headers)).json() as {
      data: { kind: string; text: string; by: string }[];
    };
    expect(timeline.data.map((e) => e.text)).toEqual([
      'Recorded: Lost or stolen device.',
      'Status: Reported → In triage.',
      'Status: In triage → Contained.',
      'Status: Contained → Recovered.',
      'Called the police; report 26-1234.',
      'Post-incident review recorded, with one corrective action.',
      'Status: Recovered → Closed.',
    ]);
    expect(new Set(timeline.data.map((e) => e.by))).toEqual(new Set(['A security_officer']));
  });

  it('makes the checklist into linked tasks once, and keeps the severity scale in use', async () => {
    const { call, so } = await setUp();
    const id = String(
      (
        await call('POST', '/incidents', so.headers, {
          title: 'Ransom note',
          category: 'malware',
          severity: 4,
        })
      ).json().id,
    );
    const applied = await call('POST', `/incidents/${id}/checklist/tasks`, so.headers);
    expect(applied.json()).toMatchObject({ checklistTasksCreated: true });
    const again = await call('POST', `/incidents/${id}/checklist/tasks`, so.headers);
    expect(again.status).toBe(409);
    const tasks = (await call('GET', '/tasks?scope=all', so.headers)).json() as {
      data: { title: string }[];
    };
    expect(tasks.data.filter((t) => t.title.startsWith('INC-2026-001: ')).length).toBe(7);
    const shrink = await call('PUT', '/incident-severities', so.headers, {
      levels: [
        { name: 'Minor', definition: '' },
        { name: 'Major', definition: '' },
      ],
    });
    expect(shrink.status).toBe(409);
  });

  it('lets any member report a problem, tells the Security Official, and shows reporters only their own', async () => {
    const { call, so, db, clock, org } = await setUp();
    const sam = await buildMember(db, clock, org.id, 'workforce');
    const kim = await buildMember(db, clock, org.id, 'workforce');
    const reported = await call('POST', '/incident-reports', sam.headers, {
      title: 'Left my laptop on the bus',
      whatHappened: 'The 7:40 bus, laptop bag under the seat.',
    });
    expect(reported.status).toBe(201);
    const report = reported.json();
    expect(Object.keys(report).sort()).toEqual(
      ['id', 'reference', 'reportedAt', 'status', 'title', 'updatedAt'].sort(),
    );
    const notices = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'title'])
      .where('org_id', '=', org.id)
      .where('emailed_at', 'is not', null)
      .execute();
    expect(notices).toEqual([
      {
        user_id: so.user.id,
        kind: 'incident.reported',
        title: `New incident report ${String(report.reference)}: triage it`,
      },
    ]);
    const mails = await db.selectFrom('outbox').select('to_email').execute();
    expect(mails.map((m) => m.to_email)).toEqual([so.user.email]);

    expect((await call('GET', `/incidents/${String(report.id)}`, sam.headers)).status).toBe(403);
    expect((await call('GET', `/incident-reports/${String(report.id)}`, sam.headers)).status).toBe(
      200,
    );
    expect((await call('GET', `/incident-reports/${String(report.id)}`, kim.headers)).status).toBe(
      404,
    );
    expect(
      ((await call('GET', '/incident-reports', kim.headers)).json().data as unknown[]).length,
    ).toBe(0);
    await call('POST', `/incidents/${String(report.id)}/status`, so.headers, { status: 'triage' });
    const mine = (await call('GET', '/incident-reports', sam.headers)).json().data as Json[];
    expect(mine).toMatchObject([{ id: report.id, status: 'triage' }]);
  });
});

describe(`the anonymous reporting link on ${testDatabaseKind()}`, () => {
  const anonymous = (
    t: Awaited<ReturnType<typeof setUp>>['t'],
    url: string,
    payload: Json | string,
    ip = '203.0.113.7',
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/anonymous-reports${url}`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('takes a report with no account, reveals nothing else, and stops with the link', async () => {
    const { call, so, t, db, org } = await setUp();
    const none = await anonymous(t, '/lookup', { token: 'A'.repeat(32) });
    expect(none.statusCode).toBe(404);
    const link = (await call('POST', '/incident-report-link', so.headers)).json();
    const token = String(link.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await call('GET', '/incident-report-link', so.headers)).json()).toMatchObject({
      enabled: true,
      token: null,
    });
    const lookup = await anonymous(t, '/lookup', { token });
    expect(lookup.json()).toEqual({ organizationName: org.name });
    const sent = await anonymous(t, '', {
      token,
      title: 'Door to the server room propped open',
      whatHappened: 'Every evening this week.',
      contact: 'call 555-0100',
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ received: true });
    const row = await db
      .selectFrom('incidents')
      .select(['source', 'reported_by', 'reporter_contact'])
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: 'anonymous',
      reported_by: null,
      reporter_contact: 'call 555-0100',
    });
    const stored = await db
      .selectFrom('incident_report_links')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    // A new link ends the old one; turned off, no link works.
    const rotated = String((await call('POST', '/incident-report-link', so.headers)).json().token);
    expect((await anonymous(t, '/lookup', { token })).statusCode).toBe(404);
    expect((await anonymous(t, '/lookup', { token: rotated })).statusCode).toBe(200);
    expect((await call('DELETE', '/incident-report-link', so.headers)).status).toBe(204);
    expect((await anonymous(t, '/lookup', { token: rotated })).statusCode).toBe(404);
  });

  it('refuses bad input by field, huge bodies, NUL bytes and ill-formed text', async () => {
    const { call, so, t, db, org } = await setUp();
    const token = String((await call('POST', '/incident-report-link', so.headers)).json().token);
    const good = { token, title: 'Phishing', whatHappened: 'An email.' };
    const blank = await anonymous(t, '', { ...good, title: ' ' }, '198.51.100.1');
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('body.title');
    const nul = await anonymous(t, '', { ...good, whatHappened: 'a\u0000b' }, '198.51.100.2');
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('body.whatHappened');
    const surrogate = await anonymous(
      t,
      '',
      `{"token":"${token}","title":"x\\ud800","whatHappened":"y"}`,
      '198.51.100.3',
    );
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.body).toContain('body.title');
    const bidi = await anonymous(t, '', { ...good, contact: 'evil\u202egpj.exe' }, '198.51.100.4');
    expect(bidi.statusCode).toBe(400);
    const huge = await anonymous(
      t,
      '',
      { ...good, whatHappened: 'x'.repeat(200_000) },
      '198.51.100.5',
    );
    expect(huge.statusCode).toBe(413);
    const extra = await anonymous(t, '', { ...good, orgId: org.id }, '198.51.100.6');
    expect(extra.statusCode).toBe(400);
    const count = await db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('is rate limited per address, whatever X-Forwarded-For says', async () => {
    const { call, so, t } = await setUp();
    const token = String((await call('POST', '/incident-report-link', so.headers)).json().token);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await anonymous(
        t,
        '',
        { token, title: `Report ${i}`, whatHappened: 'Spam.' },
        '192.0.2.50',
        { 'x-forwarded-for': `10.0.0.${i}` },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
    // Another address still reports through the same link.
    const other = await anonymous(
      t,
      '',
      { token, title: 'Real', whatHappened: 'Real.' },
      '192.0.2.51',
    );
    expect(other.statusCode).toBe(202);
  });
});
