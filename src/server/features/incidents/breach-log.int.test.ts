import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { breachLogSetUp } from '../../../../test/support/breach-log-setup';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization } from '../../../../test/support/factories';
import { remindBreachLogs } from './breach-log-reminders';

// 164.408(c) as issue 16 states it: breaches under 500 go on a log of their calendar year of
// discovery, due at HHS within 60 days after the year ends.

const startApp = testApps();
interface Log {
  year: number;
  years: number[];
  deadline: string | null;
  daysLeft: number | null;
  breaches: { reference: string; title: string; affected: number; phiKinds: string }[];
  submission: { submittedOn: string; note: string; recordedBy: { id: string } | null } | null;
}
const one = { affectedTotal: 40, affectedByState: { IL: 40 } };

describe(`the yearly log of breaches under 500 on ${testDatabaseKind()}`, () => {
  it('lists the year’s breaches under 500 only, with the deadline of a leap year and the days left', async () => {
    const { call, so, breach } = await breachLogSetUp(startApp, '2027-12-15T15:00:00.000Z');
    await breach('=HYPERLINK("http://x")', '2027-05-10T15:00:00Z', one);
    await breach('Large one', '2027-06-01T15:00:00Z', { affectedTotal: 600, affectedByState: {} });
    await breach('Low probability', '2027-07-01T15:00:00Z', one, {
      lowProbability: true,
      rationale: 'Returned unopened.',
    });
    await breach('Last year’s fax', '2026-10-01T15:00:00Z', {
      affectedTotal: 12,
      affectedByState: { IL: 12 },
    });

    const log = (await call('GET', '/breach-log', so.headers)).json<Log>();
    expect(log).toMatchObject({ year: 2027, years: [2027, 2026], deadline: '2028-02-29' });
    // 15 Dec 2027 → 29 Feb 2028: 16 + 31 + 29 days.
    expect(log.daysLeft).toBe(76);
    expect(log.breaches).toMatchObject([
      {
        title: '=HYPERLINK("http://x")',
        affected: 40,
        phiKinds: 'Names, dates of birth and diagnoses.',
      },
    ]);
    const last = (await call('GET', '/breach-log?year=2026', so.headers)).json<Log>();
    expect([last.deadline, last.daysLeft, last.breaches.length]).toEqual(['2027-03-01', -289, 1]);
    const bad = await call('GET', '/breach-log?year=2008', so.headers);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('year');

    const csv = await call('GET', '/breach-log.csv?year=2027', so.headers);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`'=HYPERLINK(""http://x"")`);
    expect(csv.body.split('\r\n')[0]).toBe(
      'Incident,Title,Breach occurred,Discovered,People affected,Kinds of PHI,What was done,HHS deadline',
    );
    const trail = (
      await call('GET', '/audit-events?action=incident.breach_log_exported', so.headers)
    ).json<{ data: unknown[] }>().data;
    expect(trail).toHaveLength(1);
  });

  it('records the year’s submission as the acting person, audited, refusing bad input and kept to its organization', async () => {
    const { t, db, clock, call, so, org, breach } = await breachLogSetUp(
      startApp,
      '2027-02-10T15:00:00.000Z',
    );
    await breach('Fax', '2026-10-01T15:00:00Z', one);
    const put = (body: object, headers = so.headers) =>
      call('PUT', '/breach-log/submission', headers, body as Record<string, unknown>);
    const future = await put({ year: 2026, submittedOn: '2027-02-11' });
    expect([future.status, future.body]).toEqual([400, expect.stringContaining('submittedOn')]);
    const early = await put({ year: 2026, submittedOn: '2025-12-31' });
    expect([early.status, early.body]).toEqual([400, expect.stringContaining('submittedOn')]);
    const nothing = await put({ year: 2025, submittedOn: '2027-02-01' });
    expect(nothing.status).toBe(409);
    const workforce = await buildMember(db, clock, org.id, 'workforce');
    expect((await put({ year: 2026, submittedOn: '2027-02-01' }, workforce.headers)).status).toBe(
      404,
    );
    expect((await call('GET', '/breach-log', so.headers)).json<Log>().submission).toBeNull();

    const done = await put({ year: 2026, submittedOn: '2027-02-09', note: 'HHS portal' });
    expect(done.status, done.body).toBe(200);
    expect(done.json<Log>().submission).toMatchObject({
      submittedOn: '2027-02-09',
      note: 'HHS portal',
      recordedBy: { id: so.user.id },
    });
    const events = (
      await call('GET', '/audit-events?action=incident.breach_log_submitted', so.headers)
    ).json<{ data: { actor: { id: string }; changes: unknown }[] }>().data;
    expect(events).toHaveLength(1);
    expect(events[0]?.actor.id).toBe(so.user.id);

    // Another organization sees nothing of it.
    const other = await buildOrganization(db);
    const stranger = await buildMember(db, clock, other.id, 'security_officer');
    const theirs = await t.app.inject({
      url: `/api/orgs/${other.id}/breach-log?year=2026`,
      headers: stranger.headers,
    });
    expect(theirs.json<Log>()).toMatchObject({ breaches: [], submission: null, years: [] });
    const rows = await db.selectFrom('breach_log_submissions').selectAll().execute();
    expect(rows.map((r) => r.org_id)).toEqual([org.id]);
  });

  it('reminds the Security Official 30 and 7 days before, once each, audited as Custos, and not once submitted', async () => {
    const { clock, call, so, breach, deps, fresh } = await breachLogSetUp(
      startApp,
      '2026-12-01T15:00:00.000Z',
    );
    await breach('Fax', '2026-10-01T15:00:00Z', one);
    // Deadline 1 March 2027: 30 days before is 30 January.
    const at = async (iso: string) => {
      clock.set(iso);
      return remindBreachLogs(deps());
    };
    expect(await at('2027-01-29T18:00:00Z')).toBe(0);
    expect(await at('2027-01-30T18:00:00Z')).toBe(1);
    expect(await at('2027-01-30T19:00:00Z')).toBe(0);
    expect(await at('2027-02-15T18:00:00Z')).toBe(0);
    expect(await at('2027-02-22T18:00:00Z')).toBe(1);
    expect(await at('2027-02-23T18:00:00Z')).toBe(0);
    const headers = await fresh(so);
    const notices = (await call('GET', '/notifications', headers)).json<{
      data: { kind: string; dueOn: string }[];
    }>().data;
    expect(notices.filter((n) => n.kind === 'breach_log.due').map((n) => n.dueOn)).toEqual([
      '2027-03-01',
      '2027-03-01',
    ]);
    const events = (
      await call('GET', '/audit-events?action=incident.breach_log_reminded', headers)
    ).json<{ data: { actor: { type: string; label: string | null } }[] }>().data;
    expect(events.map((e) => e.actor.type)).toEqual(['system', 'system']);
  });

  it('sends nothing for a year recorded as submitted', async () => {
    const { clock, call, so, breach, deps, fresh } = await breachLogSetUp(
      startApp,
      '2026-12-01T15:00:00.000Z',
    );
    await breach('Fax', '2026-10-01T15:00:00Z', one);
    clock.set('2027-01-20T18:00:00Z');
    const done = await call('PUT', '/breach-log/submission', await fresh(so), {
      year: 2026,
      submittedOn: '2027-01-20',
    });
    expect(done.status).toBe(200);
    clock.set('2027-02-22T18:00:00Z');
    expect(await remindBreachLogs(deps())).toBe(0);
  });
});
