import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  sessionHeaders,
  testClock,
} from '../../../../test/support/factories';
import { secretBox } from '../../platform/crypto/secret-box';
import { createMailer } from '../../platform/mail/mailer';
import { startTestSmtp } from '../../../../test/support/smtp';

const startApp = testApps();
const DAY = 86_400_000;

/**
 * Two clinics on an installation whose SMTP server refuses every connection (or the one at
 * `smtpUrl`).
 */
async function setUp(smtpUrl = 'smtp://127.0.0.1:1') {
  const clock = testClock();
  const t = await startApp({
    clock,
    quietJobs: true,
    // Port 1 on this machine: nothing listens, so every send fails.
    mailer: createMailer(smtpUrl, 'Custos <c@clinic.example>', secretBox(TEST_MASTER_KEY)),
  });
  const db = t.database.handle.db;
  const clinic = async () => {
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const invite = (email = `new.nurse@${org.id.slice(-6)}.example`) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/invitations`,
        headers: owner.headers,
        payload: { email, role: 'workforce' },
      });
    const overview = async (headers = owner.headers) => {
      const res = await t.app.inject({ url: `/api/orgs/${org.id}/jobs`, headers });
      return { status: res.statusCode, body: res.json<OverviewJson>() };
    };
    return { org, owner, invite, overview };
  };
  return { t, clock, a: await clinic(), b: await clinic() };
}

interface OverviewJson {
  queues: { queue: string; label: string; waiting: number; retrying: number; dead: number }[];
  failed: { label: string; state: string; attempts: number; lastError: string | null }[];
}

describe(`background jobs page on ${testDatabaseKind()}`, () => {
  it("shows an organization its own failed mail, and not another organization's", async () => {
    const { t, a, b } = await setUp();
    expect((await a.invite()).statusCode).toBe(201);
    const before = await a.overview();
    expect(before.status).toBe(200);
    expect(before.body.queues.find((q) => q.queue === 'mail.send')).toMatchObject({
      label: 'Sending email',
      waiting: 1,
    });
    await t.jobs.drain();
    const after = await a.overview();
    expect(after.body.failed).toEqual([
      expect.objectContaining({ label: 'Sending email', state: 'retrying', attempts: 1 }),
    ]);
    expect(after.body.failed[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    const other = await b.overview();
    expect(other.body.failed).toEqual([]);
    expect(other.body.queues).toEqual([]);
    // Another clinic's owner cannot read A's page.
    expect((await a.overview(b.owner.headers)).status).toBe(404);
  });

  it('puts jobs that gave up back in their queue, audited, and says so on the dashboard until then', async () => {
    const { t, clock, a } = await setUp();
    await a.invite();
    if (testDatabaseKind() === 'sqlite') {
      // Twelve tries over about two days (the app's clock): then the mail gives up.
      for (let i = 0; i < 12; i++) {
        await t.jobs.drain();
        clock.advance(DAY);
      }
    } else {
      // pg-boss waits on the database's clock: one real try, then the job stands as pg-boss
      // leaves it after the last retry.
      await t.jobs.drain();
      await sql`update pgboss.job set state = 'failed', retry_count = 11 where name = 'mail.send'`.execute(
        t.database.handle.db,
      );
      clock.advance(12 * DAY);
    }
    // Twelve days on, the owner signs in again.
    const headers = await sessionHeaders(t.database.handle.db, clock, a.owner.user.id, a.org.id);
    expect((await a.overview(headers)).body.failed).toEqual([
      expect.objectContaining({ state: 'dead', attempts: 12 }),
    ]);
    const dashboard = await t.app.inject({ url: `/api/orgs/${a.org.id}/dashboard`, headers });
    expect(
      dashboard.json<{ nextActions: { id: string; title: string }[] }>().nextActions,
    ).toContainEqual(
      expect.objectContaining({ id: 'retry-failed-jobs', title: '1 background job gave up' }),
    );
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${a.org.id}/jobs/retry`,
      headers,
    });
    expect(retried.json()).toEqual({ retried: 1 });
    const event = await t.database.handle.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', a.org.id)
      .where('action', '=', 'jobs.retried')
      .executeTakeFirstOrThrow();
    expect(event.changes).toContain('"retried"');
    // Waiting again (pg-boss shows it as retrying until it runs): nothing has given up.
    expect((await a.overview(headers)).body.failed.filter((f) => f.state === 'dead')).toEqual([]);
  });

  it("ends a mail job at once on the server's permanent refusal (550), with its reason; a 4xx is retried", async () => {
    const smtp = await startTestSmtp({
      refuse: { 'gone@clinic.example': 550, 'full@clinic.example': 452 },
    });
    try {
      const { t, a } = await setUp(smtp.url);
      expect((await a.invite('gone@clinic.example')).statusCode).toBe(201);
      expect((await a.invite('full@clinic.example')).statusCode).toBe(201);
      await t.jobs.drain();
      const { failed } = (await a.overview()).body;
      expect(failed).toHaveLength(2);
      expect(failed).toContainEqual(
        expect.objectContaining({ label: 'Sending email', state: 'dead', attempts: 1 }),
      );
      expect(failed).toContainEqual(
        expect.objectContaining({ label: 'Sending email', state: 'retrying', attempts: 1 }),
      );
      const dead = failed.find((f) => f.state === 'dead');
      expect(dead?.lastError).toMatch(/^The mail server refused the message: .*550.*gone@clinic/);
      expect(smtp.messages).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
