import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AcceptNewBody, InviteBody } from '../../../../contracts/organizations';
import { roleOf, type Role } from '../../../../contracts/roles';
import type { Database } from '../../../db/schema';
import type { InvitationsTable } from '../tables';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { ActingRole } from '../../../platform/auth/acting';
import { createSession, type Principal } from '../../../platform/auth/sessions';
import { randomToken, sha256Hex } from '../../../platform/crypto/hash';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { instantIn } from '../../../platform/words';
import { hashPassword } from '../../auth/passwords';
import {
  accountIdOf,
  assertPasswordAcceptable,
  createAccountIn,
  emailKeyOf,
} from '../../auth/service/accounts';
import { moveSessionIn } from '../../auth/service/session';
import { presentInvitation, statusOf } from '../presenter';
import {
  closeInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
} from '../repository/invitations';
import { findMembershipOfUser, insertMembership } from '../repository/memberships';
import { findOrganization } from '../repository/organizations';

export const INVITATION_DAYS = 7;
const ROLE_NAMES: Record<Role, string> = {
  owner: 'owner',
  admin: 'administrator',
  security_officer: 'security official',
  privacy_officer: 'privacy official',
  contributor: 'contributor',
  workforce: 'workforce member',
  auditor: 'auditor (read-only)',
};

/**
 * Invites someone by email into `orgId` with `role` (164.308(a)(4)(ii)(B)). Only owners grant
 * ownership; auditors need an end date. The link is valid for seven days and used once.
 */
export async function inviteMember(
  deps: AppDeps,
  context: AuditContext,
  inviter: Principal,
  acting: ActingRole,
  orgId: string,
  body: InviteBody,
) {
  const now = deps.clock.now();
  if (body.role === 'owner' && !acting.holds('members.manage_owners')) {
    throw AppError.field('body.role', 'owner can be granted by owners only');
  }
  if (body.role === 'auditor' && !body.accessExpiresAt) {
    throw AppError.field('body.accessExpiresAt', 'is required for auditors: their access must end');
  }
  if (body.accessExpiresAt && Date.parse(body.accessExpiresAt) <= now.getTime()) {
    throw AppError.field('body.accessExpiresAt', 'must be in the future');
  }
  const db = deps.database.db;
  const existing = await accountIdOf(db, body.email);
  if (existing && (await findMembershipOfUser(db, orgId, existing))) {
    throw new AppError('conflict', 'This person is already a member of the organization.', [
      { path: 'body.email', message: 'is already a member' },
    ]);
  }
  const org = await findOrganization(db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  const token = randomToken(32);
  const row: InvitationsTable = {
    id: uuidv7(),
    org_id: orgId,
    email: body.email,
    email_key: emailKeyOf(body.email),
    role: body.role,
    access_expires_at: body.accessExpiresAt ?? null,
    token_hash: sha256Hex(token),
    invited_by: inviter.userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    accepted_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertInvitation(trx, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'invitation.created',
      entity: { type: 'invitation', id: row.id },
      changes: {
        email: { after: body.email },
        role: { after: body.role },
        accessExpiresAt: { after: row.access_expires_at },
      },
    });
    await deps.mailer.queue(trx, deps, {
      orgId,
      to: body.email,
      subject: `${inviter.name} invites you to ${org.name} on Custos`,
      // The token sits in the URL fragment, which browsers never send to servers or proxies.
      text: [
        `${inviter.name} (${inviter.email}) invites you to join ${org.name} on Custos as ${ROLE_NAMES[body.role]}.`,
        '',
        `Accept the invitation: ${deps.baseUrl}/invitations#${token}`,
        '',
        `The link works once and expires on ${instantIn(org.time_zone)(row.expires_at)}. If you did not expect it, ignore this message.`,
      ].join('\n'),
    });
  });
  return presentInvitation(row, now);
}

export async function getInvitations(deps: AppDeps, orgId: string) {
  const rows = await listInvitations(deps.database.db, orgId);
  const now = deps.clock.now();
  return { data: rows.map((row) => presentInvitation(row, now)) };
}

export async function revokeInvitation(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  invitationId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    if (
      !(await closeInvitation(
        trx,
        orgId,
        invitationId,
        'revoked_at',
        deps.clock.now().toISOString(),
      ))
    ) {
      throw new AppError('not_found', 'No open invitation with this id.');
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'invitation.revoked',
      entity: { type: 'invitation', id: invitationId },
    });
  });
}

async function openInvitation(deps: AppDeps, token: string) {
  const invitation = await findInvitationByTokenHash(deps.database.db, sha256Hex(token));
  if (!invitation) {
    throw new AppError('not_found', 'This invitation link is not valid. Ask for a new invitation.');
  }
  return invitation;
}

/** What the invitation page shows before accepting. */
export async function lookupInvitation(deps: AppDeps, token: string) {
  const invitation = await openInvitation(deps, token);
  const account = await accountIdOf(deps.database.db, invitation.email_key);
  return {
    orgName: invitation.org_name,
    email: invitation.email,
    role: roleOf(invitation.role),
    status: statusOf(invitation, deps.clock.now()),
    accountExists: account !== undefined,
  };
}

function assertPending(invitation: InvitationsTable, now: Date): void {
  const status = statusOf(invitation, now);
  if (status !== 'pending') {
    throw new AppError(
      'conflict',
      status === 'expired'
        ? 'This invitation has expired. Ask for a new one.'
        : `This invitation was already ${status}.`,
    );
  }
}

/** A new person accepts: their account and membership are created and they are signed in. */
export async function acceptAsNewUser(deps: AppDeps, context: AuditContext, body: AcceptNewBody) {
  const invitation = await openInvitation(deps, body.token);
  const now = deps.clock.now();
  assertPending(invitation, now);
  if (await accountIdOf(deps.database.db, invitation.email_key)) {
    throw new AppError(
      'conflict',
      'An account with this email address exists: sign in, then accept the invitation.',
    );
  }
  await assertPasswordAcceptable('body.password', body.password, {
    email: invitation.email,
    name: body.name,
  });
  const passwordHash = await hashPassword(body.password);
  const userId = uuidv7();
  const asNewUser: AuditContext = {
    ...context,
    actor: { type: 'user', id: userId, label: invitation.email },
  };
  await deps.database.db.transaction().execute(async (trx) => {
    if (
      !(await closeInvitation(
        trx,
        invitation.org_id,
        invitation.id,
        'accepted_at',
        now.toISOString(),
      ))
    ) {
      throw new AppError('conflict', 'This invitation was already used.');
    }
    await createAccountIn(
      trx,
      { id: userId, email: invitation.email, name: body.name, passwordHash },
      now.toISOString(),
    );
    await addMember(trx, deps, asNewUser, invitation, userId);
  });
  return createSession(deps.database.db, deps.clock, {
    userId,
    orgId: invitation.org_id,
    ip: context.ip,
    userAgent: context.userAgent,
  });
}

/** A signed-in person accepts an invitation sent to their own email; their session moves there. */
export async function acceptAsMember(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  token: string,
): Promise<string> {
  const invitation = await openInvitation(deps, token);
  const now = deps.clock.now();
  assertPending(invitation, now);
  if (invitation.email_key !== emailKeyOf(principal.email)) {
    throw new AppError(
      'forbidden',
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  return deps.database.db.transaction().execute(async (trx) => {
    if (
      !(await closeInvitation(
        trx,
        invitation.org_id,
        invitation.id,
        'accepted_at',
        now.toISOString(),
      ))
    ) {
      throw new AppError('conflict', 'This invitation was already used.');
    }
    if (await findMembershipOfUser(trx, invitation.org_id, principal.userId)) {
      throw new AppError('conflict', 'You are already a member of this organization.');
    }
    await addMember(trx, deps, context, invitation, principal.userId);
    return moveSessionIn(trx, principal.sessionId, invitation.org_id);
  });
}

async function addMember(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  invitation: InvitationsTable,
  userId: string,
) {
  const membershipId = uuidv7();
  await insertMembership(trx, {
    id: membershipId,
    org_id: invitation.org_id,
    user_id: userId,
    role: invitation.role,
    access_expires_at: invitation.access_expires_at,
    created_at: deps.clock.now().toISOString(),
  });
  await appendAuditEvent(trx, deps, context, {
    orgId: invitation.org_id,
    action: 'membership.created',
    entity: { type: 'membership', id: membershipId },
    changes: {
      user: { after: invitation.email },
      role: { after: invitation.role },
      invitation: { after: invitation.id },
    },
  });
}
