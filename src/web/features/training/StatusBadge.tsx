import { Badge } from '@mantine/core';
import { TRAINING_STATUS_LABELS, type TrainingStatus } from '../../../contracts/training';

const COLORS: Record<TrainingStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  failed: 'orange',
  overdue: 'red',
  passed: 'teal',
};

/** Where a person's training stands, in words and colour. */
export function StatusBadge({ status }: { status: TrainingStatus }) {
  return (
    <Badge color={COLORS[status]} variant="dot">
      {TRAINING_STATUS_LABELS[status]}
    </Badge>
  );
}
