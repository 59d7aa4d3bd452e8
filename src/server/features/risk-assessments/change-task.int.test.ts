import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();
const CHANGE_TASK = 'Update the risk analysis for significant changes';
const RISK_ANALYSIS = encodeURIComponent('164.308(a)(1)(ii)(A)');

interface TaskJson {
  id: string;
  title: string;
  status: string;
  completionNote: string | null;
  completedBy: { id: string; name: string } | null;
}

async function setUp() {
  const clock = testClock();
  clock.set('2026-11-22T15:00:00Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/orgs/${org.id}${url}`,
      headers: officer.headers,
      ...(payload ? { payload } : {}),
    });
  const changeTask = async () => {
    const found: TaskJson[] = [];
    for (const status of ['active', 'done']) {
      const listed = await call('GET', `/tasks?status=${status}&q=significant`);
      found.push(...listed.json<{ data: TaskJson[] }>().data);
    }
    return found;
  };
  const approve = async () => {
    const ra = (await call('POST', '/risk-assessments', { title: 'Risk analysis 2026' })).json<{
      id: string;
    }>();
    const ack = { acknowledgeIncomplete: true };
    expect((await call('POST', `/risk-assessments/${ra.id}/submit`, ack)).statusCode).toBe(200);
    clock.advance(60_000);
    const approved = await call('POST', `/risk-assessments/${ra.id}/approve`, ack);
    expect(approved.statusCode, approved.body).toBe(200);
  };
  return { db, org, officer, clock, call, changeTask, approve };
}

// 164.308(a)(1)(ii)(A), 164.316(b)(2)(iii): an analysis updated for the change settles the task.
describe(`the significant-change task and approvals on ${testDatabaseKind()}`, () => {
  it('an approval whose inventory holds the new ePHI systems completes the task, by the approver', async () => {
    const { call, changeTask, approve, officer, clock } = await setUp();
    await call('POST', '/assets', { kind: 'application', name: 'EHR', ephiRoles: ['maintains'] });
    clock.advance(60_000);
    await call('POST', '/assets', {
      kind: 'cloud_service',
      name: 'Portal',
      ephiRoles: ['receives'],
    });
    expect((await changeTask()).map((t) => t.status)).toEqual(['open']);
    await approve();
    const [task] = await changeTask();
    expect(task).toMatchObject({
      title: CHANGE_TASK,
      status: 'done',
      completedBy: { id: officer.user.id },
      completionNote:
        'Covered by the approval of RA-1: its inventory holds the new systems with ePHI.',
    });
    const trail = (await call('GET', '/audit-events?action=task.completed')).json<{
      data: { entity: { id: string } | null; actor: { id: string | null } }[];
    }>().data;
    expect(trail.map((e) => [e.entity?.id, e.actor.id])).toEqual([[task?.id, officer.user.id]]);
  });

  it('leaves it open when a change the inventory cannot show was recorded (an incident)', async () => {
    const { call, changeTask, approve } = await setUp();
    await call('POST', '/assets', { kind: 'application', name: 'EHR', ephiRoles: ['maintains'] });
    const incident = await call('POST', '/risk-assessments/significant-changes', {
      kind: 'security_incident',
      description: 'Phishing led to a mailbox compromise',
    });
    expect(incident.statusCode).toBe(204);
    await approve();
    expect((await changeTask()).map((t) => t.status)).toEqual(['open']);
  });

  it('lists the open reminders among the open tasks of the risk analysis record', async () => {
    const { call, approve } = await setUp();
    await call('POST', '/assets', { kind: 'application', name: 'EHR', ephiRoles: ['maintains'] });
    await call('POST', '/risk-assessments/significant-changes', {
      kind: 'new_vendor',
      description: 'A new billing service',
    });
    await approve();
    const open = (
      await call('GET', `/tasks?status=active&linkedType=safeguard&linkedId=${RISK_ANALYSIS}`)
    ).json<{ data: TaskJson[] }>().data;
    expect(open.map((t) => t.title).sort()).toEqual([
      'Update the risk analysis (RA-1 turns 12 months old)',
      CHANGE_TASK,
    ]);
  });
});
