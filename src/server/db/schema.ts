import type { ActorType, AuditAction, AuditOutcome } from '../../contracts/audit';

/**
 * Kysely's view of the tables. Instants are ISO-8601 UTC strings on both databases (design.md §6.7):
 * PostgreSQL's timestamptz is parsed back into that form by the driver set-up in platform/db.
 * Flags are integers 0/1 on both databases (SQLite has no boolean type). Enumerated text columns
 * carry their contract's union (the API validates what is written); JSON text columns are read
 * through platform/db/json-columns.ts. This file declares the platform's tables; each feature adds its
 * own in `features/<feature>/tables.ts` by augmenting this interface (issue 11), so a new feature
 * edits nothing here. schema.int.test.ts compares the whole interface with the migrated database,
 * table by table and column by column.
 */
export interface Database {
  auth_throttle: AuthThrottleTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  reference_counters: ReferenceCountersTable;
  /** SQLite only: on PostgreSQL pg-boss keeps jobs in its own schema (platform/jobs). */
  jobs: JobsTable;
  job_keys: JobKeysTable;
  job_schedule_runs: JobScheduleRunsTable;
}

export interface JobsTable {
  id: string;
  queue: string;
  /** JSON of a JobPayload. */
  payload: string;
  state: 'waiting' | 'running' | 'retrying' | 'done' | 'dead' | 'cancelled';
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  run_after: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  last_error: string | null;
}

export interface JobKeysTable {
  queue: string;
  key: string;
  created_at: string;
}

export interface JobScheduleRunsTable {
  schedule: string;
  due_at: string;
  enqueued_at: string;
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

export interface OutboxTable {
  id: string;
  org_id: string | null;
  to_email: string;
  subject: string;
  body_text: string;
  /** The HTML part, when the message has one (migration 0016). */
  body_html: string | null;
  created_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  error: string | null;
  /** 1: body_text is sealed (deps.secrets, purpose `outbox-body`) and never shown. */
  sealed: number;
}

export interface ReferenceCountersTable {
  org_id: string;
  kind: string;
  last: number;
}
