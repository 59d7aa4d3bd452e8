import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { secretBox } from '../../platform/crypto/secret-box';
import { createMailer } from '../../platform/mail/mailer';

const startApp = testApps();
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

/** The reset token of a raw SMTP message (quoted-printable soft breaks joined). */
const tokenOf = (message: string) =>
  /reset-password#([A-Za-z0-9_-]+)/.exec(message.replace(/=\r?\n/g, ''))?.[1] ?? '';

async function setUp(withSmtp: boolean) {
  const clock = testClock();
  let log = '';
  smtp = withSmtp ? await startTestSmtp() : undefined;
  const t = await startApp({
    clock,
    config: { logLevel: 'debug', trustProxy: false },
    logStream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    }),
    ...(smtp
      ? {
          mailer: createMailer(
            smtp.url,
            'Custos <custos@clinic.example>',
            secretBox(TEST_MASTER_KEY),
          ),
        }
      : {}),
  });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const owner = await buildMember(db, clock, org.id, 'owner');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const askReset = async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: nurse.user.email },
    });
    await t.background.idle();
    await t.jobs.drain();
  };
  const outbox = async () =>
    (await t.app.inject({ url: `/api/orgs/${org.id}/outbox`, headers: owner.headers })).body;
  const auditText = async () =>
    JSON.stringify(await db.selectFrom('audit_events').selectAll().execute());
  return { t, db, org, owner, nurse, askReset, outbox, auditText, log: () => log };
}

describe(`a self-service reset link on ${testDatabaseKind()}`, () => {
  it('reaches only the person: the outbox, the audit trail, the log and the row never hold it', async () => {
    const { db, nurse, askReset, outbox, auditText, log } = await setUp(true);
    await askReset();
    const [message] = (await smtp?.received(1)) ?? [];
    expect(message).toMatch(new RegExp(`^To: ${nurse.user.email.replace('.', '\\.')}`, 'm'));
    const token = tokenOf(message ?? '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const listed = await outbox();
    expect(JSON.parse(listed)).toMatchObject({
      data: [{ to: nurse.user.email, subject: 'Reset your Custos password', body: null }],
    });
    expect(listed).not.toContain(token);
    expect(await auditText()).not.toContain(token);
    expect(log()).not.toContain(token);
    // Stored sealed: a database reader does not find the link either.
    const rows = await db.selectFrom('outbox').select(['body_text', 'sealed']).execute();
    expect(rows).toEqual([{ body_text: expect.stringMatching(/^v1\./) as unknown, sealed: 1 }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('without SMTP shows that a reset was asked for, to whom and when, without the link', async () => {
    const { nurse, askReset, outbox } = await setUp(false);
    await askReset();
    const listed = JSON.parse(await outbox()) as { data: Record<string, unknown>[] };
    expect(listed.data).toEqual([
      {
        id: expect.any(String) as unknown,
        to: nurse.user.email,
        subject: 'Reset your Custos password',
        body: null,
        createdAt: expect.any(String) as unknown,
        sentAt: null,
        error: null,
      },
    ]);
  });
});
