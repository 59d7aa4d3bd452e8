import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SetupBody } from '../../../../contracts/identity';
import type { Role } from '../../../../contracts/roles';
import type { Database } from '../../../db/schema';
import {
  appendAuditEvent,
  type AuditContext,
  type AuditDeps,
} from '../../../platform/audit/append';
import { createSession } from '../../../platform/auth/sessions';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { hashPassword, passwordProblem } from '../passwords';
import {
  claimSetup,
  findUserByEmailKey,
  insertMembership,
  insertOrganization,
  insertUser,
  isSetupDone,
} from '../repository';

export const emailKeyOf = (email: string) => email.trim().toLowerCase();

export interface NewOrganization {
  orgName: string;
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
  const emailKey = emailKeyOf(input.owner.email);
  if (await findUserByEmailKey(trx, emailKey)) {
    throw new AppError('conflict', 'An account with this email address already exists.', [
      { path: 'owner.email', message: 'already has an account' },
    ]);
  }
  const orgId = uuidv7();
  const userId = input.owner.id ?? uuidv7();
  const membershipId = uuidv7();
  await insertUser(trx, {
    id: userId,
    email: input.owner.email.trim(),
    email_key: emailKey,
    name: input.owner.name,
    password_hash: input.owner.passwordHash,
    password_changed_at: now,
    created_at: now,
    totp_secret: null,
    totp_pending_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
  });
  await insertOrganization(trx, {
    id: orgId,
    name: input.orgName,
    time_zone: 'UTC',
    idle_timeout_minutes: 15,
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

/** Checks a new password against the policy; throws a 400 naming `field` and saying why. */
export async function assertPasswordAcceptable(
  field: string,
  password: string,
  context: { email: string; name?: string },
): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem) {
    throw new AppError('validation_failed', `${field} ${problem}.`, [
      { path: field, message: problem },
    ]);
  }
}

export async function setupNeeded(deps: AppDeps): Promise<boolean> {
  return !(await isSetupDone(deps.database.db));
}

/**
 * First run: creates the first organization and its owner and signs the owner in. Refused (409)
 * once setup has happened, even by two requests racing each other.
 */
export async function completeSetup(deps: AppDeps, context: AuditContext, body: SetupBody) {
  const db = deps.database.db;
  if (await isSetupDone(db)) {
    throw alreadySetUp();
  }
  await assertPasswordAcceptable('body.owner.password', body.owner.password, body.owner);
  const passwordHash = await hashPassword(body.owner.password);
  const userId = uuidv7();
  // The person setting up is the actor of everything setup records.
  const asOwner: AuditContext = {
    ...context,
    actor: { type: 'user', id: userId, label: body.owner.email },
  };
  const created = await db.transaction().execute(async (trx) => {
    if (!(await claimSetup(trx, deps.clock.now().toISOString()))) {
      throw alreadySetUp();
    }
    const result = await createOrganizationWithOwner(trx, deps, asOwner, {
      orgName: body.organization.name,
      owner: { ...body.owner, id: userId, passwordHash },
    });
    await appendAuditEvent(trx, deps, asOwner, {
      orgId: result.orgId,
      action: 'setup.completed',
    });
    return result;
  });
  const { token, session } = await createSession(db, deps.clock, {
    userId: created.userId,
    orgId: created.orgId,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  return { ...created, token, session };
}

const alreadySetUp = () => new AppError('conflict', 'Custos is already set up: sign in instead.');

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
  const emailKey = emailKeyOf(input.email);
  if (await findUserByEmailKey(trx, emailKey)) {
    throw new AppError('conflict', `An account with the email ${input.email} already exists.`);
  }
  const userId = uuidv7();
  const membershipId = uuidv7();
  await insertUser(trx, {
    id: userId,
    email: input.email,
    email_key: emailKey,
    name: input.name,
    password_hash: input.passwordHash,
    password_changed_at: now,
    created_at: now,
    totp_secret: null,
    totp_pending_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
  });
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
