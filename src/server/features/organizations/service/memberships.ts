import type { MembershipSummary } from '../../../../contracts/auth';
import type { Db } from '../../../platform/db/types';
import { presentMembershipSummary } from '../presenter';
import { listEndedMemberships, listLiveMemberships } from '../repository/memberships';

/** The user's memberships that grant access `now`, oldest first; `db` may be a transaction. */
export async function liveMembershipsOf(
  db: Db,
  userId: string,
  now: string,
): Promise<MembershipSummary[]> {
  return (await listLiveMemberships(db, userId, now)).map(presentMembershipSummary);
}

/**
 * The organizations where the user's access ended, by name and when: what a leaver who signs in
 * reads, and nothing of the organization's records (164.308(a)(3)(ii)(C)).
 */
export async function endedAccessOf(
  db: Db,
  userId: string,
  now: string,
): Promise<{ orgName: string; endedAt: string; timeZone: string }[]> {
  return (await listEndedMemberships(db, userId, now)).flatMap((m) =>
    m.access_expires_at
      ? [{ orgName: m.org_name, endedAt: m.access_expires_at, timeZone: m.time_zone }]
      : [],
  );
}
