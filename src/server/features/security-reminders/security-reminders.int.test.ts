import { afterEach, describe, expect, it } from 'vitest';
import { securityRemindersRoutes, type Sending } from '../../../contracts/security-reminders';
import { testApps } from '../../../../test/support/app';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { testDeps } from '../../../../test/support/tenants';
import { secretBox } from '../../platform/crypto/secret-box';
import { createMailer } from '../../platform/mail/mailer';
import { sendDueReminders } from './send';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([securityRemindersRoutes]);

const startApp = testApps();
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function setUp() {
  smtp = await startTestSmtp();
  // 10:00 on 1 June in Chicago, the organization's zone.
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const mailer = createMailer(
    smtp.url,
    'Custos <custos@clinic.example>',
    secretBox(TEST_MASTER_KEY),
  );
  const baseUrl = 'https://custos.clinic.example';
  const t = await startApp({ clock, mailer, baseUrl });
  const deps = { ...testDeps(t, clock), mailer, baseUrl };
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { time_zone: 'America/Chicago' });
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const worker = await buildMember(db, clock, org.id, 'workforce');
  const base = `/api/orgs/${org.id}`;
  const call = (
    as: { headers: Record<string, string> },
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    });
  const dept = await call(officer, 'POST', '/departments', { name: 'Front desk' });
  const departmentId = dept.json<{ id: string }>().id;
  const addPerson = async (name: string, extra: object) => {
    const created = await call(officer, 'POST', '/people', {
      kind: 'employee',
      name,
      startDate: '2025-01-06',
      ...extra,
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  };
  return { t, db, clock, deps, org, officer, worker, call, departmentId, addPerson };
}

const reminder = (over: object = {}) => ({
  title: 'Lock your screen',
  message: 'Press Windows+L whenever you step away.',
  linkUrl: 'https://intranet.example/lock',
  schedule: 'monthly',
  startsOn: '2026-06-01',
  roles: ['workforce'],
  departmentIds: [],
  personIds: [],
  ...over,
});

describe(`security reminders on ${testDatabaseKind()}`, () => {
  it('sends at once to the audience, as notifications and email, and logs who got it how', async () => {
    const { t, db, clock, org, officer, worker, call, departmentId, addPerson } = await setUp();
    // On the roster without an account, reached at their roster address; one without either.
    await addPerson('Rosa Diaz', { email: 'rosa@clinic.example', departmentId });
    await addPerson('Sam Okafor', { departmentId });
    // Ended before today: not reached.
    await addPerson('Old Timer', {
      departmentId,
      endDate: '2026-05-01',
      email: 'old@clinic.example',
    });

    const created = await call(
      officer,
      'POST',
      '/security-reminders',
      reminder({ departmentIds: [departmentId] }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json<{
      id: string;
      reference: string;
      sendings: number;
      nextOn: string;
    }>();
    expect(body).toMatchObject({ reference: 'SR-1', sendings: 1, nextOn: '2026-07-01' });

    const log = await call(officer, 'GET', '/security-reminder-sendings');
    const [sending] = log.json<{ data: Sending[] }>().data;
    expect(sending?.dueOn).toBe('2026-06-01');
    expect(sending?.recipients).toBe(2);
    expect(Object.fromEntries((sending?.deliveries ?? []).map((d) => [d.name, d.channel]))).toEqual(
      {
        'A workforce': 'bell_and_email',
        'Rosa Diaz': 'email',
        'Sam Okafor': 'not_reached',
      },
    );

    // Two emails through the real SMTP server: the member's and Rosa's, with message and link.
    await t.jobs.drain();
    const mails = await smtp!.received(2);
    expect(mails.join('\n')).toContain('Security reminder: Lock your screen');
    expect(mails.some((m) => m.includes('rosa@clinic.example'))).toBe(true);
    expect(mails.every((m) => m.includes('https://intranet.example/lock'))).toBe(true);

    // The member sees it in their notifications and in My reminders.
    const bell = await call(worker, 'GET', '/notifications');
    expect(bell.json<{ data: { kind: string; title: string }[] }>().data).toContainEqual(
      expect.objectContaining({
        kind: 'security_reminder.sent',
        title: 'Security reminder: Lock your screen',
      }),
    );
    const mine = await call(worker, 'GET', '/my-security-reminders');
    expect(mine.json<{ data: { message: string }[] }>().data).toEqual([
      expect.objectContaining({ message: 'Press Windows+L whenever you step away.' }),
    ]);
    // Workforce members read only their own; auditors read the log and change nothing.
    expect((await call(worker, 'GET', '/security-reminders')).statusCode).toBe(403);
    const auditor = await buildMember(db, clock, org.id, 'auditor');
    expect((await call(auditor, 'GET', '/security-reminder-sendings')).statusCode).toBe(200);
    expect((await call(auditor, 'POST', '/security-reminders', reminder())).statusCode).toBe(403);

    // 164.308(a)(5)(ii)(A)'s record: implemented by a repeating reminder, which it links.
    const safeguard = await call(
      officer,
      'GET',
      `/safeguards/${encodeURIComponent('164.308(a)(5)(ii)(A)')}`,
    );
    expect(safeguard.json<{ status: string }>().status).toBe('implemented');
    const links = await db
      .selectFrom('record_links')
      .select('to_id')
      .where('org_id', '=', org.id)
      .where('to_type', '=', 'security_reminder')
      .execute();
    expect(links.map((l) => l.to_id)).toEqual([body.id]);
    const sent = await db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('org_id', '=', org.id)
      .where('action', '=', 'security_reminder.sent')
      .execute();
    expect(sent).toHaveLength(1);
  });

  it('sends monthly from the start date, once per date whatever the sweeps, and not once stopped', async () => {
    const { clock, deps, officer, call } = await setUp();
    const created = await call(
      officer,
      'POST',
      '/security-reminders',
      reminder({ startsOn: '2026-06-03' }),
    );
    expect(created.json<{ sendings: number }>().sendings).toBe(0);
    const id = created.json<{ id: string }>().id;
    expect(await sendDueReminders(deps)).toBe(0);
    clock.set('2026-06-03T15:00:00.000Z');
    expect(await sendDueReminders(deps)).toBe(1);
    expect(await sendDueReminders(deps)).toBe(0);
    // Down for two months: one sending for the latest date, then the next a month on.
    clock.set('2026-08-20T15:00:00.000Z');
    expect(await sendDueReminders(deps)).toBe(1);
    const headers = await sessionHeaders(deps.database.db, clock, officer.user.id, null);
    const got = await call({ headers }, 'GET', `/security-reminders/${id}`);
    expect(got.json<{ sendings: number; nextOn: string }>()).toMatchObject({
      sendings: 2,
      nextOn: '2026-09-03',
    });
    const log = await call({ headers }, 'GET', `/security-reminder-sendings?reminderId=${id}`);
    expect(log.json<{ data: Sending[] }>().data.map((s) => s.dueOn)).toEqual([
      '2026-08-03',
      '2026-06-03',
    ]);
    const stopped = await call({ headers }, 'POST', `/security-reminders/${id}/stop`);
    expect(stopped.json<{ stopped: boolean; nextOn: string | null }>()).toMatchObject({
      stopped: true,
      nextOn: null,
    });
    clock.set('2026-09-04T15:00:00.000Z');
    expect(await sendDueReminders(deps)).toBe(0);
  });

  it('refuses a bad link, a past start or no audience, naming the field, and writes nothing', async () => {
    const { db, org, officer, call } = await setUp();
    const cases: [object, string][] = [
      [{ linkUrl: 'https://user:secret@intranet.example/' }, 'body.linkUrl'],
      [{ linkUrl: 'https://intranet.example/\u202Efdp.exe' }, 'body.linkUrl'],
      [{ linkUrl: 'javascript:alert(1)' }, 'body.linkUrl'],
      [{ linkUrl: 'ftp://files.example/x' }, 'body.linkUrl'],
      [{ startsOn: '2026-05-31' }, 'body.startsOn'],
      [{ roles: [] }, 'body.roles'],
      [{ personIds: ['0190d4c8-0000-7000-8000-000000000000'] }, 'body.personIds.0'],
      [{ title: '' }, 'body.title'],
    ];
    for (const [over, field] of cases) {
      const res = await call(officer, 'POST', '/security-reminders', reminder(over));
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(field);
    }
    const rows = await db
      .selectFrom('security_reminders')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(rows).toHaveLength(0);
  });
});
