import type { EvidenceItem } from '../../../contracts/evidence';
import type { EvidenceTable } from './tables';

export const reference = (number: number): string => `EV-${number}`;

export function presentEvidenceItem(row: EvidenceTable): EvidenceItem {
  return {
    id: row.id,
    reference: reference(row.number),
    name: row.name,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
