import { List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AssessmentDetail } from '../../../contracts/risk-assessments';

/** What changed in the register since the assessment this one started from. */
export function Changes({ changes }: { changes: NonNullable<AssessmentDetail['changes']> }) {
  const groups: [
    string,
    { reference: string; title: string; before?: string | null; after?: string | null }[],
  ][] = [
    ['New risks', changes.added],
    ['Rerated', changes.rerated],
    ['Treatment changed', changes.retreated],
    ['Closed', changes.closed],
    ['Removed', changes.removed],
  ];
  const total = groups.reduce((n, [, items]) => n + items.length, 0);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Changes since {changes.since.reference}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing in the register changed since {changes.since.reference} was approved.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {groups
            .filter(([, items]) => items.length > 0)
            .map(([label, items]) => (
              <Stack key={label} gap={4}>
                <Text fw={600} size="sm">
                  {label} ({items.length})
                </Text>
                <List size="sm" spacing={2}>
                  {items.map((c) => (
                    <List.Item key={c.reference}>
                      <Text span ff="monospace" size="xs" mr={4}>
                        {c.reference}
                      </Text>
                      {c.title}
                      {c.before !== undefined ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {c.before ?? 'none'} → {c.after ?? 'none'}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
