import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PolicyFigures } from '../../../contracts/dashboard';
import { RecordLink } from '../../app/RecordLink';
import { countOf, formatDate } from '../../components/format';

/**
 * Policies in effect and the reviews falling due (164.316(b)(2)(iii)); acknowledgement completion
 * shows here once attestations exist.
 */
export function PolicyCard({ policies }: { policies: PolicyFigures }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Policies
        </Title>
        <Text size="sm" c="dimmed">
          {policies.inEffect} of {countOf(policies.total, 'document')} in effect
        </Text>
      </Group>
      <Stack gap="xs">
        {policies.dueForReview.length === 0 ? (
          <Text size="sm" c="dimmed">
            No review falls due within a month.
          </Text>
        ) : (
          policies.dueForReview.map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap">
              <RecordLink to={`/documents/${d.id}`} size="sm">
                {d.reference} {d.title}
              </RecordLink>
              <Text size="sm" c="dimmed">
                review {formatDate(d.nextReviewOn)}
              </Text>
            </Group>
          ))
        )}
        {policies.acknowledgements ? (
          <Text size="sm">
            Acknowledged: {policies.acknowledgements.acknowledged} of{' '}
            {policies.acknowledgements.expected}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
