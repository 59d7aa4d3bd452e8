import type { AuditChanges } from '../../../../contracts/audit';
import type { Organization, OrganizationSettings } from '../../../../contracts/organizations';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { Principal } from '../../../platform/auth/sessions';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { presentOrganization } from '../presenter';
import { findOrganization, updateOrganizationSettings } from '../repository/organizations';

export async function getOrganization(deps: AppDeps, orgId: string): Promise<Organization> {
  const org = await findOrganization(deps.database.db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  return presentOrganization(org);
}

/**
 * Changes security settings, each recorded with before/after: automatic logoff
 * (164.312(a)(2)(iii)) and whether members must use a second factor (164.312(d)).
 */
export async function updateSettings(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  orgId: string,
  settings: OrganizationSettings,
): Promise<Organization> {
  if (settings.mfaRequired === true && !principal.mfaEnabled) {
    throw new AppError(
      'conflict',
      'Set up two-factor authentication for yourself before requiring it of everyone.',
    );
  }
  const org = await deps.database.db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, orgId);
    if (!before) {
      throw new AppError('not_found', 'No such organization.');
    }
    const after = {
      idle_timeout_minutes: settings.idleTimeoutMinutes ?? before.idle_timeout_minutes,
      mfa_required:
        settings.mfaRequired === undefined ? before.mfa_required : settings.mfaRequired ? 1 : 0,
      escalate_overdue_after_days:
        settings.escalateOverdueAfterDays ?? before.escalate_overdue_after_days,
    };
    const changes: AuditChanges = {};
    if (after.idle_timeout_minutes !== before.idle_timeout_minutes) {
      changes.idleTimeoutMinutes = {
        before: before.idle_timeout_minutes,
        after: after.idle_timeout_minutes,
      };
    }
    if (after.escalate_overdue_after_days !== before.escalate_overdue_after_days) {
      changes.escalateOverdueAfterDays = {
        before: before.escalate_overdue_after_days,
        after: after.escalate_overdue_after_days,
      };
    }
    if (after.mfa_required !== before.mfa_required) {
      changes.mfaRequired = { before: before.mfa_required === 1, after: after.mfa_required === 1 };
    }
    if (Object.keys(changes).length > 0) {
      await updateOrganizationSettings(trx, orgId, after);
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'organization.settings_changed',
        entity: { type: 'organization', id: orgId },
        changes,
      });
    }
    return { ...before, ...after };
  });
  return presentOrganization(org);
}
