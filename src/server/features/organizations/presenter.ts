import type { MembershipSummary } from '../../../contracts/auth';
import type {
  Invitation,
  InvitationStatus,
  Member,
  Organization,
} from '../../../contracts/organizations';
import { roleOf } from '../../../contracts/roles';
import type { OutboxTable } from '../../db/schema';
import type { InvitationsTable, OrganizationsTable } from './tables';
import type { MemberRow, MembershipWithOrg } from './repository/memberships';

export function presentMembershipSummary(m: MembershipWithOrg): MembershipSummary {
  return {
    orgId: m.org_id,
    orgName: m.org_name,
    role: roleOf(m.role),
    accessExpiresAt: m.access_expires_at,
    mfaRequired: m.mfa_required === 1,
    timeZone: m.time_zone,
  };
}

export function presentOrganization(org: OrganizationsTable): Organization {
  return {
    id: org.id,
    name: org.name,
    timeZone: org.time_zone,
    idleTimeoutMinutes: org.idle_timeout_minutes,
    mfaRequired: org.mfa_required === 1,
    escalateOverdueAfterDays: org.escalate_overdue_after_days,
    createdAt: org.created_at,
  };
}

export function presentMember(m: MemberRow): Member {
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

export function statusOf(row: InvitationsTable, now: Date): InvitationStatus {
  if (row.accepted_at) {
    return 'accepted';
  }
  if (row.revoked_at) {
    return 'revoked';
  }
  return Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'pending';
}

export function presentInvitation(row: InvitationsTable, now: Date): Invitation {
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
    // A sealed body carries a link only its recipient may use (a password reset): an owner reading
    // it could take over the account (164.312(d)), so the outbox shows that it was sent, not what.
    body: row.sealed === 1 ? null : row.body_text,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error,
  };
}
