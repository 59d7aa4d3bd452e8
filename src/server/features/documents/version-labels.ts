import type { Db } from '../../platform/db/types';
import { reference } from './presenter';
import { findVersionsByIds } from './repository';

/** Policy versions of the organization by id, as other records name them: `POL-3 v2 Access control`. */
export async function policyVersionLabels(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, { documentId: string; versionId: string; label: string }>> {
  const rows = await findVersionsByIds(db, orgId, ids);
  return new Map(
    rows.map((v) => [
      v.id,
      {
        documentId: v.document_id,
        versionId: v.id,
        label: `${reference(v.document_number)} v${v.number} ${v.title}`,
      },
    ]),
  );
}
