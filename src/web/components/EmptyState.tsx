import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * An empty list: with filters set, says none matches; without, says what the list is for and how
 * to add the first one (issue 12: "No asset matches these filters." on an empty inventory misleads).
 */
export function EmptyState(props: {
  filtered: boolean;
  /** "asset": No asset matches these filters. */
  noun: string;
  /** What the list is for and how to begin, shown when nothing is filtered. */
  children: ReactNode;
}) {
  if (props.filtered) {
    return (
      <Text c="dimmed" size="sm">
        No {props.noun} matches these filters.
      </Text>
    );
  }
  return (
    <Stack gap={4} p="md" style={{ border: '1px dashed var(--mantine-color-default-border)' }}>
      {props.children}
    </Stack>
  );
}
