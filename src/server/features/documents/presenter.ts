import type { Document } from '../../../contracts/documents';
import type { DocumentsTable } from './tables';

export const reference = (number: number): string => `POL-${number}`;

export function presentDocument(row: DocumentsTable): Document {
  return {
    id: row.id,
    reference: reference(row.number),
    name: row.name,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
