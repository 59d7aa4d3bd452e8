import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import type { AuditAction } from '../../../contracts/audit';
import { breachSetUp } from '../../../../test/support/breach-setup';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization } from '../../../../test/support/factories';
import { COMPLETE_BREACH } from '../../../../test/support/incident-preparations';

// Issue 16 part 5: the notices of a breach as sent (164.404-164.410, to be checked).

const setUp = breachSetUp(testApps());
type Json = Record<string, unknown>;

/** An approved breach of 40 people in Illinois (recorded by the SO, approved by the PO). */
async function approved(facts: Json = {}) {
  const s = await setUp();
  const saved = await s.call('PATCH', `${s.path}/breach-determination`, s.so.headers, {
    ...COMPLETE_BREACH,
    facts: { ...COMPLETE_BREACH.facts, ...facts },
  });
  expect(saved.status).toBe(200);
  const ok = await s.call('POST', `${s.path}/breach-determination/approve`, s.po.headers, {});
  expect(ok.status).toBe(200);
  const tasks = () =>
    s.db
      .selectFrom('tasks')
      .select(['title', 'status', 'due_on'])
      .where('org_id', '=', s.org.id)
      .orderBy('title')
      .execute()
      .then((rows) => rows.map((r) => [r.title.replace(/^INC-\d{4}-\d{3}: /, ''), r.status]));
  const events = (action: AuditAction) =>
    s.db
      .selectFrom('audit_events')
      .select('changes')
      .where('org_id', '=', s.org.id)
      .where('action', '=', action)
      .execute();
  return { ...s, tasks, events };
}

const mail = { kind: 'individual_mail', sentOn: '2026-03-11', channel: 'First-class mail' };

describe(`breach notices on ${testDatabaseKind()}`, () => {
  it('records notices sent: an individual notice to fewer than affected leaves the task open with how many remain; the rest completes it; HHS completes its own', async () => {
    const { call, so, path, tasks, events } = await approved();
    const first = await call('POST', `${path}/breach-notices`, so.headers, { ...mail, people: 30 });
    expect(first.status).toBe(201);
    expect(first.json()).toMatchObject({
      notice: { kind: 'individual_mail', people: 30, recordedBy: { id: so.user.id } },
      task: expect.stringContaining('stays open: 10 people of 40 still to notify') as unknown,
    });
    // 164.316(b)(2)(i): kept six years from when it was recorded (12 March 2026, Chicago).
    expect((first.json().notice as Json).retainUntil).toBe('2032-03-12');
    expect(await tasks()).toContainEqual([
      'send the breach notice to each person affected',
      'open',
    ]);
    const rest = await call('POST', `${path}/breach-notices`, so.headers, {
      kind: 'individual_email',
      sentOn: '2026-03-12',
      people: 10,
    });
    expect(rest.json().task).toMatch(/is done\.$/);
    const hhs = await call('POST', `${path}/breach-notices`, so.headers, {
      kind: 'hhs',
      sentOn: '2026-03-12',
    });
    expect(hhs.status).toBe(201);
    expect(await tasks()).toEqual([
      ['report the yearly log of breaches under 500 to HHS', 'done'],
      ['send the breach notice to each person affected', 'done'],
    ]);
    const list = await call('GET', `${path}/breach-notices`, so.headers);
    expect(list.json()).toMatchObject({
      progress: {
        individuals: { affected: 40, reached: 40, remaining: 0, lastSentOn: '2026-03-12' },
        hhs: '2026-03-12',
      },
    });
    expect(list.json().data).toHaveLength(3);
    expect(await events('incident.breach_notice_recorded')).toHaveLength(3);
  });

  it('refuses a notice that does not fit, naming the field, and writes nothing', async () => {
    const { call, so, path, events } = await approved();
    const cases: [Json, string][] = [
      [{ ...mail }, 'body.people'],
      [{ ...mail, people: 41 }, 'body.people'],
      [{ ...mail, people: 5, sentOn: '2026-03-13' }, 'body.sentOn'],
      [{ ...mail, people: 5, sentOn: '2026-03-08' }, 'body.sentOn'],
      [{ ...mail, people: 5, state: 'IL' }, 'body.state'],
      [{ kind: 'media', sentOn: '2026-03-11', channel: 'WGN' }, 'body.state'],
      [{ kind: 'media', sentOn: '2026-03-11', state: 'IL' }, 'body.channel'],
      [{ kind: 'hhs', sentOn: '2026-03-11', people: 3 }, 'body.people'],
      [{ kind: 'covered_entity', sentOn: '2026-03-11', channel: 'Acme' }, 'body.kind'],
      [{ ...mail, people: 5, evidenceId: '0190a0b0-0000-7000-8000-000000000000' }, 'evidenceId'],
      [{ ...mail, people: 5, kind: 'pigeon' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', `${path}/breach-notices`, so.headers, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toContain(field);
    }
    expect((await call('GET', `${path}/breach-notices`, so.headers)).json().data).toEqual([]);
    expect(await events('incident.breach_notice_recorded')).toEqual([]);
  });

  it('is for the officials only: another organization’s incident is 404, a contributor or workforce member is refused, an auditor reads', async () => {
    const { db, clock, org, call, so, path, t } = await approved();
    const other = await buildOrganization(db);
    const outsider = await buildMember(db, clock, other.id, 'security_officer');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${other.id}${path}/breach-notices`,
      headers: outsider.headers,
      payload: { ...mail, people: 1 },
    });
    expect(res.statusCode).toBe(404);
    for (const role of ['contributor', 'workforce'] as const) {
      const member = await buildMember(db, clock, org.id, role);
      const post = await call('POST', `${path}/breach-notices`, member.headers, {
        ...mail,
        people: 1,
      });
      expect(post.status, role).toBe(404);
      expect((await call('GET', `${path}/breach-notices`, member.headers)).status).toBe(404);
    }
    const auditor = await buildMember(db, clock, org.id, 'auditor');
    expect((await call('GET', `${path}/breach-notices`, auditor.headers)).status).toBe(200);
    expect(
      (await call('POST', `${path}/breach-notices`, auditor.headers, { ...mail, people: 1 }))
        .status,
    ).toBe(404);
    expect((await call('GET', `${path}/breach-notices`, so.headers)).json().data).toEqual([]);
  });

  it('refuses notices before a breach is approved (409)', async () => {
    const { call, so, path } = await setUp();
    await call('PATCH', `${path}/breach-determination`, so.headers, COMPLETE_BREACH);
    const res = await call('POST', `${path}/breach-notices`, so.headers, { ...mail, people: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toContain('no approved determination of a breach');
  });

  it('corrects with a reason (kept in the trail); removes only a fresh mistake of whoever recorded it', async () => {
    const { call, so, po, path, db, events } = await approved();
    const made = await call('POST', `${path}/breach-notices`, so.headers, { ...mail, people: 30 });
    const id = String((made.json().notice as Json).id);
    const noReason = await call('PUT', `${path}/breach-notices/${id}`, so.headers, {
      ...mail,
      people: 40,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('reason');
    const fixed = await call('PUT', `${path}/breach-notices/${id}`, po.headers, {
      ...mail,
      people: 40,
      reason: 'The print shop’s count was 40.',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.json()).toMatchObject({
      notice: {
        people: 40,
        recordedBy: { id: so.user.id },
        corrected: { by: { id: po.user.id }, reason: 'The print shop’s count was 40.' },
      },
      task: expect.stringMatching(/is done\.$/) as unknown,
    });
    const [event] = await events('incident.breach_notice_corrected');
    expect(JSON.parse(String(event?.changes))).toMatchObject({ people: { before: 30, after: 40 } });
    // Someone else may not take it back; whoever recorded it may, within a day.
    const other = await call('DELETE', `${path}/breach-notices/${id}`, po.headers);
    expect(other.status).toBe(409);
    expect(other.body).toContain('must be kept until 12 Mar 2032');
    // A day later it is documentation: even whoever recorded it may no longer remove it.
    await db
      .updateTable('breach_notices')
      .set({ recorded_at: '2026-03-11T13:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    expect((await call('DELETE', `${path}/breach-notices/${id}`, so.headers)).status).toBe(409);
    const second = await call('POST', `${path}/breach-notices`, so.headers, {
      kind: 'hhs',
      sentOn: '2026-03-12',
    });
    const hhsId = String((second.json().notice as Json).id);
    expect((await call('DELETE', `${path}/breach-notices/${hhsId}`, so.headers)).status).toBe(204);
    expect(await events('incident.breach_notice_removed')).toHaveLength(1);
    expect((await call('GET', `${path}/breach-notices`, so.headers)).json().data).toHaveLength(1);
  });

  it('substitute notice: 9 unreachable is an alternative notice, 10 a conspicuous posting or major media (164.404(d)(2))', async () => {
    const { call, so, path, events } = await approved();
    const nine = await call('PUT', `${path}/breach-unreachable`, so.headers, { unreachable: 9 });
    expect(nine.status).toBe(200);
    expect(nine.json().guidance).toMatchObject({ unreachable: 9, form: 'alternative' });
    const ten = await call('PUT', `${path}/breach-unreachable`, so.headers, { unreachable: 10 });
    expect(ten.json().guidance).toMatchObject({
      unreachable: 10,
      form: 'conspicuous',
      text: expect.stringContaining('toll-free number') as unknown,
    });
    const many = await call('PUT', `${path}/breach-unreachable`, so.headers, { unreachable: 41 });
    expect(many.status).toBe(400);
    expect(many.body).toContain('body.unreachable');
    expect(await events('incident.breach_unreachable_saved')).toHaveLength(2);
  });
});
