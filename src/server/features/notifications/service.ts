import type { LinkType } from '../../../contracts/links';
import type { NotificationPage, NotificationQuery } from '../../../contracts/notifications';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { presentNotification } from './presenter';
import { countUnread, findOwnNotification, listNotificationRows, markRead } from './repository';
import type { NotificationsTable } from './tables';

/** The records' current names, one query per type through the links registry (issue 11). */
async function labelsOf(
  db: Db,
  deps: AppDeps,
  orgId: string,
  rows: readonly NotificationsTable[],
): Promise<Map<string, string>> {
  const byType = new Map<LinkType, string[]>();
  for (const row of rows) {
    byType.set(row.record_type, [...(byType.get(row.record_type) ?? []), row.record_id]);
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of byType) {
    const target = deps.links.target(type);
    if (!target) continue;
    const existing = await target.exists(db, orgId, ids);
    const found = await target.labels(db, orgId, [...existing]);
    for (const [id, label] of found) labels.set(`${type}:${id}`, label);
  }
  return labels;
}

/** The person's own notifications, newest first, and how many are unread. */
export async function listMyNotifications(
  deps: AppDeps,
  orgId: string,
  userId: string,
  query: NotificationQuery,
): Promise<NotificationPage> {
  const db = deps.database.db;
  const rows = await listNotificationRows(db, orgId, userId, {
    unread: query.unread === 'true',
    before: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const labels = await labelsOf(db, deps, orgId, page);
  const last = page.at(-1);
  return {
    data: page.map((row) =>
      presentNotification(row, labels.get(`${row.record_type}:${row.record_id}`)),
    ),
    unreadCount: await countUnread(db, orgId, userId),
    nextCursor: rows.length > query.limit && last ? last.id : null,
  };
}

/** Marks one of the person's notifications read; another's answers 404 (164.308(a)(4)). */
export async function markNotificationRead(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  userId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await findOwnNotification(trx, orgId, userId, id);
    if (!row) throw new AppError('not_found', 'No such notification.');
    const at = deps.clock.now().toISOString();
    await markRead(trx, orgId, userId, at, id);
    // 164.312(b): every write is in the trail, even a person's own reading state.
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'notification.read',
      entity: { type: 'notification', id },
      changes: { readAt: { before: row.read_at, after: row.read_at ?? at } },
    });
  });
}

/** Marks every unread notification of the person read: one audit event with the count. */
export async function markAllNotificationsRead(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  userId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const count = await markRead(trx, orgId, userId, deps.clock.now().toISOString());
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'notifications.read_all',
      entity: { type: 'user', id: userId },
      changes: { marked: { after: count } },
    });
  });
}
