import type { Me, Organization } from '../../../contracts/identity';
import { roleOf } from '../../../contracts/roles';
import type {
  InvitationsTable,
  OrganizationsTable,
  OutboxTable,
  SessionsTable,
} from '../../db/schema';
import { statusOf } from './service/invitations';
import type { Principal } from '../../platform/auth/sessions';
import type { MemberRow, MembershipWithOrg } from './repository';

export function presentMe(principal: Principal, memberships: MembershipWithOrg[]): Me {
  return {
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      mfaEnabled: principal.mfaEnabled,
    },
    memberships: memberships.map((m) => ({
      orgId: m.org_id,
      orgName: m.org_name,
      role: roleOf(m.role),
      accessExpiresAt: m.access_expires_at,
      mfaRequired: m.mfa_required === 1,
    })),
    session: presentSessionInfo(principal),
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

export function presentOrganization(org: OrganizationsTable): Organization {
  return {
    id: org.id,
    name: org.name,
    timeZone: org.time_zone,
    idleTimeoutMinutes: org.idle_timeout_minutes,
    mfaRequired: org.mfa_required === 1,
    createdAt: org.created_at,
  };
}

export function presentMember(m: MemberRow) {
  return {
    id: m.id,
    userId: m.user_id,
    name: m.name,
    email: m.email,
    role: roleOf(m.role),
    accessExpiresAt: m.access_expires_at,
    since: m.created_at,
  };
}

export function presentInvitation(row: InvitationsTable, now: Date) {
  return {
    id: row.id,
    email: row.email,
    role: roleOf(row.role),
    accessExpiresAt: row.access_expires_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: statusOf(row, now),
  };
}

export function presentOutboxMessage(row: OutboxTable) {
  return {
    id: row.id,
    to: row.to_email,
    subject: row.subject,
    body: row.body_text,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error,
  };
}
