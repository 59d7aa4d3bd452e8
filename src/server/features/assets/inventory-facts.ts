import type { Db } from '../../platform/db/types';
import { anyAsset, anyDataFlow } from './presence-repository';
import { holdsAnyEphi } from './service';

/** What the inventory and the data-flow map hold, as facts (dashboard, proposed-rule readiness). */
export async function inventoryFacts(db: Db, orgId: string) {
  const [assets, ephi, flows] = await Promise.all([
    anyAsset(db, orgId),
    holdsAnyEphi(db, orgId),
    anyDataFlow(db, orgId),
  ]);
  return { anyAsset: assets, anyEphiAsset: ephi, anyDataFlow: flows };
}
