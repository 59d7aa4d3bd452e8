import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { TrainingFigures } from '../../../contracts/dashboard';
import { RecordLink } from '../../app/RecordLink';
import { countOf } from '../../components/format';

/** Completion of everyone's current security awareness training (164.308(a)(5)). */
export function TrainingCard({ training }: { training: TrainingFigures }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Training
        </Title>
        <Text size="sm" c="dimmed" data-testid="dashboard-training-rate">
          {training.rate === null ? 'None assigned' : `${training.rate}% completed`}
        </Text>
      </Group>
      <Stack gap="xs">
        {training.rate === null ? (
          <Text size="sm" c="dimmed">
            Assign security awareness training to your people to track it here.
          </Text>
        ) : (
          <>
            <Progress.Root>
              <Progress.Section value={training.rate} aria-label="Training completed" />
            </Progress.Root>
            <Text size="sm">
              {training.completed} of {countOf(training.assigned, 'course')} assigned completed
              {training.overdue > 0 ? `, ${training.overdue} overdue` : ''}
            </Text>
          </>
        )}
        <RecordLink to="/training">Open training</RecordLink>
      </Stack>
    </Card>
  );
}
