import type { MembershipSummary } from '../../../../contracts/auth';
import type { Db } from '../../../platform/db/types';
import { presentMembershipSummary } from '../presenter';
import { listLiveMemberships } from '../repository/memberships';

/** The user's memberships that grant access `now`, oldest first; `db` may be a transaction. */
export async function liveMembershipsOf(
  db: Db,
  userId: string,
  now: string,
): Promise<MembershipSummary[]> {
  return (await listLiveMemberships(db, userId, now)).map(presentMembershipSummary);
}
