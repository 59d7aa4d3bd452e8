import type { EvidenceItem } from '../../../contracts/evidence';
import type { EvidenceItemRow } from './repository';

export const reference = (number: number): string => `EV-${number}`;

/** An item, field by field (never its blob key or sealed key); `today` in the organization's zone. */
export function presentEvidenceItem(row: EvidenceItemRow, today: string): EvidenceItem {
  return {
    id: row.id,
    reference: reference(row.number),
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    file:
      row.kind === 'file' &&
      row.file_name !== null &&
      row.file_size !== null &&
      row.file_type !== null &&
      row.file_sha256 !== null
        ? { name: row.file_name, size: row.file_size, type: row.file_type, sha256: row.file_sha256 }
        : null,
    collectedOn: row.collected_on,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    refreshOn: row.refresh_on,
    stale: row.refresh_on !== null && row.refresh_on < today,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    retainUntil: row.retain_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
