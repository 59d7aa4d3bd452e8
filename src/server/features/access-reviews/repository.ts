import type { Db } from '../../platform/db/types';
import type { AccessGrantsTable, AccessReviewItemsTable, AccessReviewsTable } from './tables';

// The only place that reads and writes the access grants and reviews tables (issue 11).

export async function insertGrant(trx: Db, row: AccessGrantsTable): Promise<void> {
  await trx.insertInto('access_grants').values(row).execute();
}

export async function findGrant(
  db: Db,
  orgId: string,
  id: string,
): Promise<AccessGrantsTable | undefined> {
  return db
    .selectFrom('access_grants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listGrants(
  db: Db,
  orgId: string,
  filter: { personId?: string | undefined; assetId?: string | undefined },
): Promise<AccessGrantsTable[]> {
  let query = db.selectFrom('access_grants').selectAll().where('org_id', '=', orgId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.assetId) query = query.where('asset_id', '=', filter.assetId);
  return query.orderBy('granted_on', 'desc').orderBy('number', 'desc').limit(1000).execute();
}

/** The grants not ended, of one person or of everyone (no limit: a roster's grants). */
export async function listActiveGrants(
  db: Db,
  orgId: string,
  filter: { personId?: string | undefined },
): Promise<AccessGrantsTable[]> {
  let query = db
    .selectFrom('access_grants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('revoked_on', 'is', null);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  return query.orderBy('granted_on').orderBy('number').execute();
}

/** Grants of a system in effect at some time of the period, oldest first. */
export async function grantsDuring(
  db: Db,
  orgId: string,
  assetId: string,
  period: { start: string; end: string },
): Promise<AccessGrantsTable[]> {
  return db
    .selectFrom('access_grants')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('asset_id', '=', assetId)
    .where('granted_on', '<=', period.end)
    .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>=', period.start)]))
    .orderBy('granted_on')
    .orderBy('number')
    .execute();
}

/** Ends a grant still in effect; false when it had ended already. */
export async function endGrant(
  trx: Db,
  orgId: string,
  id: string,
  values: { revoked_on: string; revoked_by: string | null; updated_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('access_grants')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_on', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertReview(trx: Db, row: AccessReviewsTable): Promise<void> {
  await trx.insertInto('access_reviews').values(row).execute();
}

export async function findReview(
  db: Db,
  orgId: string,
  id: string,
): Promise<AccessReviewsTable | undefined> {
  return db
    .selectFrom('access_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Reviews, open first, then by due date; at most 500. */
export async function listReviews(
  db: Db,
  orgId: string,
  status: AccessReviewsTable['status'] | undefined,
): Promise<AccessReviewsTable[]> {
  let query = db.selectFrom('access_reviews').selectAll().where('org_id', '=', orgId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('status', 'desc').orderBy('due_on').orderBy('number').limit(500).execute();
}

/** Open reviews due before `day` (by the org_id, status, due_on index). */
export async function countOverdueReviews(db: Db, orgId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('access_reviews')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .where('due_on', '<', day)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countOpenReviews(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('access_reviews')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Item counts of each review among `ids`: all, decided, flagged. */
export async function itemCounts(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, { items: number; decided: number; flagged: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('access_review_items')
    .select((eb) => [
      'review_id',
      eb.fn.countAll<number | string>().as('items'),
      eb.fn.count<number | string>('decision').as('decided'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.or([eb('person_id', 'is', null), eb('left_before_period', '=', 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('flagged'),
    ])
    .where('org_id', '=', orgId)
    .where('review_id', 'in', [...ids])
    .groupBy('review_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.review_id,
      { items: Number(r.items), decided: Number(r.decided), flagged: Number(r.flagged) },
    ]),
  );
}

/** Marks an open review completed; false when it was not open any more (a race). */
export async function completeReviewRow(
  trx: Db,
  orgId: string,
  id: string,
  values: Pick<AccessReviewsTable, 'completed_at' | 'completed_by' | 'report_evidence_id'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('access_reviews')
    .set({ ...values, status: 'completed', updated_at: values.completed_at ?? '' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Takes an open review's row for a change (PostgreSQL locks it; SQLite serialises writers). */
export async function lockReview(
  trx: Db,
  orgId: string,
  id: string,
): Promise<AccessReviewsTable | undefined> {
  const row = await trx
    .updateTable('access_reviews')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row;
}

export async function listItems(
  db: Db,
  orgId: string,
  reviewId: string,
): Promise<AccessReviewItemsTable[]> {
  return db
    .selectFrom('access_review_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .orderBy('position')
    .execute();
}

export async function findItem(
  db: Db,
  orgId: string,
  reviewId: string,
  id: string,
): Promise<AccessReviewItemsTable | undefined> {
  return db
    .selectFrom('access_review_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Replaces a review's items (an import: all of them or none, in the caller's transaction). */
export async function replaceItems(
  trx: Db,
  orgId: string,
  reviewId: string,
  rows: readonly AccessReviewItemsTable[],
): Promise<void> {
  await trx
    .deleteFrom('access_review_items')
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .execute();
  for (let at = 0; at < rows.length; at += 500) {
    await trx
      .insertInto('access_review_items')
      .values(rows.slice(at, at + 500))
      .execute();
  }
}

export async function updateItem(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<
    Pick<AccessReviewItemsTable, 'decision' | 'comment' | 'decided_by' | 'decided_at' | 'task_id'>
  >,
): Promise<void> {
  await trx
    .updateTable('access_review_items')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/**
 * Recurring reviews with no successor yet, across organizations (the scheduler's sweep; loud name:
 * no organization scope).
 */
export async function recurringWithoutSuccessorUnscoped(db: Db): Promise<AccessReviewsTable[]> {
  return db
    .selectFrom('access_reviews as r')
    .selectAll('r')
    .where('r.recurrence', '!=', 'none')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('access_reviews as next')
            .select('next.id')
            .whereRef('next.org_id', '=', 'r.org_id')
            .whereRef('next.previous_id', '=', 'r.id'),
        ),
      ),
    )
    .orderBy('r.org_id')
    .limit(1000)
    .execute();
}
