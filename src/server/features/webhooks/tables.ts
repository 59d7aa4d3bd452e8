// The webhooks tables' rows, added to the database type (Kysely's `Database`) from here, so that a
// feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    webhook_endpoints: WebhookEndpointsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_attempts: WebhookAttemptsTable;
  }
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  event_types: string;
  /** 0/1. */
  active: number;
  /** Why it was turned off by Custos ('gone'), or null. */
  disabled_reason: string | null;
  /** The signing secret (whsec_…), sealed by the secret box. */
  secret_sealed: string;
  /** The secret before the last rotation, still signing until previous_secret_expires_at. */
  previous_secret_sealed: string | null;
  previous_secret_expires_at: string | null;
  /**
   * 0/1: the demo clinic's endpoint may reach a local address (issue 13, part 7); set only by the
   * demo, cleared when the address changes.
   */
  demo_local: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  endpoint_id: string;
  /** An audit action, or webhook.test. */
  event_type: string;
  /** The audit event reported; null for a test send. */
  event_id: string | null;
  /** The body sent, as JSON text: ids and references only; never parsed, sent as stored. */
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  org_id: string;
  delivery_id: string;
  attempt: number;
  at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  next_attempt_at: string | null;
}
