import type { LinkType } from '../../../contracts/links';
import type { Delivery, NotificationKind } from '../../../contracts/notifications';

// The feature's tables, added to the database type (Kysely's `Database`) from here, so that a
// feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    notifications: NotificationsTable;
    notification_preferences: NotificationPreferencesTable;
    notification_settings: NotificationSettingsTable;
    notification_digests: NotificationDigestsTable;
  }
}

/** One notice to one person; never PHI (a record's name at most). */
export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: NotificationKind;
  record_type: LinkType;
  record_id: string;
  title: string;
  due_on: string | null;
  /** Unique per (org, user): the same reminder for the same thing and due date, once ever. */
  idempotency_key: string;
  created_at: string;
  read_at: string | null;
  /** Sent by email at once (the recipient's choice for the kind). */
  emailed_at: string | null;
  /** Left for the digest: null until a digest carried it; 'off' kinds are never digested. */
  digest_pending: number;
  digested_at: string | null;
}

/** A person's choice for one kind in one organization; no row is the default. */
export interface NotificationPreferencesTable {
  org_id: string;
  user_id: string;
  kind: NotificationKind;
  delivery: Delivery;
  updated_at: string;
}

/** A person's digest hour in one organization; no row is the default hour. */
export interface NotificationSettingsTable {
  org_id: string;
  user_id: string;
  digest_hour: number;
  updated_at: string;
}

/** The digest sent to a person for a local day: one, ever. */
export interface NotificationDigestsTable {
  org_id: string;
  user_id: string;
  local_day: string;
  sent_at: string;
  items: number;
}
