import type { Db } from '../../platform/db/types';

/** Safeguard records whose next review falls from `from` to `to`. */
export async function listReviewsDueBetween(db: Db, orgId: string, from: string, to: string) {
  return db
    .selectFrom('safeguards')
    .select(['requirement_id', 'owner_id', 'next_review_on'])
    .where('org_id', '=', orgId)
    .where('next_review_on', '>=', from)
    .where('next_review_on', '<=', to)
    .execute();
}
