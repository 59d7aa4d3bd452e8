import { Card, Group, Text, Title } from '@mantine/core';
import type { AccessReviewFigures } from '../../../contracts/dashboard';
import { RecordLink } from '../../app/RecordLink';
import { countOf } from '../../components/format';

/** Open access reviews (164.308(a)(4)(ii)(C)), and how many are past their due date. */
export function AccessReviewCard({ reviews }: { reviews: AccessReviewFigures }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Access reviews
        </Title>
        <RecordLink to="/access-reviews?status=open" size="sm">
          {countOf(reviews.open, 'open review')}
        </RecordLink>
      </Group>
      {reviews.open === 0 ? (
        <Text size="sm" c="dimmed">
          No access review open.
        </Text>
      ) : reviews.overdue > 0 ? (
        <Text size="sm" fw={600} c="red.8">
          {countOf(reviews.overdue, 'review')} past {reviews.overdue === 1 ? 'its' : 'their'} due
          date
        </Text>
      ) : (
        <Text size="sm">None past its due date.</Text>
      )}
    </Card>
  );
}
