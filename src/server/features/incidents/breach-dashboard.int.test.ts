import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { breachLogSetUp } from '../../../../test/support/breach-log-setup';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember } from '../../../../test/support/factories';

// 164.308(a)(6)(ii) and 164.404–164.408: the dashboard's breach deadlines and mean time to contain;
// 164.308(a)(1)(ii)(A): a top-severity incident asks for the risk analysis to be updated.

const startApp = testApps();
interface Dash {
  incidents: { containment: { contained: number; meanHours: number | null } } | null;
  breaches: {
    open: { reference: string; notice: string; dueOn: string; daysLeft: number }[];
    yearlyLog: { year: number; dueOn: string; daysLeft: number; breaches: number } | null;
  } | null;
  nextActions: { id: string; title: string; href: string }[];
}
const CHANGE_TASK = 'Update the risk analysis for significant changes';

describe(`the dashboard's breaches and containment on ${testDatabaseKind()}`, () => {
  it('shows open breaches with their next deadline, the unsubmitted yearly log, and next actions within 14 days; only to roles that read breaches', async () => {
    const { db, clock, org, call, so, breach, fresh } = await breachLogSetUp(
      startApp,
      '2027-02-20T15:00:00.000Z',
    );
    const small = { affectedTotal: 12, affectedByState: { IL: 12 } };
    await breach('Fax', '2026-12-28T15:00:00Z', small);
    await breach('Ransomware', '2027-01-05T15:00:00Z', {
      affectedTotal: 1200,
      affectedByState: { IL: 700, IN: 500 },
    });
    const dash = async (headers: object) => (await call('GET', '/dashboard', headers)).json<Dash>();
    const seen = await dash(so.headers);
    expect(seen.breaches?.open).toEqual([
      expect.objectContaining({ notice: 'individuals', dueOn: '2027-02-26', daysLeft: 6 }),
      expect.objectContaining({ notice: 'individuals', dueOn: '2027-03-06', daysLeft: 14 }),
    ]);
    expect(seen.breaches?.yearlyLog).toEqual({
      year: 2026,
      dueOn: '2027-03-01',
      daysLeft: 9,
      breaches: 1,
    });
    expect(seen.nextActions.map((a) => a.href)).toEqual(
      expect.arrayContaining(['/incidents/breach-log?year=2026']),
    );
    expect(seen.nextActions.filter((a) => a.id.startsWith('breach-'))).toHaveLength(3);

    const workforce = await buildMember(db, clock, org.id, 'workforce');
    const theirs = await dash(workforce.headers);
    expect([theirs.breaches, theirs.incidents]).toEqual([null, null]);
    expect(theirs.nextActions.filter((a) => a.id.startsWith('breach-'))).toEqual([]);

    // Submitted: the yearly log leaves the card and the next actions.
    const done = await call('PUT', '/breach-log/submission', so.headers, {
      year: 2026,
      submittedOn: '2027-02-20',
    });
    expect(done.status).toBe(200);
    clock.advance(60_000);
    const after = await dash(await fresh(so));
    expect(after.breaches?.yearlyLog).toBeNull();
    expect(after.nextActions.some((a) => a.id === 'breach-log-2026')).toBe(false);
  });

  it('gives the mean time from discovery to containment over the last 12 months, or none yet', async () => {
    const { clock, call, so, fresh } = await breachLogSetUp(startApp, '2027-02-20T15:00:00.000Z');
    const contained = async () =>
      (await call('GET', '/dashboard', await fresh(so))).json<Dash>().incidents?.containment;
    expect(await contained()).toEqual({ contained: 0, meanHours: null });
    const move = async (id: string, ...statuses: string[]) => {
      for (const status of statuses) {
        const res = await call('POST', `/incidents/${id}/status`, await fresh(so), { status });
        expect(res.status, res.body).toBe(200);
      }
    };
    const record = async (discoveredAt: string) => {
      const res = await call('POST', '/incidents', so.headers, {
        title: 'Something',
        category: 'other',
        discoveredAt,
      });
      return String(res.json().id);
    };
    // Contained 13 months ago: outside the window.
    clock.set('2026-01-20T15:00:00.000Z');
    await move(await record('2026-01-19T15:00:00.000Z'), 'triage', 'contained');
    clock.set('2027-02-20T15:00:00.000Z');
    const a = await record('2027-02-19T15:00:00.000Z');
    const b = await record('2027-02-17T15:00:00.000Z');
    await move(a, 'triage', 'contained');
    await move(b, 'triage', 'contained', 'triage', 'contained');
    // 24 h and 72 h: a mean of 48 h; b's second containment does not count twice.
    expect(await contained()).toEqual({ contained: 2, meanHours: 48 });
  });

  it('raises the significant-change task once for a top-severity incident, linked to it and audited', async () => {
    const { call, so } = await breachLogSetUp(startApp, '2027-02-20T15:00:00.000Z');
    const low = await call('POST', '/incidents', so.headers, {
      title: 'Minor',
      category: 'other',
      severity: 3,
    });
    const id = String(low.json().id);
    const tasks = async () =>
      (await call('GET', '/tasks?status=active&q=significant', so.headers)).json<{
        data: { id: string; title: string }[];
      }>().data;
    expect(await tasks()).toEqual([]);
    for (const severity of [4, 3, 4]) {
      const res = await call('PATCH', `/incidents/${id}`, so.headers, { severity });
      expect(res.status, res.body).toBe(200);
    }
    const [task, ...more] = await tasks();
    expect([task?.title, more]).toEqual([CHANGE_TASK, []]);
    const events = (
      await call('GET', '/audit-events?action=risk_analysis.change_recorded', so.headers)
    ).json<{ data: { entity: { id: string } | null }[] }>().data;
    expect(events.map((e) => e.entity?.id)).toEqual([id]);
    const detail = (await call('GET', `/tasks/${task?.id}`, so.headers)).json<{
      links: { type: string; targetId: string }[];
    }>();
    expect(detail.links.filter((l) => l.type === 'incident').map((l) => l.targetId)).toEqual([id]);

    // A second serious incident is linked to the same open task.
    const second = await call('POST', '/incidents', so.headers, {
      title: 'Second',
      category: 'malware',
      severity: 4,
    });
    expect(second.status).toBe(201);
    const [same] = await tasks();
    const linked = (await call('GET', `/tasks/${same?.id}`, so.headers)).json<{
      links: { type: string; targetId: string }[];
    }>();
    expect(linked.links.filter((l) => l.type === 'incident')).toHaveLength(2);
    const trail = (
      await call('GET', '/audit-events?action=risk_analysis.change_recorded', so.headers)
    ).json<{ data: unknown[] }>().data;
    expect(trail).toHaveLength(2);
  });
});
