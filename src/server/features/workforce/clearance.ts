import type { ClearanceWarning } from '../../../contracts/workforce';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { activeGrantsOf } from '../access-reviews/grants';
import { allAssets } from '../assets/service';
import { peopleAwaitingClearance } from '../people/service';

/**
 * 164.308(a)(3)(ii)(B) workforce clearance: people still working whose background check is pending
 * or failed, who hold an active access grant on a system with ePHI, with those systems.
 */
export async function clearanceWarningsIn(
  db: Db,
  deps: AppDeps,
  orgId: string,
): Promise<ClearanceWarning[]> {
  const today = await organizationToday(db, deps.clock, orgId);
  const people = await peopleAwaitingClearance(db, orgId, today);
  if (people.length === 0) return [];
  const grants = await activeGrantsOf(db, orgId);
  const ephi = new Map(
    (await allAssets(db, orgId)).filter((a) => a.holdsEphi).map((a) => [a.id, a.name]),
  );
  return people.flatMap((person) => {
    const systems = grants
      .filter((g) => g.person_id === person.id && ephi.has(g.asset_id))
      .map((g) => ({
        id: g.asset_id,
        name: ephi.get(g.asset_id) ?? '',
        accessLevel: g.access_level,
      }));
    const outcome = person.clearance_outcome;
    if (systems.length === 0 || (outcome !== 'pending' && outcome !== 'not_cleared')) return [];
    return [{ person: { id: person.id, name: person.name }, clearanceOutcome: outcome, systems }];
  });
}

export async function clearanceWarnings(deps: AppDeps, orgId: string) {
  return { data: await clearanceWarningsIn(deps.database.db, deps, orgId) };
}
