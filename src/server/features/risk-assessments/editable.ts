import { AppError } from '../../platform/errors';
import type { AssessmentRow } from './repository';

/** Refuses any change to an approved assessment: it is an immutable record (164.316(b)(1)). */
export function requireEditable(row: Pick<AssessmentRow, 'status' | 'number'>): void {
  if (row.status === 'approved') {
    throw new AppError(
      'conflict',
      `RA-${row.number} is approved and can no longer change. Start a new draft from it.`,
    );
  }
}
