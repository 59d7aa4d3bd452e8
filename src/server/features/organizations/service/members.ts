import type { AuditChanges } from '../../../../contracts/audit';
import type { MemberChange } from '../../../../contracts/organizations';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { ActingRole } from '../../../platform/auth/acting';
import { requireRecentAuthentication } from '../../../platform/auth/recent';
import type { Principal } from '../../../platform/auth/sessions';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { endSessionsInOrganizationIn } from '../../auth/service/session';
import { handOnOpenTasksIn } from '../../tasks/handover';
import { memberHolds } from '../../../platform/auth/members';
import { presentMember } from '../presenter';
import {
  countOwners,
  deleteMembership,
  findMembership,
  listMembers,
  updateMembership,
} from '../repository/memberships';

export async function getMembers(deps: AppDeps, orgId: string) {
  return { data: (await listMembers(deps.database.db, orgId)).map(presentMember) };
}

/**
 * Rules shared by changing and removing a member: only owners touch owners, and an organization
 * always keeps at least one owner whose access does not end (an owner whose access has expired
 * counts for nothing).
 */
async function guard(
  deps: AppDeps,
  acting: ActingRole,
  orgId: string,
  membershipId: string,
  losesOwnership: boolean,
  endsAccess = false,
) {
  const db = deps.database.db;
  const member = await findMembership(db, orgId, membershipId);
  if (!member) {
    throw new AppError('not_found', 'No such member.');
  }
  if (member.role === 'owner' && !acting.holds('members.manage_owners')) {
    throw new AppError('forbidden', 'Only an owner can change or remove another owner.');
  }
  if (member.role === 'owner' && (losesOwnership || endsAccess)) {
    const others = await countOwners(db, orgId, {
      at: deps.clock.now().toISOString(),
      except: member.user_id,
    });
    if (others === 0) {
      throw new AppError(
        'conflict',
        losesOwnership
          ? 'An organization needs at least one owner whose access does not end: make someone else owner first.'
          : 'This member is the only owner whose access does not end: their access cannot end until someone else is owner.',
      );
    }
  }
  return member;
}

/**
 * Changes a member's role or access end date. A role change needs a recent sign-in; the member's
 * sessions in this organization end, so the new privileges apply from their next sign-in.
 */
export async function changeMember(
  deps: AppDeps,
  context: AuditContext,
  actor: Principal,
  acting: ActingRole,
  orgId: string,
  membershipId: string,
  change: MemberChange,
) {
  requireRecentAuthentication(actor, deps.clock);
  if (change.role === 'owner' && !acting.holds('members.manage_owners')) {
    throw AppError.field('body.role', 'owner can be granted by owners only');
  }
  const member = await guard(
    deps,
    acting,
    orgId,
    membershipId,
    change.role !== undefined && change.role !== 'owner',
    change.accessExpiresAt !== undefined && change.accessExpiresAt !== null,
  );
  const role = change.role ?? member.role;
  const accessExpiresAt =
    change.accessExpiresAt === undefined ? member.access_expires_at : change.accessExpiresAt;
  if (role === 'auditor' && !accessExpiresAt) {
    throw AppError.field('body.accessExpiresAt', 'is required for auditors: their access must end');
  }
  const changes: AuditChanges = {};
  if (role !== member.role) {
    changes.role = { before: member.role, after: role };
  }
  if (accessExpiresAt !== member.access_expires_at) {
    changes.accessExpiresAt = { before: member.access_expires_at, after: accessExpiresAt };
  }
  if (Object.keys(changes).length === 0) {
    return presentMember(member);
  }
  const at = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await updateMembership(trx, orgId, membershipId, { role, access_expires_at: accessExpiresAt });
    await endSessionsInOrganizationIn(trx, orgId, member.user_id, at);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'membership.changed',
      entity: { type: 'membership', id: membershipId },
      changes: { user: { after: member.email }, ...changes },
    });
    if (!(await memberHolds(trx, orgId, member.user_id, 'tasks.complete'))) {
      await handOnOpenTasksIn(trx, deps, context, orgId, member.user_id);
    }
  });
  return presentMember({ ...member, role, access_expires_at: accessExpiresAt });
}

/** Removes a member: their access ends at once, open sessions included. */
export async function removeMember(
  deps: AppDeps,
  context: AuditContext,
  acting: ActingRole,
  orgId: string,
  membershipId: string,
): Promise<void> {
  const member = await guard(deps, acting, orgId, membershipId, true);
  const at = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await deleteMembership(trx, orgId, membershipId);
    await endSessionsInOrganizationIn(trx, orgId, member.user_id, at);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'membership.removed',
      entity: { type: 'membership', id: membershipId },
      changes: { user: { before: member.email }, role: { before: member.role } },
    });
    await handOnOpenTasksIn(trx, deps, context, orgId, member.user_id);
  });
}
