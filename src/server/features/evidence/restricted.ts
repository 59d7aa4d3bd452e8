import type { Permission } from '../../../contracts/permissions';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { idsLinkedTo } from '../links/service';
import { certificateEvidenceIds } from '../training/certificate-ids';

/** What a request may read: the acting role's check (platform/auth/acting.ts). */
export interface Reader {
  holds(permission: Permission): boolean;
}

/**
 * Evidence that belongs to a record some readers of evidence may not open: a person's training
 * certificate (training.read) and anything linked to a security incident (incidents.read). Those
 * readers do not see it at all (164.308(a)(4)(ii)(B), access as the role needs; 164.502(b),
 * minimum necessary, to be checked): null when the reader may see every item.
 */
export async function evidenceHiddenFrom(
  db: Db,
  orgId: string,
  reader: Reader,
): Promise<Set<string> | null> {
  const hidden = new Set<string>();
  if (!reader.holds('training.read')) {
    for (const id of await certificateEvidenceIds(db, orgId)) hidden.add(id);
  }
  if (!reader.holds('incidents.read')) {
    for (const id of await idsLinkedTo(db, orgId, 'evidence', 'incident')) hidden.add(id);
  }
  return hidden.size > 0 ? hidden : null;
}

/** 404 for an item the reader may not see, as for another organization's (design.md §6.1). */
export async function refuseHiddenEvidence(
  db: Db,
  orgId: string,
  reader: Reader,
  id: string,
): Promise<void> {
  if ((await evidenceHiddenFrom(db, orgId, reader))?.has(id)) {
    throw new AppError('not_found', 'No such evidence item.');
  }
}
