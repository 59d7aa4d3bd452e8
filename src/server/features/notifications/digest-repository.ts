import { DEFAULT_DIGEST_HOUR } from '../../../contracts/notifications';
import type { Db } from '../../platform/db/types';
import type { NotificationDigestsTable, NotificationsTable } from './tables';

// The digest's reads and writes. Reading every organization's zone is the sweep's nature: it
// runs for the installation, then works one organization and one person at a time.

export async function listOrganizationZonesForDigest(
  db: Db,
): Promise<{ id: string; time_zone: string }[]> {
  return db.selectFrom('organizations').select(['id', 'time_zone']).orderBy('id').execute();
}

/** Members whose access is live and whose digest hour (theirs, or the default) is `hour`. */
export async function listDigestRecipients(
  db: Db,
  orgId: string,
  hour: number,
  now: string,
): Promise<{ user_id: string; email: string; name: string }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('notification_settings', (join) =>
      join
        .onRef('notification_settings.org_id', '=', 'memberships.org_id')
        .onRef('notification_settings.user_id', '=', 'memberships.user_id'),
    )
    .select(['memberships.user_id', 'users.email', 'users.name'])
    .where('memberships.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('memberships.access_expires_at', 'is', null),
        eb('memberships.access_expires_at', '>', now),
      ]),
    )
    .where(
      (eb) => eb.fn.coalesce('notification_settings.digest_hour', eb.val(DEFAULT_DIGEST_HOUR)),
      '=',
      hour,
    )
    .orderBy('memberships.user_id')
    .execute();
}

/** The person's notifications waiting for a digest, oldest first (at most `limit`). */
export async function listPendingDigest(
  db: Db,
  orgId: string,
  userId: string,
  limit: number,
): Promise<NotificationsTable[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('digest_pending', '=', 1)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markDigested(
  trx: Db,
  orgId: string,
  userId: string,
  ids: readonly string[],
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('notifications')
    .set({ digest_pending: 0, digested_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', 'in', ids)
    .execute();
}

/** Records the person's digest of a local day; false when one was sent already (idempotent). */
export async function insertDigestOnce(trx: Db, row: NotificationDigestsTable): Promise<boolean> {
  const result = await trx
    .insertInto('notification_digests')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'local_day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
