import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  AccessReview,
  AccessReviewBody,
  AccessReviewDetail,
  AccessReviewStatus,
} from '../../../contracts/access-reviews';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { requireActiveMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { assetNames } from '../assets/service';
import { rosterIdentities } from '../people/service';
import { namesFor } from './names';
import { presentItem, presentReview, reviewReference } from './presenter';
import {
  findReview,
  grantsDuring,
  insertReview,
  itemCounts,
  listItems,
  listReviews,
  replaceItems,
} from './repository';
import type { AccessReviewItemsTable, AccessReviewsTable } from './tables';

/** Who may be named to decide a review's accounts (contracts/access-reviews.ts). */
export const REVIEWS = { permission: 'access.review', act: 'review access' } as const;

export async function foundReview(db: Db, orgId: string, id: string) {
  const row = await findReview(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such access review.');
  return row;
}

/** A completed review is a record: every change answers 409 (164.316(b)(2)(i)). */
export function requireOpen(row: AccessReviewsTable): void {
  if (row.status !== 'open') {
    throw new AppError(
      'conflict',
      `${reviewReference(row.number)} is completed: its decisions and report are kept as they are.`,
    );
  }
}

async function presentReviews(
  deps: AppDeps,
  orgId: string,
  rows: readonly AccessReviewsTable[],
): Promise<AccessReview[]> {
  const db = deps.database.db;
  const [names, counts, today] = await Promise.all([
    namesFor(db, orgId, {
      assets: rows.map((r) => r.asset_id),
      members: rows.flatMap((r) => [r.reviewer_id, ...(r.completed_by ? [r.completed_by] : [])]),
    }),
    itemCounts(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    organizationToday(db, deps.clock, orgId),
  ]);
  return rows.map((r) => presentReview(r, names, counts.get(r.id), today));
}

export async function listReviewPage(
  deps: AppDeps,
  orgId: string,
  status: AccessReviewStatus | undefined,
) {
  const rows = await listReviews(deps.database.db, orgId, status);
  return { data: await presentReviews(deps, orgId, rows) };
}

export async function getReview(
  deps: AppDeps,
  orgId: string,
  id: string,
): Promise<AccessReviewDetail> {
  const db = deps.database.db;
  const row = await foundReview(db, orgId, id);
  const items = await listItems(db, orgId, id);
  const [review] = await presentReviews(deps, orgId, [row]);
  if (!review) throw new Error('a found review presents');
  const names = await namesFor(db, orgId, {
    people: items.flatMap((i) => (i.person_id ? [i.person_id] : [])),
    members: items.flatMap((i) => (i.decided_by ? [i.decided_by] : [])),
    tasks: items.flatMap((i) => (i.task_id ? [i.task_id] : [])),
  });
  return { ...review, items: items.map((i) => presentItem(i, names)) };
}

/** The items of a review taken from the system's grants in effect during its period. */
export async function itemsFromGrantsIn(
  trx: Db,
  orgId: string,
  review: Pick<AccessReviewsTable, 'id' | 'asset_id' | 'period_start' | 'period_end'>,
): Promise<AccessReviewItemsTable[]> {
  const grants = await grantsDuring(trx, orgId, review.asset_id, {
    start: review.period_start,
    end: review.period_end,
  });
  const roster = new Map((await rosterIdentities(trx, orgId)).map((p) => [p.id, p]));
  return grants.map((g, index) => {
    const person = roster.get(g.person_id);
    return {
      id: uuidv7(),
      org_id: orgId,
      review_id: review.id,
      position: index + 1,
      account: person?.emailKey ?? person?.employeeId ?? person?.name ?? g.person_id,
      person_text: person?.name ?? '',
      access_level: g.access_level,
      // A grant names its person; one removed from the roster since matches nobody.
      person_id: person ? g.person_id : null,
      matched_by: person ? 'grant' : null,
      left_before_period: person?.endDate && person.endDate < review.period_start ? 1 : 0,
      grant_id: g.id,
      decision: null,
      comment: '',
      decided_by: null,
      decided_at: null,
      task_id: null,
    };
  });
}

/** Creates a review in the caller's transaction (a person's request, or the recurrence sweep). */
export async function createReviewIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  values: Omit<
    AccessReviewsTable,
    | 'id'
    | 'org_id'
    | 'number'
    | 'status'
    | 'completed_at'
    | 'completed_by'
    | 'report_evidence_id'
    | 'created_at'
    | 'updated_at'
  >,
): Promise<string> {
  const id = uuidv7();
  const now = deps.clock.now().toISOString();
  const number = await nextReferenceNumber(trx, orgId, 'access_review');
  const row: AccessReviewsTable = {
    ...values,
    id,
    org_id: orgId,
    number,
    status: 'open',
    completed_at: null,
    completed_by: null,
    report_evidence_id: null,
    created_at: now,
    updated_at: now,
  };
  await insertReview(trx, row);
  const items = row.source === 'grants' ? await itemsFromGrantsIn(trx, orgId, row) : [];
  await replaceItems(trx, orgId, id, items);
  const asset = (await assetNames(trx, orgId, [row.asset_id])).get(row.asset_id);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'access_review.created',
    entity: { type: 'access_review', id },
    changes: {
      reference: { after: reviewReference(number) },
      system: { after: asset ? `${asset.reference} ${asset.name}` : row.asset_id },
      reviewer: { after: row.reviewer_id },
      period: { after: `${row.period_start} – ${row.period_end}` },
      dueOn: { after: row.due_on },
      recurrence: { after: row.recurrence },
      source: { after: row.source },
      ...(items.length > 0 ? { items: { after: items.length } } : {}),
    },
  });
  return id;
}

/** Starts a review of a system's accounts (164.308(a)(4)(ii)(C)), its reviewer named or the caller. */
export async function createReview(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: AccessReviewBody,
): Promise<AccessReviewDetail> {
  const reviewer = body.reviewerId ?? (context.actor.type === 'user' ? context.actor.id : null);
  if (!reviewer)
    throw AppError.field('body.reviewerId', 'is required when a token starts a review');
  if (body.periodEnd < body.periodStart) {
    throw AppError.field('body.periodEnd', 'must be on or after the period start');
  }
  if (body.dueOn < body.periodStart) {
    throw AppError.field('body.dueOn', 'must be on or after the period start');
  }
  const id = await deps.database.db.transaction().execute(async (trx) => {
    if (!(await assetNames(trx, orgId, [body.assetId])).has(body.assetId)) {
      throw AppError.field('body.assetId', 'must be an asset of the inventory');
    }
    await requireActiveMember(
      trx,
      orgId,
      reviewer,
      'body.reviewerId',
      deps.clock.now().toISOString(),
      REVIEWS,
    );
    return createReviewIn(trx, deps, context, orgId, {
      asset_id: body.assetId,
      reviewer_id: reviewer,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      due_on: body.dueOn,
      recurrence: body.recurrence,
      source: body.source,
      previous_id: null,
      created_by: context.actor.type === 'user' ? context.actor.id : null,
    });
  });
  return getReview(deps, orgId, id);
}
