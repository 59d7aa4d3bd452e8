import type { Me, MembershipSummary } from '../../../contracts/auth';
import type { PasswordResetNotice } from '../../../contracts/password-reset-notices';
import { roleOf } from '../../../contracts/roles';
import type { ApiTokensTable, SessionsTable } from './tables';
import type { Principal } from '../../platform/auth/sessions';

export function presentMe(
  principal: Principal,
  memberships: MembershipSummary[],
  passwordResetNotices: PasswordResetNotice[],
  endedAccess: Me['endedAccess'],
): Me {
  return {
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      mfaEnabled: principal.mfaEnabled,
    },
    memberships,
    session: presentSessionInfo(principal),
    passwordResetNotices,
    endedAccess,
  };
}

export function presentSessionInfo(principal: Principal): Me['session'] {
  return {
    activeOrgId: principal.activeOrgId,
    authenticatedAt: principal.authenticatedAt,
    idleTimeoutMinutes: principal.idleTimeoutMinutes,
    idleExpiresAt: principal.idleExpiresAt,
    expiresAt: principal.expiresAt,
  };
}

export function presentSession(session: SessionsTable, currentId: string) {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    ip: session.ip,
    userAgent: session.user_agent,
  };
}

export function presentToken(row: ApiTokensTable) {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    role: roleOf(row.role),
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
