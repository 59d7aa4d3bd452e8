import type { Delivery, NotificationKind } from '../../../contracts/notifications';
import type { Db } from '../../platform/db/types';
import type {
  NotificationPreferencesTable,
  NotificationSettingsTable,
  NotificationsTable,
} from './tables';

// The only place that reads and writes the feature's tables (issue 11: one owner per table).
// Every method takes the organization and the person: nobody reads another's notifications.

/** Inserts unless the person already has one with this key; true when inserted. */
export async function insertNotificationOnce(trx: Db, row: NotificationsTable): Promise<boolean> {
  const result = await trx
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Inserts the rows a person does not hold yet (by key), many per statement; how many were new. */
export async function insertNotificationsOnce(
  trx: Db,
  rows: readonly NotificationsTable[],
): Promise<number> {
  let inserted = 0;
  // 200 rows of 14 columns: under SQLite's and PostgreSQL's limits on bound values.
  for (let start = 0; start < rows.length; start += 200) {
    const result = await trx
      .insertInto('notifications')
      .values(rows.slice(start, start + 200))
      .onConflict((oc) => oc.columns(['org_id', 'user_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** The recipient's e-mail when they are a member whose access has not ended. */
export async function findLiveRecipient(
  db: Db,
  orgId: string,
  userId: string,
  now: string,
): Promise<{ email: string; name: string } | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.name'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('memberships.access_expires_at', 'is', null),
        eb('memberships.access_expires_at', '>', now),
      ]),
    )
    .executeTakeFirst();
}

/** A person's name, as notices say who did something ("Dana Whitfield assigned you …"). */
export async function findPersonName(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.name;
}

export async function listNotificationRows(
  db: Db,
  orgId: string,
  userId: string,
  filter: { unread: boolean; before: string | undefined; limit: number },
): Promise<NotificationsTable[]> {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId);
  if (filter.unread) query = query.where('read_at', 'is', null);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findOwnNotification(
  db: Db,
  orgId: string,
  userId: string,
  id: string,
): Promise<NotificationsTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks the person's unread notifications read (one, or all); returns how many changed. */
export async function markRead(
  trx: Db,
  orgId: string,
  userId: string,
  at: string,
  id?: string,
): Promise<number> {
  let query = trx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markEmailed(trx: Db, orgId: string, id: string, at: string): Promise<void> {
  await trx
    .updateTable('notifications')
    .set({ emailed_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

// ---------- preferences ----------

export async function findDelivery(
  db: Db,
  orgId: string,
  userId: string,
  kind: NotificationKind,
): Promise<Delivery | undefined> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('delivery')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.delivery;
}

export async function listPreferenceRows(
  db: Db,
  orgId: string,
  userId: string,
): Promise<NotificationPreferencesTable[]> {
  return db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function upsertPreference(trx: Db, row: NotificationPreferencesTable): Promise<void> {
  await trx
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id', 'kind'])
        .doUpdateSet({ delivery: row.delivery, updated_at: row.updated_at }),
    )
    .execute();
}

export async function findSettings(
  db: Db,
  orgId: string,
  userId: string,
): Promise<NotificationSettingsTable | undefined> {
  return db
    .selectFrom('notification_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertSettings(trx: Db, row: NotificationSettingsTable): Promise<void> {
  await trx
    .insertInto('notification_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id'])
        .doUpdateSet({ digest_hour: row.digest_hour, updated_at: row.updated_at }),
    )
    .execute();
}

/** Which of `keys` the organization's notifications already hold, as `userId key` pairs. */
export async function existingKeys(
  db: Db,
  orgId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  // In slices: SQLite allows at most 32,766 bound values, PostgreSQL 65,535.
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await db
      .selectFrom('notifications')
      .select(['user_id', 'idempotency_key'])
      .where('org_id', '=', orgId)
      .where('idempotency_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(`${row.user_id} ${row.idempotency_key}`);
  }
  return found;
}
