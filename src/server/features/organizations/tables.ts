import type { EntityType, OrganizationSize } from '../../../contracts/organizations';
import type { Role } from '../../../contracts/roles';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    organizations: OrganizationsTable;
    memberships: MembershipsTable;
    invitations: InvitationsTable;
  }
}

export interface OrganizationsTable {
  id: string;
  name: string;
  time_zone: string;
  idle_timeout_minutes: number;
  /** Days a task may be overdue before the Security Official is told (default 7). */
  escalate_overdue_after_days: number;
  mfa_required: number;
  created_at: string;
  entity_type: EntityType | null;
  includes_group_health_plan: number;
  includes_clearinghouse: number;
  size: OrganizationSize | null;
  /** JSON array of location names. */
  locations: string;
  /** JSON risk matrix; null = the default. */
  risk_matrix: string | null;
  security_official_id: string | null;
  security_official_since: string | null;
  privacy_official_id: string | null;
  privacy_official_since: string | null;
}

export interface MembershipsTable {
  id: string;
  org_id: string;
  user_id: string;
  role: Role;
  access_expires_at: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  email_key: string;
  role: Role;
  access_expires_at: string | null;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
