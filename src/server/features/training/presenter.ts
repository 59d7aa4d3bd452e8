import type { PersonTraining, TrainingStatus } from '../../../contracts/training';
import type { TrainingRow } from './repository';

/**
 * Where a person stands: completed wins; then overdue (the most urgent, whatever was tried); then
 * a failed quiz to retake; then started; else not started.
 */
export function statusOf(
  row: Pick<TrainingRow, 'completed_at' | 'due_on' | 'failed_attempts' | 'started_at'>,
  today: string,
): TrainingStatus {
  if (row.completed_at !== null) return 'passed';
  if (row.due_on < today) return 'overdue';
  if (row.failed_attempts > 0) return 'failed';
  if (row.started_at !== null) return 'in_progress';
  return 'not_started';
}

export function presentTraining(row: TrainingRow, today: string): PersonTraining {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    course: { id: row.course_key, kind: row.course_kind, title: row.course_title },
    frequency: row.frequency,
    status: statusOf(row, today),
    assignedOn: row.assigned_on,
    dueOn: row.due_on,
    failedAttempts: row.failed_attempts,
    completedOn: row.completed_on,
    score: row.score,
    hasCertificate: row.certificate_evidence_id !== null,
    takesQuiz: row.course_kind === 'module' && row.user_id !== null,
  };
}
