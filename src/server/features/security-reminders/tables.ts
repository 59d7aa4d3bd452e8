import type { ReminderChannel, ReminderSchedule } from '../../../contracts/security-reminders';

// The security reminders' tables, added to the database type (Kysely's `Database`) from here, so
// that a feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    security_reminders: SecurityRemindersTable;
    security_reminder_audience: SecurityReminderAudienceTable;
    security_reminder_sendings: SecurityReminderSendingsTable;
    security_reminder_deliveries: SecurityReminderDeliveriesTable;
  }
}

export interface SecurityRemindersTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  message: string;
  link_url: string | null;
  schedule: ReminderSchedule;
  starts_on: string;
  /** The next sending (organization's calendar date); null once a one-off was sent, or stopped. */
  next_on: string | null;
  stopped_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** A row per membership role, department or roster person a reminder goes to. */
export interface SecurityReminderAudienceTable {
  id: string;
  org_id: string;
  reminder_id: string;
  role: string | null;
  department_id: string | null;
  person_id: string | null;
}

/** One sending of a reminder, for its due date. */
export interface SecurityReminderSendingsTable {
  id: string;
  org_id: string;
  reminder_id: string;
  due_on: string;
  sent_at: string;
  recipients: number;
}

/** Who got a sending, and how. */
export interface SecurityReminderDeliveriesTable {
  id: string;
  org_id: string;
  sending_id: string;
  person_id: string | null;
  user_id: string | null;
  /** The name as it was when sent. */
  name: string;
  channel: ReminderChannel;
  delivered_at: string;
}
