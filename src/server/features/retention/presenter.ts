import {
  RETAINED_RECORD_TYPES,
  type LegalHold,
  type RetainedRecord,
  type RetainedRecordType,
} from '../../../contracts/retention';
import { addMonths } from '../../platform/time';
import type { HoldRow } from './repository';
import type { RetainedRecordsTable } from './tables';

export const holdReference = (number: number): string => `LH-${number}`;

function recordType(value: string): RetainedRecordType {
  const type = RETAINED_RECORD_TYPES.find((t) => t === value);
  if (!type) throw new Error(`Unknown retained record type "${value}"`);
  return type;
}

const person = (id: string | null, name: string | null) =>
  id === null ? null : { id, name: name ?? 'Former member' };

export function presentHold(row: HoldRow): LegalHold {
  return {
    id: row.id,
    reference: holdReference(row.number),
    recordType: recordType(row.record_type),
    recordId: row.record_id,
    recordLabel: row.record_label,
    reason: row.reason,
    placedBy: person(row.placed_by, row.placed_by_name),
    placedAt: row.placed_at,
    releasedBy: person(row.released_by, row.released_by_name),
    releasedAt: row.released_at,
    releaseReason: row.release_reason,
  };
}

export function presentRetained(
  row: RetainedRecordsTable,
  years: number,
  hold: LegalHold | null,
): RetainedRecord {
  return {
    recordType: recordType(row.record_type),
    recordId: row.record_id,
    opensId: row.opens_id,
    label: row.label,
    keptFrom: row.kept_from,
    retainUntil: addMonths(row.kept_from, 12 * years),
    inEffect: row.in_effect === 1,
    hold,
  };
}
