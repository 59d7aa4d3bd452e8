import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { DELIVERY_STATE_LABELS, type Delivery } from '../../../contracts/webhooks';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf } from '../../components/format';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';
import { DELIVERY_STATE_COLOR, eventLabel } from './labels';

type Attempt = Delivery['attempts'][number];

/** One attempt in words: "503" or the reason it failed without an answer. */
const outcome = (a: Attempt): string =>
  a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? 'No answer');

/** An endpoint's deliveries, newest first, with every attempt; older pages on demand. */
export function DeliveriesTable({ orgId, webhookId }: { orgId: string; webhookId: string }) {
  const time = useOrgTime();
  const params = { orgId, webhookId };
  const pages = useInfiniteQuery({
    queryKey: api.webhooks.deliveries.key(params, {}),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.webhooks.deliveries(params, pageParam === undefined ? {} : { cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A delivery just queued (a test send) is sent within seconds: look again until it has been.
    refetchInterval: (query) =>
      query.state.data?.pages[0]?.data.some((d) => d.state === 'pending' && d.attempts.length === 0)
        ? 2000
        : false,
  });
  const rows = pages.data?.pages.flatMap((p) => p.data) ?? [];
  if (pages.isError) {
    return <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />;
  }
  if (pages.isSuccess && rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing sent yet. Send a test event to check that your receiver answers.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ScrollTable label="Deliveries" minWidth={760} stack verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Next attempt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => {
            const last = d.attempts.at(-1);
            return (
              <Table.Tr key={d.id}>
                <Table.Td data-label="Time">{time.dateTime(d.createdAt)}</Table.Td>
                <Table.Td data-label="Event">{eventLabel(d.eventType)}</Table.Td>
                <Table.Td data-label="Status">
                  <Badge size="sm" variant="dot" color={DELIVERY_STATE_COLOR[d.state]}>
                    {d.state === 'pending' && d.attempts.length === 0
                      ? 'Queued'
                      : DELIVERY_STATE_LABELS[d.state]}
                  </Badge>
                </Table.Td>
                <Table.Td data-label="Attempts">
                  <Stack gap={2}>
                    <Text size="sm">
                      {countOf(d.attempts.length, 'attempt')}
                      {last ? `, last: ${outcome(last)}` : ''}
                    </Text>
                    {d.attempts.length > 1 ? (
                      <details>
                        <summary
                          style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}
                        >
                          Every attempt
                        </summary>
                        <Stack gap={2} mt={4}>
                          {d.attempts.map((a) => (
                            <Text key={a.attempt} size="xs" c="dimmed">
                              {a.attempt}. {time.dateTime(a.at)}: {outcome(a)}
                            </Text>
                          ))}
                        </Stack>
                      </details>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td data-label="Next attempt">
                  {d.nextAttemptAt ? time.dateTime(d.nextAttemptAt) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      {pages.hasNextPage ? (
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          Older deliveries
        </Button>
      ) : null}
    </Stack>
  );
}
