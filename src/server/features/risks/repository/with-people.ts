import type { RisksTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export interface RiskRow extends RisksTable {
  owner_name: string | null;
  accepted_by_name: string | null;
}

/** Risks of the organization with their owner's and acceptor's names. */
export function withPeople(db: Db, orgId: string) {
  return db
    .selectFrom('risks')
    .leftJoin('users as owner', 'owner.id', 'risks.owner_id')
    .leftJoin('users as acceptor', 'acceptor.id', 'risks.accepted_by')
    .selectAll('risks')
    .select(['owner.name as owner_name', 'acceptor.name as accepted_by_name'])
    .where('risks.org_id', '=', orgId);
}
