import { ScrollTable } from '../../../components/ScrollTable';
import { Badge, Button, Card, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { forgetSession } from '../../../app/session';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useOrgTime } from '../../../components/useOrgTime';

/** Where the account is signed in; any session can be ended from here. */
export function SessionsSection() {
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const sessions = useApiQuery(api.auth.sessions, []);
  const revoke = useApiMutation(api.auth.endSession);
  const [confirming, setConfirming] = useState(false);
  const [revokeTokens, setRevokeTokens] = useState(false);
  const everywhere = useApiMutation(api.auth.signOutEverywhere, {
    onSuccess: () => forgetSession(queryClient),
    onError: () => forgetSession(queryClient),
  });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Where you are signed in</Text>
          <Button variant="default" size="xs" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </Button>
        </Group>
        <Modal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title="Sign out everywhere"
          centered
        >
          <Stack gap="sm">
            <Text size="sm">
              Every session of your account ends, this one included. API tokens are not sessions:
              they keep working unless you revoke them too.
            </Text>
            <Checkbox
              label="Also revoke my API tokens"
              description="Do this if you think someone else got into your account. Scripts and integrations using your tokens stop until you create new ones."
              checked={revokeTokens}
              onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                color="red.9"
                onClick={() => everywhere.mutate([{ revokeTokens }])}
                loading={everywhere.isPending}
              >
                Sign out everywhere
              </Button>
            </Group>
          </Stack>
        </Modal>
        {sessions.isError ? (
          <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : null}
        <ScrollTable label="Sessions" minWidth={560} verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Browser</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last active</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(sessions.data?.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td maw={260}>
                  <Text size="xs" lineClamp={1} title={s.userAgent ?? undefined}>
                    {s.userAgent ?? 'unknown'}
                  </Text>
                </Table.Td>
                <Table.Td>{s.ip ?? ''}</Table.Td>
                <Table.Td>{time.dateTime(s.createdAt)}</Table.Td>
                <Table.Td>{time.dateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Badge size="sm" variant="default">
                      This browser
                    </Badge>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => revoke.mutate([{ sessionId: s.id }])}
                    >
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </Card>
  );
}
