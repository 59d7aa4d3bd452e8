import type { Feature } from '../platform/feature';
import { FEATURES } from '../features';
import type { Database } from './schema';

/** Tables of platform modules (the audit trail, mail, throttling, counters), owned by no feature. */
export const PLATFORM_TABLES = [
  'auth_throttle',
  'outbox',
  'audit_events',
  'audit_chain_heads',
  'audit_checkpoints',
  'reference_counters',
  'jobs',
  'job_keys',
  'job_schedule_runs',
] as const satisfies readonly (keyof Database)[];

/** Tables only SQLite has: on PostgreSQL pg-boss keeps background jobs in its own schema. */
export const SQLITE_ONLY_TABLES: readonly (keyof Database)[] = ['jobs'];

export type TableName = keyof Database;

/**
 * The owner of each table from the features' manifests (`tables`) and the platform's list; a table
 * claimed twice is a programming error.
 */
export function tableOwners(features: readonly Feature[]): Readonly<Record<string, string>> {
  const owners: Record<string, string> = {};
  const claim = (table: string, owner: string) => {
    const before = owners[table];
    if (before !== undefined) {
      throw new Error(`Table "${table}" is claimed by ${before} and ${owner}`);
    }
    owners[table] = owner;
  };
  for (const table of PLATFORM_TABLES) claim(table, 'platform');
  for (const feature of features) {
    for (const table of feature.tables ?? []) claim(table, feature.name);
  }
  return owners;
}

/**
 * The one feature that owns each table (issue 11): only its repositories write the table, and other
 * features ask it through its service, its manifest's `link`, or one of the reads allowed below.
 * `platform` tables belong to platform modules. Checked by table-owners.test.ts (repositories) and
 * schema.int.test.ts (every table of the migrated database has exactly one owner).
 */
export const TABLE_OWNERS = tableOwners(FEATURES);

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
    by: [
      'organizations',
      'tasks',
      'assets',
      'safeguards',
      'risks',
      'risk-assessments',
      'notifications',
      'documents',
      'retention',
      'evidence',
      'attestations',
      'people',
      'sanctions',
      'incidents',
    ],
    reason:
      'the name (and e-mail) of a person a record names (member, official, owner, approver), joined into lists; the address a notification is emailed to',
  },
  {
    table: 'memberships',
    by: [
      'assets',
      'risk-assessments',
      'notifications',
      'documents',
      'attestations',
      'people',
      'training',
    ],
    reason:
      "the organization's members: import owners by e-mail, name the approver (and a policy's people); nobody whose access ended is notified, and the digest goes to every live member at their hour; who must acknowledge a policy is each live member of its audience; a roster entry links the member with its e-mail, never another organization's; training assigned by role reads the role of each roster person's account",
  },
  {
    table: 'people',
    by: ['training', 'sanctions'],
    reason:
      'training is assigned to roster people (by department, role or name) and its completion rates group by department and person in one SQL query (20,000 people × 8 courses under 100 ms); a sanction record is joined to its person for the Custos account that acknowledges it',
  },
  {
    table: 'audit_events',
    by: ['incidents'],
    reason:
      'mean time to contain reads when each incident first became contained from its status changes in the trail, which no column repeats (164.312(b))',
  },
  {
    table: 'departments',
    by: ['training'],
    reason: "an assignment's audience and the completion report name departments",
  },
  {
    table: 'organizations',
    by: ['safeguards', 'notifications', 'incidents'],
    reason:
      "the organization profile decides which requirements apply to it; the digest runs at each organization's local hour (time_zone); the anonymous report form names the organization its link belongs to",
  },
  {
    table: 'audit_events',
    by: ['audit-log', 'safeguards', 'risk-assessments'],
    reason:
      "the audit log reads the trail; a safeguard's history is the trail of its entity; the significant changes an approval covers are the analysis's own change_recorded events",
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
