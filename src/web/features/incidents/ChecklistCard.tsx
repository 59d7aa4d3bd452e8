import { Button, Card, Group, List, Text, Title } from '@mantine/core';
import type { Incident } from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countOf } from '../../components/format';
import { MutationError } from '../../components/MutationError';

/** The response checklist of the incident's category; its items become linked tasks, once. */
export function ChecklistCard({
  orgId,
  incident,
  manages,
}: {
  orgId: string;
  incident: Incident;
  manages: boolean;
}) {
  const checklist = useApiQuery(api.incidents.checklist, [{ orgId, incidentId: incident.id }]);
  const apply = useApiMutation(api.incidents.applyChecklist);
  const items = checklist.data?.items ?? [];
  const closed = incident.status === 'closed' || incident.status === 'not_an_incident';
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Response checklist
        </Title>
        {manages && !incident.checklistTasksCreated && !closed && items.length > 0 ? (
          <Button
            size="xs"
            onClick={() => apply.mutate([{ orgId, incidentId: incident.id }])}
            loading={apply.isPending}
          >
            Make {countOf(items.length, 'task')}
          </Button>
        ) : null}
      </Group>
      {incident.checklistTasksCreated ? (
        <Text size="sm" mb="xs">
          Made into tasks linked to this incident.
        </Text>
      ) : null}
      <MutationError error={apply.error} action="make the tasks" />
      <List size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item.id}>
            {item.title}{' '}
            <Text span size="xs" c="dimmed">
              {item.dueInDays === 0 ? 'same day' : `within ${countOf(item.dueInDays, 'day')}`}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
