import type { ENTITY_TYPES } from '../../../contracts/breach-deadlines';
import type { Db } from '../../platform/db/types';
import { entityTypeIn } from '../organizations/service/profile';

/**
 * The deadline engine's entity type from the organization's profile, or null until it is set.
 * A hybrid entity is a covered entity (164.103, to be checked); so are providers, plans and
 * clearinghouses.
 */
export async function findEntityType(
  db: Db,
  orgId: string,
): Promise<(typeof ENTITY_TYPES)[number] | null> {
  const profile = await entityTypeIn(db, orgId);
  if (profile === null) return null;
  return profile === 'business_associate' ? 'business_associate' : 'covered_entity';
}
