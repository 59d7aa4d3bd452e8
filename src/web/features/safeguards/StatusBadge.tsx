import { Badge } from '@mantine/core';
import { SAFEGUARD_STATUS_LABELS, type SafeguardStatus } from '../../../contracts/safeguards';

// Badges use the dot variant: the text keeps the page's colour (AA contrast), the dot carries the hue.
export const STATUS_COLORS: Record<SafeguardStatus, string> = {
  not_started: 'gray',
  in_progress: 'yellow',
  implemented: 'teal',
  not_applicable: 'indigo',
};

export function StatusBadge({ status }: { status: SafeguardStatus }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="dot"
      size="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {SAFEGUARD_STATUS_LABELS[status]}
    </Badge>
  );
}
