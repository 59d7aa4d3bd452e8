import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { BREACH_NOTICE_LABELS, type BreachFigures } from '../../../contracts/dashboard';
import { RecordLink } from '../../app/RecordLink';
import { countOf, formatDate } from '../../components/format';

const left = (daysLeft: number) =>
  daysLeft < 0
    ? `${countOf(-daysLeft, 'day')} overdue`
    : daysLeft === 0
      ? 'Due today'
      : `${countOf(daysLeft, 'day')} left`;
const tone = (daysLeft: number) => (daysLeft < 0 ? 'red' : daysLeft <= 14 ? 'orange' : 'gray');

/**
 * Breaches still being handled, each with its next deadline (164.404–164.410, as issue 16
 * states them), and the yearly log's when a year with breaches is not submitted (164.408(c)).
 */
export function BreachDeadlineCard({ breaches }: { breaches: BreachFigures }) {
  const log = breaches.yearlyLog;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Breach deadlines
        </Title>
        <RecordLink to="/incidents/breach-log" size="sm">
          Yearly log
        </RecordLink>
      </Group>
      <Stack gap={8}>
        {breaches.open.length === 0 && !log ? (
          <Text size="sm" c="dimmed">
            No breach notice is due.
          </Text>
        ) : null}
        {breaches.open.map((b) => (
          <Group key={b.incidentId} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <RecordLink to={`/incidents/${b.incidentId}`} size="sm">
                {b.reference} {b.title}
              </RecordLink>
              <Text size="xs" c="dimmed">
                {BREACH_NOTICE_LABELS[b.notice]} by {formatDate(b.dueOn)}
              </Text>
            </Stack>
            <Badge variant="dot" color={tone(b.daysLeft)} style={{ flexShrink: 0 }}>
              {left(b.daysLeft)}
            </Badge>
          </Group>
        ))}
        {log ? (
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <RecordLink to={`/incidents/breach-log?year=${log.year}`} size="sm">
                Yearly log {log.year}: {countOf(log.breaches, 'breach', 'breaches')} under 500
              </RecordLink>
              <Text size="xs" c="dimmed">
                To HHS by {formatDate(log.dueOn)}
              </Text>
            </Stack>
            <Badge variant="dot" color={tone(log.daysLeft)} style={{ flexShrink: 0 }}>
              {left(log.daysLeft)}
            </Badge>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
