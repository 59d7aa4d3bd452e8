import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../../contracts/roles';
import type { Database } from '../../../db/schema';
import {
  appendAuditEvent,
  type AuditContext,
  type AuditDeps,
} from '../../../platform/audit/append';
import { AppError } from '../../../platform/errors';
import { accountIdOf, createAccountIn } from '../../auth/service/accounts';
import { insertMembership } from '../repository/memberships';
import { insertOrganization } from '../repository/organizations';

export interface NewOrganization {
  orgName: string;
  /** The IANA time zone its dates are shown in; UTC until the profile says otherwise. */
  timeZone?: string;
  /** The owner's id when the caller needs it beforehand (to name them as the actor). */
  owner: { id?: string; name: string; email: string; passwordHash: string };
}

/**
 * Creates an organization, its owner's account and the owner membership, with their audit events,
 * inside the caller's transaction. Refuses an email that already has an account.
 */
export async function createOrganizationWithOwner(
  trx: Transaction<Database>,
  deps: AuditDeps,
  context: AuditContext,
  input: NewOrganization,
): Promise<{ orgId: string; userId: string }> {
  const now = deps.clock.now().toISOString();
  if (await accountIdOf(trx, input.owner.email)) {
    throw new AppError('conflict', 'An account with this email address already exists.', [
      { path: 'owner.email', message: 'already has an account' },
    ]);
  }
  const orgId = uuidv7();
  const userId = input.owner.id ?? uuidv7();
  const membershipId = uuidv7();
  await createAccountIn(
    trx,
    {
      id: userId,
      email: input.owner.email.trim(),
      name: input.owner.name,
      passwordHash: input.owner.passwordHash,
    },
    now,
  );
  await insertOrganization(trx, {
    id: orgId,
    name: input.orgName,
    time_zone: input.timeZone ?? 'UTC',
    idle_timeout_minutes: 15,
    escalate_overdue_after_days: 7,
    mfa_required: 0,
    created_at: now,
  });
  await insertMembership(trx, {
    id: membershipId,
    org_id: orgId,
    user_id: userId,
    role: 'owner',
    access_expires_at: null,
    created_at: now,
  });
  const audit = (entry: Parameters<typeof appendAuditEvent>[3]) =>
    appendAuditEvent(trx, deps, context, entry);
  await audit({
    orgId,
    action: 'organization.created',
    entity: { type: 'organization', id: orgId },
    changes: { name: { after: input.orgName } },
  });
  await audit({
    orgId,
    action: 'user.created',
    entity: { type: 'user', id: userId },
    changes: { email: { after: input.owner.email }, name: { after: input.owner.name } },
  });
  await audit({
    orgId,
    action: 'membership.created',
    entity: { type: 'membership', id: membershipId },
    changes: { user: { after: input.owner.email }, role: { after: 'owner' } },
  });
  return { orgId, userId };
}

/**
 * Creates an account with a password and makes it a member of an organization (operator tools
 * such as `custos demo`; people joining through the app use invitations).
 */
export async function createMemberAccount(
  trx: Transaction<Database>,
  deps: AuditDeps,
  context: AuditContext,
  orgId: string,
  input: {
    name: string;
    email: string;
    passwordHash: string;
    role: Role;
    accessExpiresAt?: string;
  },
): Promise<string> {
  const now = deps.clock.now().toISOString();
  if (await accountIdOf(trx, input.email)) {
    throw new AppError('conflict', `An account with the email ${input.email} already exists.`);
  }
  const userId = uuidv7();
  const membershipId = uuidv7();
  await createAccountIn(
    trx,
    { id: userId, email: input.email, name: input.name, passwordHash: input.passwordHash },
    now,
  );
  await insertMembership(trx, {
    id: membershipId,
    org_id: orgId,
    user_id: userId,
    role: input.role,
    access_expires_at: input.accessExpiresAt ?? null,
    created_at: now,
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'membership.created',
    entity: { type: 'membership', id: membershipId },
    changes: { user: { after: input.email }, role: { after: input.role } },
  });
  return userId;
}
