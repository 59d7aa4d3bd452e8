import { Badge } from '@mantine/core';
import type { Level } from '../../../contracts/risk-library';

/** A level of risk as a badge: its colour as the dot, its label as text (AA contrast). */
export function LevelBadge({ level }: { level: Level | null }) {
  if (!level) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        Unrated
      </Badge>
    );
  }
  return (
    <Badge
      variant="dot"
      size="sm"
      color={level.color}
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {level.label}
    </Badge>
  );
}
