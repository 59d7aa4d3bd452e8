import type { Db } from '../../platform/db/types';

/** Open risks whose acceptance expires or whose review falls due from `from` to `to`. */
export async function listOpenRisksWithDatesBetween(
  db: Db,
  orgId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('risks')
    .select(['id', 'number', 'title', 'owner_id', 'acceptance_expires_on', 'next_review_on'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb.and([eb('acceptance_expires_on', '>=', from), eb('acceptance_expires_on', '<=', to)]),
        eb.and([eb('next_review_on', '>=', from), eb('next_review_on', '<=', to)]),
      ]),
    )
    .execute();
}
