import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../contracts/audit';
import type { Sanction } from '../../../contracts/sanctions';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';

const startApp = testApps();

// 164.308(a)(1)(ii)(C): a role that may not read sanctions (auditors included) must not learn of
// one through what a sanction leaves elsewhere: its audit events (whose request id ties them to
// the tasks and the one-person training assignment the same request made), or the tasks' words.
describe(`what a sanction leaves outside the sanctions page, on ${testDatabaseKind()}`, () => {
  it("shows an auditor no sanction event to tie a retraining assignment to the person's sanction", async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const officer = await buildMember(db, clock, org.id, 'security_officer');
    const auditor = await buildMember(db, clock, org.id, 'auditor', '2027-01-01T00:00:00.000Z');
    const nurse = await buildMember(db, clock, org.id, 'workforce');
    const call = (
      as: { headers: Record<string, string> },
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
    ) =>
      t.app.inject({
        method,
        url: `/api/orgs/${org.id}${url}`,
        headers: as.headers,
        ...(payload ? { payload } : {}),
      });
    const personId = (
      await call(officer, 'POST', '/people', {
        kind: 'employee',
        name: 'Kevin Tran',
        userId: nurse.user.id,
      })
    ).json<{ id: string }>().id;
    const retrained = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Clicked a phishing link.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'Retraining',
      decidedOn: '2026-06-01',
      retraining: { courseId: 'passwords-mfa', dueOn: '2026-06-15' },
    });
    expect(retrained.statusCode).toBe(201);
    const arranged = await call(officer, 'POST', '/sanctions', {
      personId,
      violation: 'Again.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'Retraining',
      decidedOn: '2026-06-01',
    });
    const id = arranged.json<Sanction>().id;
    expect((await call(nurse, 'POST', `/my-sanctions/${id}/acknowledgement`)).statusCode).toBe(200);

    const events = async (as: { headers: Record<string, string> }) =>
      (await call(as, 'GET', '/audit-events?limit=200')).json<{ data: AuditEvent[] }>().data;
    // The officials see the sanction's events, tied to the assignment by the request id.
    const full = await events(officer);
    const recorded = full.filter((e) => e.action === 'sanction.recorded');
    expect(recorded).toHaveLength(2);
    const assignment = full.find((e) => e.action === 'training_assignment.created');
    expect(assignment?.requestId).toBe(recorded.at(-1)?.requestId);

    // An auditor sees the assignment as any other, and no sanction event, in the log or its export.
    const seen = await events(auditor);
    expect(seen.some((e) => e.action === 'training_assignment.created')).toBe(true);
    expect(seen.filter((e) => e.action.startsWith('sanction'))).toEqual([]);
    expect(seen.filter((e) => e.entity?.type === 'sanction')).toEqual([]);
    const filtered = await call(auditor, 'GET', '/audit-events?action=sanction.recorded');
    expect(filtered.json<{ data: unknown[] }>().data).toEqual([]);
    const csv = await call(auditor, 'GET', '/audit-events/export.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('training_assignment.created');
    expect(csv.body).not.toContain('sanction.');
    // An auditor's token acts with the auditor's grants: the same.
    const token = {
      headers: await tokenHeaders(db, clock, auditor.user.id, org.id, 'auditor'),
    };
    expect(JSON.stringify(await events(token))).not.toContain('sanction.');

    // The task a retraining without a course makes reads as any training task.
    const tasks = await call(auditor, 'GET', '/tasks?limit=100');
    expect(tasks.statusCode).toBe(200);
    expect(tasks.body).toContain('Arrange a training course for Kevin Tran');
    expect(tasks.body.toLowerCase()).not.toMatch(/sanction|retrain/);
  });
});
