import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/http/errors';
import { findOrganization, listMembers, updateIdleTimeout } from '../repository';

export async function getOrganization(deps: AppDeps, orgId: string) {
  const org = await findOrganization(deps.database.db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  return org;
}

/** Changes the organization's automatic-logoff time (164.312(a)(2)(iii)), recorded with before/after. */
export async function updateSettings(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  settings: { idleTimeoutMinutes: number },
) {
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, orgId);
    if (!before) {
      throw new AppError('not_found', 'No such organization.');
    }
    if (before.idle_timeout_minutes !== settings.idleTimeoutMinutes) {
      await updateIdleTimeout(trx, orgId, settings.idleTimeoutMinutes);
      await appendAuditEvent(trx, deps.clock, context, {
        orgId,
        action: 'organization.settings_changed',
        entity: { type: 'organization', id: orgId },
        changes: {
          idleTimeoutMinutes: {
            before: before.idle_timeout_minutes,
            after: settings.idleTimeoutMinutes,
          },
        },
      });
    }
    return { ...before, idle_timeout_minutes: settings.idleTimeoutMinutes };
  });
}

export async function getMembers(deps: AppDeps, orgId: string) {
  return listMembers(deps.database.db, orgId);
}
