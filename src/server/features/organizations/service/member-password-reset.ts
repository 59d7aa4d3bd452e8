import type { IssuedPasswordReset } from '../../../../contracts/password-reset-notices';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { ActingRole } from '../../../platform/auth/acting';
import { requireRecentAuthentication } from '../../../platform/auth/recent';
import type { Principal } from '../../../platform/auth/sessions';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { instantIn } from '../../../platform/words';
import { ISSUED_RESET_HOURS, issuePasswordResetIn } from '../../auth/service/issued-reset';
import { findMembership } from '../repository/memberships';
import { findOrganization } from '../repository/organizations';
import { liveMembershipsOf } from './memberships';

/**
 * An owner or administrator issues a one-time link for a member to set a new password
 * (164.308(a)(5)(ii)(D)). Without SMTP the link is answered once, to hand over in person, and
 * never stored in clear nor put in the outbox; with SMTP it is emailed to the member and the
 * issuer never sees it. The member reads at their next sign-in who issued it and when.
 */
export async function issueMemberPasswordReset(
  deps: AppDeps,
  context: AuditContext,
  issuer: Principal,
  acting: ActingRole,
  orgId: string,
  membershipId: string,
): Promise<IssuedPasswordReset> {
  // The link takes over the account: only a person who just proved who they are issues it.
  requireRecentAuthentication(issuer, deps.clock);
  const db = deps.database.db;
  const member = await findMembership(db, orgId, membershipId);
  if (!member) {
    throw new AppError('not_found', 'No such member.');
  }
  if (member.user_id === issuer.userId) {
    throw new AppError(
      'conflict',
      'You cannot issue a reset link for yourself: change your password in your profile, or use "Forgot your password?" on the sign-in page.',
    );
  }
  if (member.role === 'owner' && !acting.holds('members.manage_owners')) {
    throw new AppError('forbidden', "Only an owner can reset an owner's password.");
  }
  const now = deps.clock.now().toISOString();
  if (member.access_expires_at !== null && member.access_expires_at <= now) {
    throw new AppError('conflict', "This member's access has ended: their password is not reset.");
  }
  // One account may belong to several organizations: an administrator of this one must not take
  // over what the person may do in another (164.308(a)(4): access is granted per organization).
  const elsewhere = (await liveMembershipsOf(db, member.user_id, now)).some(
    (m) => m.orgId !== orgId,
  );
  if (elsewhere) {
    throw new AppError(
      'conflict',
      'This person also belongs to another organization on Custos: they reset their own password ("Forgot your password?" on the sign-in page).',
    );
  }
  const org = await findOrganization(db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  const emailed = deps.mailer.smtp;
  const issued = await db.transaction().execute(async (trx) => {
    const { link, expiresAt } = await issuePasswordResetIn(trx, deps, {
      userId: member.user_id,
      issuedBy: issuer.userId,
      orgId,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'user.password_reset_issued',
      entity: { type: 'user', id: member.user_id },
      changes: {
        user: { after: member.email },
        delivery: { after: emailed ? 'emailed to the member' : 'shown once to the issuer' },
        expiresAt: { after: expiresAt },
      },
    });
    if (emailed) {
      await deps.mailer.queue(trx, deps, {
        orgId,
        to: member.email,
        sealed: true,
        subject: 'Reset your Custos password',
        text: [
          `${issuer.name} (${issuer.email}), an administrator of ${org.name} on Custos, issued a link for you to choose a new password.`,
          '',
          `Choose a new password: ${link}`,
          '',
          `The link works once, until ${instantIn(org.time_zone)(expiresAt)} (${ISSUED_RESET_HOURS} hours). If you did not ask for it, tell your Security Official.`,
        ].join('\n'),
      });
    }
    return { link: emailed ? null : link, emailed, expiresAt };
  });
  return issued;
}
