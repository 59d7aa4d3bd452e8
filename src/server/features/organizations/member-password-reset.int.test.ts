import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../../contracts/audit-actions';
import { testApps } from '../../../../test/support/app';
import { TEST_MASTER_KEY } from '../../../../test/support/audit';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildMembership,
  buildOrganization,
  sessionHeaders,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';
import { startTestSmtp } from '../../../../test/support/smtp';
import { secretBox } from '../../platform/crypto/secret-box';
import { createMailer } from '../../platform/mail/mailer';

const startApp = testApps();
const NEW_PASSWORD = 'orchid pebble canyon 77';

/** Removes a membership as leaving does (its access ends now). */
async function removeMembership(db: Kysely<Database>, orgId: string, membershipId: string) {
  const result = await db
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('id', '=', membershipId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function setUp(mailer?: ReturnType<typeof createMailer>) {
  const clock = testClock();
  const t = await startApp({
    clock,
    baseUrl: 'https://custos.clinic.example',
    ...(mailer ? { mailer } : {}),
  });
  const db = t.database.handle.db;
  const org = await buildOrganization(db, { name: 'Harbor Clinic' });
  const owner = await buildMember(db, clock, org.id, 'owner');
  const admin = await buildMember(db, clock, org.id, 'admin');
  const nurse = await buildMember(db, clock, org.id, 'workforce');
  const issue = (memberId: string, headers: Record<string, string>, orgId = org.id) =>
    t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/members/${memberId}/password-reset`,
      headers,
    });
  const complete = (link: string | null, password = NEW_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token: /#(.+)$/.exec(link ?? '')?.[1] ?? '', password },
    });
  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const events = async (action: AuditAction) =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('action', '=', action)
      .execute();
  return { t, db, clock, org, owner, admin, nurse, issue, complete, signIn, events };
}

describe(`a reset link an administrator issues, on ${testDatabaseKind()}`, () => {
  it('needs a recent sign-in, is audited, works once, and the member is told who issued it', async () => {
    const { t, db, clock, owner, nurse, issue, complete, signIn, events } = await setUp();
    clock.advance(11 * 60_000);
    const stale = await issue(nurse.membership.id, owner.headers);
    expect(stale.statusCode).toBe(403);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('reauthentication_required');
    expect(await events('user.password_reset_issued')).toEqual([]);

    const fresh = await sessionHeaders(db, clock, owner.user.id, owner.membership.org_id);
    const res = await issue(nurse.membership.id, fresh);
    expect(res.statusCode).toBe(201);
    const issued = res.json<{ link: string | null; emailed: boolean; expiresAt: string }>();
    expect(issued.emailed).toBe(false);
    expect(issued.link).toMatch(/^https:\/\/custos\.clinic\.example\/reset-password#[\w-]{40,}$/);
    expect(Date.parse(issued.expiresAt) - clock.now().getTime()).toBe(24 * 3_600_000);
    const token = /#(.+)$/.exec(issued.link ?? '')?.[1] ?? '';

    // Audited with the issuer as actor; the link is nowhere but in the answer.
    const [event] = await events('user.password_reset_issued');
    expect(event).toMatchObject({
      actor_id: owner.user.id,
      entity_type: 'user',
      entity_id: nurse.user.id,
    });
    expect(JSON.stringify(event)).toContain('shown once to the issuer');
    expect(JSON.stringify(await db.selectFrom('audit_events').selectAll().execute())).not.toContain(
      token,
    );
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(
      JSON.stringify(await db.selectFrom('password_resets').selectAll().execute()),
    ).not.toContain(token);

    expect((await complete(issued.link)).statusCode).toBe(204);
    expect((await complete(issued.link, 'another long phrase 55')).statusCode).toBe(409);
    const [changed] = await events('user.password_changed');
    expect(JSON.stringify(changed)).toContain('a link an administrator issued');

    // At the next sign-in the member reads who issued it and when, until they acknowledge it.
    const signedIn = await signIn(nurse.user.email, NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.headers['set-cookie'];
    const session = { cookie: (Array.isArray(cookie) ? cookie[0] : cookie)?.split(';')[0] ?? '' };
    const me = await t.app.inject({ url: '/api/me', headers: session });
    expect(me.json<{ passwordResetNotices: unknown[] }>().passwordResetNotices).toEqual([
      {
        issuedBy: owner.user.name,
        organization: 'Harbor Clinic',
        issuedAt: expect.any(String) as unknown,
        usedAt: expect.any(String) as unknown,
        expiresAt: issued.expiresAt,
      },
    ]);
    const headers = await sessionHeaders(db, clock, nurse.user.id, nurse.membership.org_id);
    const seen = await t.app.inject({
      method: 'POST',
      url: '/api/me/password-reset-notices/seen',
      headers,
    });
    expect(seen.statusCode).toBe(204);
    expect(await events('user.password_reset_notice_seen')).toHaveLength(1);
    const after = await t.app.inject({ url: '/api/me', headers });
    expect(after.json<{ passwordResetNotices: unknown[] }>().passwordResetNotices).toEqual([]);
  });

  it('expires after 24 hours, and a newer link replaces an unused one', async () => {
    const { clock, owner, nurse, issue, complete } = await setUp();
    const first = (await issue(nurse.membership.id, owner.headers)).json<{ link: string }>();
    const second = (await issue(nurse.membership.id, owner.headers)).json<{ link: string }>();
    expect((await complete(first.link)).statusCode).toBe(409);
    clock.advance(24 * 3_600_000 + 60_000);
    expect((await complete(second.link)).statusCode).toBe(409);
  });

  it('follows the role rules: not for oneself, an owner only by an owner, not after access ended', async () => {
    const { db, clock, org, owner, admin, nurse, issue } = await setUp();
    const codeOf = async (memberId: string, headers: Record<string, string>) => {
      const res = await issue(memberId, headers);
      return `${res.statusCode} ${res.statusCode >= 400 ? res.json<{ error: { code: string } }>().error.code : ''}`;
    };
    expect(await codeOf(owner.membership.id, owner.headers)).toBe('409 conflict');
    expect(await codeOf(owner.membership.id, admin.headers)).toBe('403 forbidden');
    expect(await codeOf(nurse.membership.id, admin.headers)).toBe('201 ');
    expect(await codeOf(admin.membership.id, owner.headers)).toBe('201 ');
    const owner2 = await buildMember(db, clock, org.id, 'owner');
    expect(await codeOf(owner2.membership.id, owner.headers)).toBe('201 ');
    const contributor = await buildMember(db, clock, org.id, 'contributor');
    expect(await codeOf(nurse.membership.id, contributor.headers)).toBe('403 forbidden');
    const leaver = await buildMember(db, clock, org.id, 'workforce', '2020-01-01T00:00:00.000Z');
    expect(await codeOf(leaver.membership.id, owner.headers)).toBe('409 conflict');
    // Someone who also belongs to another organization: this one's administrators do not reset
    // what they may do there.
    const elsewhere = await buildOrganization(db, { name: 'Lakeside Pediatrics' });
    await buildMembership(db, elsewhere.id, nurse.user.id, 'owner');
    expect(await codeOf(nurse.membership.id, owner.headers)).toBe('409 conflict');
  });

  it('is checked again when used: refused once the person joined another organization, became an owner, or the issuer left', async () => {
    const { db, org, owner, admin, nurse, issue, complete } = await setUp();
    const linkFor = async (memberId: string, headers: Record<string, string>) =>
      (await issue(memberId, headers)).json<{ link: string }>().link;
    // The person joins another organization after the link was issued.
    const joined = await linkFor(nurse.membership.id, admin.headers);
    const elsewhere = await buildOrganization(db, { name: 'Lakeside Pediatrics' });
    const there = await buildMembership(db, elsewhere.id, nurse.user.id, 'owner');
    expect((await complete(joined)).statusCode).toBe(409);
    await db.deleteFrom('memberships').where('id', '=', there.id).execute();
    // The person becomes an owner: an administrator's link no longer serves.
    const promoted = await linkFor(nurse.membership.id, admin.headers);
    await db
      .updateTable('memberships')
      .set({ role: 'owner' })
      .where('id', '=', nurse.membership.id)
      .execute();
    expect((await complete(promoted)).statusCode).toBe(409);
    await db
      .updateTable('memberships')
      .set({ role: 'workforce' })
      .where('id', '=', nurse.membership.id)
      .execute();
    // The issuer is removed.
    const orphan = await linkFor(nurse.membership.id, admin.headers);
    const removed = await removeMembership(db, org.id, admin.membership.id);
    expect(removed).toBe(1);
    expect((await complete(orphan)).statusCode).toBe(409);
    // Nothing changed: the owner's link works.
    expect((await complete(await linkFor(nurse.membership.id, owner.headers))).statusCode).toBe(
      204,
    );
  });

  it("another organization's member is not found, and an API token never issues a link", async () => {
    const { db, clock, org, owner, issue } = await setUp();
    const other = await buildOrganization(db, { name: 'Lakeside Pediatrics' });
    const stranger = await buildMember(db, clock, other.id, 'workforce');
    expect((await issue(stranger.membership.id, owner.headers)).statusCode).toBe(404);
    const nurse = await buildMember(db, clock, org.id, 'workforce');
    const token = await tokenHeaders(db, clock, owner.user.id, org.id, 'owner');
    expect((await issue(nurse.membership.id, token)).statusCode).toBe(403);
    expect(await db.selectFrom('password_resets').select('token_hash').execute()).toEqual([]);
  });

  it('with SMTP, emails the link to the member: the issuer never sees it, nor the outbox', async () => {
    const smtp = await startTestSmtp();
    try {
      const mailer = createMailer(
        smtp.url,
        'Custos <c@clinic.example>',
        secretBox(TEST_MASTER_KEY),
      );
      const { t, org, owner, nurse, issue, complete } = await setUp(mailer);
      const res = await issue(nurse.membership.id, owner.headers);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ link: null, emailed: true });
      await t.jobs.drain();
      const [message] = await smtp.received(1);
      const link = /(https:\S+reset-password#[\w-]+)/.exec(
        (message ?? '').replace(/=\r?\n/g, ''),
      )?.[1];
      expect(link).toBeDefined();
      const outbox = await t.app.inject({
        url: `/api/orgs/${org.id}/outbox`,
        headers: owner.headers,
      });
      expect(outbox.json<{ data: { body: string | null }[] }>().data).toMatchObject([
        { body: null },
      ]);
      expect((await complete(link ?? null)).statusCode).toBe(204);
    } finally {
      await smtp.close();
    }
  });
});
