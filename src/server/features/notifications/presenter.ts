import type { Notification } from '../../../contracts/notifications';
import type { NotificationsTable } from './tables';

/** A notification as its recipient reads it; `label` is the record's current name, if it has one. */
export function presentNotification(
  row: NotificationsTable,
  label: string | undefined,
): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    record: { type: row.record_type, id: row.record_id, label: label ?? row.title },
    dueOn: row.due_on,
    createdAt: row.created_at,
    readAt: row.read_at,
    emailedAt: row.emailed_at,
    digestedAt: row.digested_at,
  };
}
