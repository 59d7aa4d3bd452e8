import { Badge } from '@mantine/core';
import { VERSION_STATUS_LABELS, type VersionStatus } from '../../../contracts/documents';

const COLORS: Record<VersionStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'blue',
  in_effect: 'green',
  superseded: 'gray',
  retired: 'gray',
};

/** A version's status in words, coloured. */
export function StatusBadge({ status }: { status: VersionStatus }) {
  return (
    <Badge color={COLORS[status]} variant="dot">
      {VERSION_STATUS_LABELS[status]}
    </Badge>
  );
}
