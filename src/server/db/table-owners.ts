import type { Database } from './schema';

/**
 * The one feature that owns each table (issue 11): only its repositories write the table, and other
 * features ask it through its service, its manifest's `link`, or one of the reads allowed below.
 * `platform` tables belong to platform modules (the audit trail, mail, throttling, counters).
 * Checked by table-owners.test.ts (repositories) and schema.int.test.ts (the migrated database).
 */
export const TABLE_OWNERS = {
  instance: 'system',
  users: 'auth',
  sessions: 'auth',
  recovery_codes: 'auth',
  password_resets: 'auth',
  api_tokens: 'auth',
  organizations: 'organizations',
  memberships: 'organizations',
  invitations: 'organizations',
  auth_throttle: 'platform',
  outbox: 'platform',
  audit_events: 'platform',
  audit_chain_heads: 'platform',
  audit_checkpoints: 'platform',
  reference_counters: 'platform',
  safeguards: 'safeguards',
  record_links: 'links',
  tasks: 'tasks',
  assets: 'assets',
  data_flows: 'assets',
  risks: 'risks',
  risk_assets: 'risks',
  risk_library_items: 'risks',
  risk_assessments: 'risk-assessments',
  risk_reports: 'risk-assessments',
} as const satisfies Record<keyof Database, string>;

export type TableName = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[TableName];

/** A feature's repository touching a table another feature owns, and why that is right. */
export interface AllowedAccess {
  readonly table: TableName;
  readonly by: readonly string[];
  readonly reason: string;
}

/** Reads across owners. Keep this short: a new entry is a design decision, reviewed as one. */
export const ALLOWED_READS: readonly AllowedAccess[] = [
  {
    table: 'users',
    by: ['organizations', 'tasks', 'assets', 'safeguards', 'risks', 'risk-assessments'],
    reason:
      'the name (and e-mail) of a person a record names (member, official, owner, approver), joined into lists',
  },
  {
    table: 'memberships',
    by: ['assets', 'risk-assessments'],
    reason: "the organization's members: import owners by e-mail, name the approver",
  },
  {
    table: 'organizations',
    by: ['safeguards'],
    reason: 'the organization profile decides which requirements apply to it',
  },
  {
    table: 'audit_events',
    by: ['audit-log', 'safeguards'],
    reason: "the audit log reads the trail; a safeguard's history is the trail of its entity",
  },
  {
    table: 'record_links',
    by: ['tasks'],
    reason: 'the task list filters by a linked record inside its keyset-paged query',
  },
  {
    table: 'assets',
    by: ['risks'],
    reason: 'a risk names the assets it affects (risk_assets): checked and listed with the risk',
  },
];

/** Writes (and reads) across owners: each one is debt with a reason, until the column moves. */
export const ALLOWED_WRITES: readonly AllowedAccess[] = [
  {
    table: 'organizations',
    by: ['risks'],
    reason: "the organization's risk matrix is stored in organizations.risk_matrix",
  },
  {
    table: 'instance',
    by: ['auth'],
    reason: 'first-run setup claims the installation (instance.setup_completed_at)',
  },
];
