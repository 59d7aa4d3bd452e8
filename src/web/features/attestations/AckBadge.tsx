import { Badge } from '@mantine/core';
import { ACK_STATUS_LABELS, type AckStatus } from '../../../contracts/attestations';

const COLORS: Record<AckStatus, string> = { acknowledged: 'teal', due: 'blue', overdue: 'red' };

/** Where a person stands with one policy: acknowledged, waiting or overdue. */
export function AckBadge({ status }: { status: AckStatus }) {
  return (
    <Badge color={COLORS[status]} variant="dot">
      {ACK_STATUS_LABELS[status]}
    </Badge>
  );
}
