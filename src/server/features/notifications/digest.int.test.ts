import { afterEach, describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildMembership,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { testDeps } from '../../../../test/support/tenants';
import { createMailer } from '../../platform/mail/mailer';
import { secretBox } from '../../platform/crypto/secret-box';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { localHour, sendDigests } from './digest';
import { notifyIn } from './notify';

const startApp = testApps();

/** The subject and the decoded text and HTML parts of a raw message (nodemailer's MIME). */
function partsOf(raw: string): { subject: string; text: string; html: string } {
  const decode = (body: string, encoding: string) =>
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8')
        : body;
  const part = (type: string) => {
    const match = new RegExp(
      `Content-Type: ${type}[^\\r\\n]*\\r?\\n(?:Content-Transfer-Encoding: ([\\w-]+)\\r?\\n)?\\r?\\n([\\s\\S]*?)\\r?\\n--`,
    ).exec(raw);
    return match ? decode(match[2] ?? '', match[1] ?? '7bit').replace(/\r\n/g, '\n') : '';
  };
  return {
    subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
    text: part('text/plain'),
    html: part('text/html'),
  };
}
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

describe(`the daily digest on ${testDatabaseKind()}`, () => {
  it('reads the local hour in the organization’s zone', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    expect(localHour('America/Chicago', at)).toBe(7);
    expect(localHour('Asia/Kolkata', at)).toBe(17);
    expect(localHour('UTC', new Date('2026-06-01T00:30:00Z'))).toBe(0);
  });

  it('sends one email at the person’s hour: their overdue and due-soon items, of that organization only', async () => {
    smtp = await startTestSmtp();
    // 12:00 UTC is 07:00 in Chicago (the default digest hour), 17:30 in Kolkata.
    const clock = testClock('2026-06-01T12:00:00.000Z');
    const mailer = createMailer(
      smtp.url,
      'Custos <custos@clinic.example>',
      secretBox(TEST_MASTER_KEY),
    );
    const t = await startApp({ clock, mailer, baseUrl: 'https://custos.clinic.example' });
    const db = t.database.handle.db;
    const deps = { ...testDeps(t, clock), mailer, baseUrl: 'https://custos.clinic.example' };
    const org = await buildOrganization(db, { time_zone: 'America/Chicago' });
    const other = await buildOrganization(db, { time_zone: 'America/Chicago' });
    const editor = await buildMember(db, clock, org.id, 'security_officer');
    const person = await buildMember(db, clock, org.id, 'workforce');
    const colleague = await buildMember(db, clock, org.id, 'workforce');
    // The person is a member of another clinic too, whose tasks stay out of this one's email.
    await buildMembership(db, other.id, person.user.id, 'workforce');
    const otherEditor = await buildMember(db, clock, other.id, 'security_officer');
    const task = async (
      orgId: string,
      headers: Record<string, string>,
      title: string,
      ownerId: string,
      dueOn: string,
    ) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgId}/tasks`,
        headers,
        payload: { title, ownerId, dueOn },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>().id;
    };
    await task(org.id, editor.headers, 'Overdue backup check', person.user.id, '2026-05-28');
    await task(org.id, editor.headers, 'Badge audit this week', person.user.id, '2026-06-04');
    await task(org.id, editor.headers, 'Far-off policy review', person.user.id, '2026-07-20');
    await task(org.id, editor.headers, 'Colleague overdue item', colleague.user.id, '2026-05-20');
    await task(other.id, otherEditor.headers, 'Other clinic overdue', person.user.id, '2026-05-01');
    // A reminder the person asked to get in the digest.
    await db.transaction().execute((trx) =>
      notifyIn(trx, deps, {
        orgId: org.id,
        userId: person.user.id,
        kind: 'safeguard.review_due',
        record: { type: 'safeguard', id: '164.308(a)(1)(ii)(D)' },
        title: 'Review <Information system activity>',
        dueOn: '2026-06-15',
        key: 'safeguard.review_due:D:2026-06-15',
      }),
    );
    // The colleague chose 09:00: no digest for them at 07:00.
    const colleagueHeaders = await sessionHeaders(db, clock, colleague.user.id, org.id);
    await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/notification-preferences`,
      headers: colleagueHeaders,
      payload: { digestHour: 9 },
    });
    // The immediate "assigned" emails go first (three and one in the other clinic to the person, one to the colleague), so the
    // digests are alone in what follows.
    await t.jobs.drain();
    const before = (await smtp.received(5)).length;
    expect(before).toBe(5);

    // The hourly schedule is due at 12:00: its job sends the digests of the hour, as mail jobs.
    expect(await t.jobs.tick()).toBeGreaterThanOrEqual(1);
    await t.jobs.drain();
    // The hour's digests (two), and the overdue notices the reminder sweeps of the same tick send
    // at once (three: the person's in each clinic, the colleague's).
    const received = await smtp.received(before + 5);
    // Once per person and local day: the same hour again, or a later one, sends nothing more.
    expect(await sendDigests(deps)).toBe(0);
    clock.advance(30 * 60_000);
    await t.jobs.tick();
    expect(await sendDigests(deps)).toBe(0);
    await t.jobs.drain();
    expect(smtp.messages).toHaveLength(before + 5);
    const parsed = received
      .slice(before)
      .map(partsOf)
      .filter((m) => m.subject.startsWith('Custos digest'));
    expect(parsed).toHaveLength(2);
    const digest = parsed.find((m) => m.text.includes('Badge audit this week'));
    const elsewhere = parsed.find((m) => m.text.includes('Other clinic overdue'));
    expect(digest).toBeDefined();
    expect(elsewhere).toBeDefined();
    const { text, html, subject } = digest ?? { text: '', html: '', subject: '' };
    expect(subject).toBe('Custos digest: 3 items for 1 Jun 2026');
    for (const part of [text, html]) {
      expect(part).toContain('Overdue backup check');
      expect(part).toContain('https://custos.clinic.example/tasks?scope=all');
      expect(part).not.toContain('Far-off policy review');
      expect(part).not.toContain('Colleague overdue item');
      expect(part).not.toContain('Other clinic overdue');
    }
    expect(text).toMatch(/Overdue:\n- TASK-\d+ Overdue backup check \(due 28 May 2026\)/);
    expect(text).toContain('Due this week:');
    expect(text).toContain('Review <Information system activity> (due 15 Jun 2026)');
    expect(html).toContain('Review &lt;Information system activity&gt;');
    expect(html).not.toContain('<Information');
    // The other clinic's digest (the same person, its own hour) carries that clinic's item alone.
    expect(elsewhere?.text).not.toContain('Overdue backup check');
    expect(elsewhere?.text).not.toContain('Badge audit this week');
    // The pending reminder was carried: the bell shows it digested.
    const list = await t.app.inject({
      url: `/api/orgs/${org.id}/notifications`,
      // A new session: the first went idle while the clock moved.
      headers: await sessionHeaders(db, clock, person.user.id, org.id),
    });
    const carried = list
      .json<{ data: { kind: string; digestedAt: string | null }[] }>()
      .data.find((n) => n.kind === 'safeguard.review_due');
    expect(carried?.digestedAt).not.toBeNull();
  });
});
