import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { JOB_STATE_LABELS } from '../../../contracts/system';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

/** The organization's background work (mail, deliveries): per queue, what failed, retry. */
export function JobsPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const overview = useApiQuery(api.system.jobs, org ? [{ orgId: org.orgId }] : null);
  const retry = useApiMutation(api.system.retryJobs);
  if (!org) {
    return <NoOrganization />;
  }
  const queues = overview.data?.queues ?? [];
  const failed = overview.data?.failed ?? [];
  const dead = failed.filter((job) => job.state === 'dead').length;
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Work Custos does for this organization in the background: sending its email and delivering its webhooks. Each webhook attempt is a job of its own; the Webhooks page shows every attempt. A job that fails is tried again with growing pauses; one that fails every try gives up and waits here."
      />
      {overview.isError ? (
        <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {retry.isError ? <MutationError error={retry.error} /> : null}
      {retry.isSuccess ? (
        <Alert variant="light" color="teal" mb="md">
          {retry.data.retried === 0
            ? 'No job was waiting to be retried.'
            : `${countOf(retry.data.retried, 'job')} put back in the queue.`}
        </Alert>
      ) : null}
      <Stack gap="md" maw={960}>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            Queues
          </Text>
          {overview.isSuccess && queues.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing is waiting or running.
            </Text>
          ) : null}
          <ScrollTable label="Queues" stack minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Work</Table.Th>
                <Table.Th>Waiting</Table.Th>
                <Table.Th>Running</Table.Th>
                <Table.Th>Will retry</Table.Th>
                <Table.Th>Gave up</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queues.map((q) => (
                <Table.Tr key={q.queue}>
                  <Table.Td>{q.label}</Table.Td>
                  <Table.Td data-label="Waiting">{q.waiting}</Table.Td>
                  <Table.Td data-label="Running">{q.running}</Table.Td>
                  <Table.Td data-label="Will retry">{q.retrying}</Table.Td>
                  <Table.Td data-label="Gave up">{q.dead}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
        <Card withBorder padding="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Failures</Text>
            <Button
              size="xs"
              variant="default"
              disabled={dead === 0}
              loading={retry.isPending}
              onClick={() => retry.mutate([{ orgId: org.orgId }])}
            >
              Retry the jobs that gave up
            </Button>
          </Group>
          {overview.isSuccess && failed.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing has failed.
            </Text>
          ) : null}
          <Stack gap="xs">
            {failed.map((job) => (
              <Card key={job.id} withBorder padding="sm">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    {job.label}
                  </Text>
                  <Badge size="sm" variant="dot" color={job.state === 'dead' ? 'red' : 'orange'}>
                    {JOB_STATE_LABELS[job.state]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  Queued {time.dateTime(job.createdAt)} · {countOf(job.attempts, 'attempt')}
                  {job.runAfter ? ` · next try ${time.dateTime(job.runAfter)}` : ''}
                </Text>
                {job.lastError ? (
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {job.lastError}
                  </Text>
                ) : null}
              </Card>
            ))}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
