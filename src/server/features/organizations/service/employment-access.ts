import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { AppDeps } from '../../../platform/deps';
import { endSessionsInOrganizationIn } from '../../auth/service/session';
import { handOnOpenTasksIn } from '../../tasks/handover';
import { AppError } from '../../../platform/errors';
import { countOwners, findMembershipOfUser, updateMembership } from '../repository/memberships';

/** A member's access as the end of their employment found it. */
export interface AccessBefore {
  readonly membershipId: string;
  readonly accessExpiresAt: string | null;
}

/**
 * Ends a member's access at `at` (the end of their last day worked), in the caller's transaction,
 * unless it already ends sooner; returns what it was, or null when the user is no member.
 * 164.308(a)(3)(ii)(C): access ends when employment ends. The live-membership check reads the
 * expiry, so sessions and tokens stop at that instant even before `cutOffIn` runs.
 */
export async function endAccessAtIn(
  trx: Transaction<Database>,
  orgId: string,
  userId: string,
  at: string,
): Promise<AccessBefore | null> {
  const membership = await findMembershipOfUser(trx, orgId, userId);
  if (!membership) return null;
  // An organization always keeps an owner (members.ts#guard): ending the only owner's employment
  // would leave nobody able to manage owners, billing of access, or the organization itself.
  if (
    membership.role === 'owner' &&
    (await countOwners(trx, orgId, { at, except: userId })) === 0
  ) {
    throw new AppError(
      'conflict',
      'This person is the organization’s only owner in Custos: their access would end with their employment. Make another member owner first.',
    );
  }
  const before = { membershipId: membership.id, accessExpiresAt: membership.access_expires_at };
  if (membership.access_expires_at === null || membership.access_expires_at > at) {
    await updateMembership(trx, orgId, membership.id, { access_expires_at: at });
  }
  return before;
}

/** Puts back a member's access end as it was before their employment ended (a rehire). */
export async function restoreAccessIn(
  trx: Transaction<Database>,
  orgId: string,
  membershipId: string,
  accessExpiresAt: string | null,
): Promise<void> {
  await updateMembership(trx, orgId, membershipId, { access_expires_at: accessExpiresAt });
}

/**
 * Once the access end has passed: ends the member's sessions in the organization, hands on their
 * open tasks and records it (the scheduled job, or at once for a past end date).
 */
export async function cutOffIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  userId: string,
): Promise<boolean> {
  const membership = await findMembershipOfUser(trx, orgId, userId);
  const now = deps.clock.now().toISOString();
  const expires = membership?.access_expires_at ?? null;
  if (!membership || expires === null || expires > now) return false;
  await endSessionsInOrganizationIn(trx, orgId, userId, now);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'membership.access_ended',
    entity: { type: 'membership', id: membership.id },
    changes: { accessExpiresAt: { after: membership.access_expires_at } },
  });
  await handOnOpenTasksIn(trx, deps, context, orgId, userId);
  return true;
}
