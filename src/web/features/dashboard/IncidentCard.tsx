import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { IncidentFigures } from '../../../contracts/dashboard';
import { RecordLink } from '../../app/RecordLink';
import { countOf } from '../../components/format';

/** Hours under two days as hours, else days, one decimal. */
function containWords(hours: number): string {
  if (hours < 48) return countOf(Math.round(hours * 10) / 10, 'hour');
  return countOf(Math.round((hours / 24) * 10) / 10, 'day');
}

/** Open incidents by severity (164.308(a)(6)), and how many reports wait for triage. */
export function IncidentCard({ incidents }: { incidents: IncidentFigures }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Incidents
        </Title>
        <RecordLink to="/incidents?status=open" size="sm">
          {countOf(incidents.open, 'open incident')}
        </RecordLink>
      </Group>
      {incidents.open === 0 ? (
        <Text size="sm" c="dimmed">
          No open incident.
        </Text>
      ) : (
        <Stack gap={6}>
          {incidents.bySeverity
            .filter((s) => s.open > 0)
            .map((s) => (
              <Group key={s.level} justify="space-between">
                <Text size="sm">{s.name}</Text>
                <Badge variant="light" color="gray">
                  {s.open}
                </Badge>
              </Group>
            ))}
          {incidents.unrated > 0 ? (
            <Group justify="space-between">
              <Text size="sm">Not rated yet</Text>
              <Badge variant="light" color="gray">
                {incidents.unrated}
              </Badge>
            </Group>
          ) : null}
          {incidents.awaitingTriage > 0 ? (
            <Text size="sm" fw={600}>
              {countOf(incidents.awaitingTriage, 'report')} waiting for triage
            </Text>
          ) : null}
        </Stack>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        {incidents.containment.meanHours === null
          ? 'No incident contained yet.'
          : `Mean time to contain: ${containWords(incidents.containment.meanHours)} (${countOf(incidents.containment.contained, 'incident')} contained in the last 12 months).`}
      </Text>
    </Card>
  );
}
