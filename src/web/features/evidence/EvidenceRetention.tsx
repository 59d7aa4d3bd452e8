import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { EvidenceItemDetail } from '../../../contracts/evidence';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/**
 * How long the item is kept, the legal hold on it, and Delete for those who keep evidence
 * (164.316(b)(2)(i)): the server refuses before the date or under a hold, and says why here.
 */
export function EvidenceRetention({ item }: { item: EvidenceItemDetail }) {
  const org = useActiveOrg();
  const time = useOrgTime();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useApiMutation(api.evidence.remove, {
    // The item is gone: its page's query leaves the cache before the refresh that follows a
    // change, so nothing asks the server for it again (a stray 404).
    onSuccess: () => {
      queryClient.removeQueries({
        queryKey: api.evidence.get.key({ orgId: org?.orgId ?? '', evidenceItemId: item.id }),
      });
      void navigate('/evidence');
    },
  });
  const hold = item.hold;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Retention
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          Kept until <b>{formatDate(item.retainUntil)}</b>: six years or the organization’s longer
          period from when it was added (164.316(b)(2)(i)).
        </Text>
        {hold ? (
          <Group
            gap="sm"
            align="flex-start"
            wrap="nowrap"
            p="sm"
            style={{
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-sm)',
            }}
          >
            <IconLock size={20} aria-hidden style={{ flexShrink: 0 }} />
            <Stack gap={4}>
              <Text size="sm" fw={700}>
                Under legal hold {hold.reference}
              </Text>
              <Text size="sm">{hold.reason}</Text>
              <Text size="sm">
                Placed by {hold.placedBy?.name ?? 'a former member'} on{' '}
                {time.dateTime(hold.placedAt)}. It cannot be deleted until the hold is released
                (retention register).
              </Text>
            </Stack>
          </Group>
        ) : null}
        {!hold && item.mayTakeBackUntil ? (
          <Text size="sm">
            Added by mistake? You added it, so you can delete it until{' '}
            {time.dateTime(item.mayTakeBackUntil)}.
          </Text>
        ) : null}
        {!hold && !item.mayTakeBackUntil && time.today() <= item.retainUntil ? (
          <Text size="sm" c="dimmed">
            It can be deleted after {formatDate(item.retainUntil)}.
          </Text>
        ) : null}
        {/* Offered only when the server would allow it: never under a hold, and before the date
            only to the person who added it, within a day (a mistake, not yet documentation). */}
        {org &&
        can(org.role, api.evidence.remove) &&
        !hold &&
        (item.mayTakeBackUntil !== null || time.today() > item.retainUntil) ? (
          confirming ? (
            <Stack gap="xs">
              <Text size="sm">
                Delete {item.reference} for good? Its {item.file ? 'file' : 'record'} and its links
                go; the audit trail keeps that it existed.
              </Text>
              <Group gap="xs">
                <Button
                  color="red.9"
                  loading={remove.isPending}
                  onClick={() => remove.mutate([{ orgId: org.orgId, evidenceItemId: item.id }])}
                >
                  Delete for good
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setConfirming(false);
                    remove.reset();
                  }}
                >
                  Cancel
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                Delete
              </Button>
            </Group>
          )
        ) : null}
        <MutationError error={remove.error} action="delete it" />
      </Stack>
    </Card>
  );
}
