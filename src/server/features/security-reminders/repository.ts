import type { Db } from '../../platform/db/types';
import type {
  SecurityReminderAudienceTable,
  SecurityReminderDeliveriesTable,
  SecurityReminderSendingsTable,
  SecurityRemindersTable,
} from './tables';

// The only place that reads and writes the security reminders' tables (issue 11: one owner per table).

export async function insertReminder(
  trx: Db,
  row: SecurityRemindersTable,
  audience: readonly SecurityReminderAudienceTable[],
): Promise<void> {
  await trx.insertInto('security_reminders').values(row).execute();
  if (audience.length > 0) {
    await trx
      .insertInto('security_reminder_audience')
      .values([...audience])
      .execute();
  }
}

export async function updateReminder(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<Pick<SecurityRemindersTable, 'next_on' | 'stopped_at' | 'updated_at'>>,
): Promise<void> {
  await trx
    .updateTable('security_reminders')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** One reminder of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findReminder(
  db: Db,
  orgId: string,
  id: string,
): Promise<SecurityRemindersTable | undefined> {
  return db
    .selectFrom('security_reminders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listReminders(db: Db, orgId: string): Promise<SecurityRemindersTable[]> {
  return db
    .selectFrom('security_reminders')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('number', 'desc')
    .execute();
}

/** Reminders due on or before `today` and not stopped (the sweep, by index). */
export async function listDueReminders(
  db: Db,
  orgId: string,
  today: string,
): Promise<SecurityRemindersTable[]> {
  return db
    .selectFrom('security_reminders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('next_on', '<=', today)
    .where('stopped_at', 'is', null)
    .orderBy('number')
    .execute();
}

/** How many reminders will still go out (the dashboard's next action). */
export async function countScheduled(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('security_reminders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('next_on', 'is not', null)
    .where('stopped_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listAudience(
  db: Db,
  orgId: string,
  reminderIds: readonly string[],
): Promise<SecurityReminderAudienceTable[]> {
  if (reminderIds.length === 0) return [];
  return db
    .selectFrom('security_reminder_audience')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('reminder_id', 'in', [...reminderIds])
    .execute();
}

/** Inserts a sending unless one exists for the reminder and date; true when this call wrote it. */
export async function insertSendingOnce(
  trx: Db,
  row: SecurityReminderSendingsTable,
): Promise<boolean> {
  const result = await trx
    .insertInto('security_reminder_sendings')
    .values(row)
    .onConflict((oc) => oc.columns(['reminder_id', 'due_on']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setRecipients(
  trx: Db,
  orgId: string,
  sendingId: string,
  recipients: number,
): Promise<void> {
  await trx
    .updateTable('security_reminder_sendings')
    .set({ recipients })
    .where('org_id', '=', orgId)
    .where('id', '=', sendingId)
    .execute();
}

export async function insertDeliveries(
  trx: Db,
  rows: readonly SecurityReminderDeliveriesTable[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await trx
      .insertInto('security_reminder_deliveries')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/** Per reminder: how many sendings, and the last one's instant. */
export async function sendingTotals(db: Db, orgId: string) {
  return db
    .selectFrom('security_reminder_sendings')
    .select((eb) => [
      'reminder_id',
      eb.fn.countAll<number>().as('sendings'),
      eb.fn.max('sent_at').as('last_sent_at'),
    ])
    .where('org_id', '=', orgId)
    .groupBy('reminder_id')
    .execute();
}

/** The newest sendings (all, or one reminder's), with their reminder's reference and title. */
export async function listSendings(db: Db, orgId: string, reminderId?: string, limit = 100) {
  let query = db
    .selectFrom('security_reminder_sendings as s')
    .innerJoin('security_reminders as r', (join) =>
      join.onRef('r.id', '=', 's.reminder_id').onRef('r.org_id', '=', 's.org_id'),
    )
    .select([
      's.id',
      's.reminder_id',
      's.due_on',
      's.sent_at',
      's.recipients',
      'r.number',
      'r.title',
    ])
    .where('s.org_id', '=', orgId);
  if (reminderId) query = query.where('s.reminder_id', '=', reminderId);
  return query.orderBy('s.sent_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
}

export async function listDeliveries(
  db: Db,
  orgId: string,
  sendingIds: readonly string[],
): Promise<SecurityReminderDeliveriesTable[]> {
  if (sendingIds.length === 0) return [];
  return db
    .selectFrom('security_reminder_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('sending_id', 'in', [...sendingIds])
    .orderBy('name')
    .execute();
}

/** What a member received: each delivery to their account, with the reminder's words. */
export async function listReceived(db: Db, orgId: string, userId: string, limit = 100) {
  return db
    .selectFrom('security_reminder_deliveries as d')
    .innerJoin('security_reminder_sendings as s', (join) =>
      join.onRef('s.id', '=', 'd.sending_id').onRef('s.org_id', '=', 'd.org_id'),
    )
    .innerJoin('security_reminders as r', (join) =>
      join.onRef('r.id', '=', 's.reminder_id').onRef('r.org_id', '=', 's.org_id'),
    )
    .select(['d.id', 'r.title', 'r.message', 'r.link_url', 'd.delivered_at'])
    .where('d.org_id', '=', orgId)
    .where('d.user_id', '=', userId)
    .orderBy('d.delivered_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/** Labels of reminders among `ids` (a link end: notifications, the safeguard's links). */
export async function findReminderLabels(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('security_reminders')
    .select(['id', 'number', 'title'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, `SR-${r.number} ${r.title}`]));
}
