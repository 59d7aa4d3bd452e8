import type { Db } from '../../platform/db/types';

/** The organization's most recently approved risk assessment, if any. */
export async function findLatestApproved(db: Db, orgId: string) {
  return db
    .selectFrom('risk_assessments')
    .select(['id', 'number', 'title', 'approved_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .orderBy('approved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
