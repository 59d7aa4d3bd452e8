import type { Asset, DataFlow } from '../../contracts/assets';
import type { ActorType, AuditAction, AuditOutcome } from '../../contracts/audit';
import type { LinkType } from '../../contracts/links';
import type { EntityType, OrganizationSize } from '../../contracts/organizations';
import type { Assessment } from '../../contracts/risk-assessments';
import type { LibraryItemBody, Threat } from '../../contracts/risk-library';
import type { Risk } from '../../contracts/risks';
import type { Role } from '../../contracts/roles';
import type { Safeguard, SafeguardStatus } from '../../contracts/safeguards';
import type { Task } from '../../contracts/tasks';

/**
 * Kysely's view of the tables. Instants are ISO-8601 UTC strings on both databases (design.md §6.7):
 * PostgreSQL's timestamptz is parsed back into that form by the driver set-up in platform/db.
 * Flags are integers 0/1 on both databases (SQLite has no boolean type). Enumerated text columns
 * carry their contract's union (the API validates what is written); JSON text columns are read
 * through platform/db/json-columns.ts. schema.int.test.ts compares this file with the migrated
 * database, table by table and column by column.
 */
export interface Database {
  instance: InstanceTable;
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  recovery_codes: RecoveryCodesTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  safeguards: SafeguardsTable;
  record_links: RecordLinksTable;
  tasks: TasksTable;
  reference_counters: ReferenceCountersTable;
  assets: AssetsTable;
  data_flows: DataFlowsTable;
  risk_library_items: RiskLibraryItemsTable;
  risk_assessments: RiskAssessmentsTable;
  risks: RisksTable;
  risk_assets: RiskAssetsTable;
  risk_reports: RiskReportsTable;
}

export interface InstanceTable {
  singleton: number;
  id: string;
  created_at: string;
  setup_completed_at: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  email_key: string;
  name: string;
  password_hash: string;
  password_changed_at: string;
  created_at: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  time_zone: string;
  idle_timeout_minutes: number;
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

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  authenticated_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  mfa_pending: number;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface AuditEventsTable {
  id: string;
  chain: string;
  seq: number;
  org_id: string | null;
  occurred_at: string;
  actor_type: ActorType;
  actor_id: string | null;
  actor_label: string | null;
  action: AuditAction;
  entity_type: string | null;
  entity_id: string | null;
  /** JSON object of changed fields, each with its value before and after (canonical JSON). */
  changes: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  chain: string;
  seq: number;
  hash: string;
  /** First sequence number whose link is an HMAC under the master-derived key; null until sealed. */
  keyed_from: number | null;
  /** HMAC of (chain, seq, hash, keyed_from) under the head key; null until sealed. */
  mac: string | null;
}

export interface AuditCheckpointsTable {
  id: string;
  taken_at: string;
  reason: 'command' | 'export' | 'schedule';
  payload: string;
  signature: string;
  public_key: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
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

export interface OutboxTable {
  id: string;
  org_id: string | null;
  to_email: string;
  subject: string;
  body_text: string;
  created_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  error: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  role: Role;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SafeguardsTable {
  id: string;
  org_id: string;
  requirement_id: string;
  status: SafeguardStatus;
  owner_id: string | null;
  statement: string;
  review_interval_months: number | null;
  next_review_on: string | null;
  decision: NonNullable<Safeguard['decision']>['decision'] | null;
  decision_rationale: string | null;
  decision_alternative: string | null;
  decision_approved_by: string | null;
  decision_approved_on: string | null;
  decision_basis: string | null;
  updated_at: string;
}

export interface RecordLinksTable {
  id: string;
  org_id: string;
  from_type: LinkType;
  from_id: string;
  to_type: LinkType;
  to_id: string;
  label: string | null;
  created_at: string;
  created_by: string | null;
}

export interface TasksTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  description: string;
  owner_id: string | null;
  due_on: string | null;
  /** due_on, or 9999-12-31 when undated (the list's sort key). */
  due_key: string;
  status: Task['status'];
  priority: Task['priority'];
  recurrence: string | null;
  completion_note: string | null;
  evidence_url: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface ReferenceCountersTable {
  org_id: string;
  kind: string;
  last: number;
}

export interface AssetsTable {
  id: string;
  org_id: string;
  number: number;
  kind: Asset['kind'];
  name: string;
  description: string;
  owner_id: string | null;
  location: string;
  vendor: string;
  /** JSON array of ePHI roles. */
  ephi_roles: string;
  holds_ephi: number;
  record_count: number | null;
  criticality: Asset['criticality'];
  encryption_at_rest: Asset['encryptionAtRest'];
  encryption_in_transit: Asset['encryptionInTransit'];
  mfa: Asset['mfa'];
  backup: Asset['backup'];
  lifecycle: Asset['lifecycle'];
  created_at: string;
  updated_at: string;
}

export interface DataFlowsTable {
  id: string;
  org_id: string;
  number: number;
  from_asset_id: string;
  to_asset_id: string;
  ephi: string;
  protocol: string;
  encrypted: DataFlow['encrypted'];
  external: number;
  created_at: string;
  updated_at: string;
}

export interface RiskLibraryItemsTable {
  id: string;
  org_id: string;
  key: string;
  kind: LibraryItemBody['kind'];
  title: string;
  description: string;
  source_type: Threat['sourceType'] | null;
  /** JSON array of citations. */
  requirements: string;
  /** JSON array of vulnerability keys. */
  vulnerabilities: string;
  created_at: string;
}

export interface RiskAssessmentsTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  scope: string;
  method: string;
  /** JSON array of { name, role }. */
  participants: string;
  starts_on: string | null;
  ends_on: string | null;
  status: Assessment['status'];
  based_on_id: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approval_note: string | null;
  /** JSON, frozen on approval. */
  matrix: string | null;
  /** JSON, frozen on approval. */
  snapshot: string | null;
  /** JSON open risks per level, at approval. */
  level_counts: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface RisksTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  description: string;
  status: Risk['status'];
  owner_id: string | null;
  threat_id: string | null;
  vulnerability_id: string | null;
  likelihood: number | null;
  impact: number | null;
  inherent_level: number | null;
  rating_rationale: string;
  treatment: Risk['treatment'];
  treatment_plan: string;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_level: number | null;
  residual_rationale: string;
  accepted_by: string | null;
  accepted_on: string | null;
  acceptance_expires_on: string | null;
  identified_on: string;
  last_reviewed_on: string | null;
  next_review_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskAssetsTable {
  org_id: string;
  risk_id: string;
  asset_id: string;
}

export interface RiskReportsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  sha256: string;
  size: number;
  content: Buffer;
  created_at: string;
}
