import { membersWhoHold } from '../../platform/auth/members';
import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';
import type { DocumentVersionsTable } from './tables';

/**
 * Who may approve a version in review (164.316(a), design.md §6.2 "who approved is who acted"):
 * the members holding `documents.approve` who did not submit it, four eyes where there are four;
 * when only its submitters hold it (a one-person practice), they approve their own.
 */
export async function whoMayApprove(
  db: Db,
  orgId: string,
  version: Pick<DocumentVersionsTable, 'status' | 'submitters'>,
  now: string,
): Promise<{ id: string; name: string }[]> {
  if (version.status !== 'in_review') return [];
  const submitters = readJson('document_versions.submitters', version.submitters);
  const holders = await membersWhoHold(db, orgId, 'documents.approve', now);
  const others = holders.filter((m) => !submitters.includes(m.id));
  return others.length > 0 ? others : holders;
}
