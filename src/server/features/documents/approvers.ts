import { membersWhoHold } from '../../platform/auth/members';
import { readJson } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';
import type { DocumentVersionsTable } from './tables';

/**
 * Who may approve a version in review (164.316(a), design.md §6.2 "who approved is who acted"):
 * the members holding `documents.approve` who neither wrote (created or changed) nor submitted it,
 * four eyes where there are four; when only its authors hold it (a one-person practice), they
 * approve their own.
 */
export async function whoMayApprove(
  db: Db,
  orgId: string,
  version: Pick<DocumentVersionsTable, 'status' | 'submitters' | 'created_by'>,
  now: string,
): Promise<{ id: string; name: string }[]> {
  if (version.status !== 'in_review') return [];
  // `submitters` also holds everyone who changed the draft (versions.ts#changeVersion).
  const authors = [...readJson('document_versions.submitters', version.submitters)];
  if (version.created_by) authors.push(version.created_by);
  const holders = await membersWhoHold(db, orgId, 'documents.approve', now);
  const others = holders.filter((m) => !authors.includes(m.id));
  return others.length > 0 ? others : holders;
}
