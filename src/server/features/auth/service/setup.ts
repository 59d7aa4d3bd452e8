import { v7 as uuidv7 } from 'uuid';
import type { SetupBody } from '../../../../contracts/auth';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import { createSession } from '../../../platform/auth/sessions';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { createOrganizationWithOwner } from '../../organizations/service/new-organization';
import { hashPassword } from '../passwords';
import { claimSetup, isSetupDone } from '../repository/setup';
import { assertPasswordAcceptable } from './accounts';

export async function setupState(deps: AppDeps): Promise<{ needed: boolean }> {
  return { needed: !(await isSetupDone(deps.database.db)) };
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
      ...(body.organization.timeZone ? { timeZone: body.organization.timeZone } : {}),
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
