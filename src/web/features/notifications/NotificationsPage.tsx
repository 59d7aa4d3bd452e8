import { Badge, Button, Card, Flex, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { NOTIFICATION_KIND_HEADLINES, type Notification } from '../../../contracts/notifications';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { pageOfLink } from '../../components/link-pages';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';

const PAGE = 50;

/** How a notification reached the person, besides the bell. */
function deliveryOf(n: Notification, dateTime: (instant: string) => string): string | null {
  // Queued for email: sent at once with SMTP, else waiting in the organization's outbox.
  if (n.emailedAt) return `Email queued ${dateTime(n.emailedAt)}`;
  if (n.digestedAt) return `In the digest of ${dateTime(n.digestedAt)}`;
  return null;
}

/** My notifications: newest first, each opening its record; read one by one or all at once. */
export function NotificationsPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const [show, setShow] = useState<'unread' | 'all'>('all');
  // The cursors of the pages before this one: Older pushes, Newer pops.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const list = useApiQuery(
    api.notifications.list,
    org
      ? [
          { orgId: org.orgId },
          {
            limit: PAGE,
            ...(show === 'unread' ? { unread: 'true' as const } : {}),
            ...(cursor ? { cursor } : {}),
          },
        ]
      : null,
  );
  const markRead = useApiMutation(api.notifications.markRead);
  const markAll = useApiMutation(api.notifications.markAllRead);
  if (!org) return <NoOrganization />;
  const unread = list.data?.unreadCount ?? 0;
  const manage = can(org.role, api.notifications.markRead);
  const read = (n: Notification) => {
    if (!n.readAt && manage) markRead.mutate([{ orgId: org.orgId, notificationId: n.id }]);
  };
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What Custos told you about: work handed to you, what falls due and what is overdue. Choose which ones are emailed, and when, in your profile."
      />
      <Stack gap="md" maw={860}>
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            aria-label="Show"
            value={show}
            onChange={(v) => {
              setShow(v === 'unread' ? 'unread' : 'all');
              setCursors([]);
            }}
            data={[
              { value: 'all', label: 'All' },
              { value: 'unread', label: `Unread (${unread})` },
            ]}
          />
          <Group gap="xs">
            {manage ? (
              <Button component={Link} to="/profile#notifications" variant="subtle" size="xs">
                Email choices
              </Button>
            ) : null}
            {manage ? (
              <Button
                variant="light"
                size="xs"
                disabled={unread === 0}
                loading={markAll.isPending}
                onClick={() => markAll.mutate([{ orgId: org.orgId }])}
              >
                Mark all read
              </Button>
            ) : null}
          </Group>
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {list.isSuccess && list.data.data.length === 0 ? (
          <EmptyState filtered={show === 'unread' && cursors.length === 0} noun="notification">
            <Text fw={600}>No notification yet</Text>
            <Text size="sm">
              When someone hands you a task or a record, or something of yours falls due, it shows
              here and on the bell.
            </Text>
          </EmptyState>
        ) : null}
        {list.data?.data.map((n) => {
          const page = pageOfLink({ type: n.record.type, targetId: n.record.id });
          const delivered = deliveryOf(n, time.dateTime);
          return (
            <Card
              key={n.id}
              withBorder
              padding="sm"
              style={n.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-blue-6)' }}
            >
              <Flex
                direction={{ base: 'column', sm: 'row' }}
                justify="space-between"
                align={{ base: 'stretch', sm: 'start' }}
                gap="xs"
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {NOTIFICATION_KIND_HEADLINES[n.kind]} · {time.dateTime(n.createdAt)}
                  </Text>
                  <div onClickCapture={() => read(n)}>
                    {page ? (
                      <RecordLink to={page} fw={n.readAt ? 400 : 600}>
                        {n.title}
                      </RecordLink>
                    ) : (
                      <Text size="sm" fw={n.readAt ? 400 : 600}>
                        {n.title}
                      </Text>
                    )}
                  </div>
                  <Text size="xs" c="dimmed">
                    {[
                      n.dueOn ? `Due ${formatDate(n.dueOn)}` : null,
                      delivered,
                      n.readAt ? `Read ${time.dateTime(n.readAt)}` : null,
                    ]
                      .filter((part) => part !== null)
                      .join(' · ')}
                  </Text>
                </Stack>
                {n.readAt ? null : (
                  <Group gap="xs" wrap="nowrap">
                    <Badge size="sm" variant="light">
                      Unread
                    </Badge>
                    {manage ? (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => read(n)}
                        aria-label={`Mark read: ${n.title}`}
                      >
                        Mark read
                      </Button>
                    ) : null}
                  </Group>
                )}
              </Flex>
            </Card>
          );
        })}
        {list.data && (cursors.length > 0 || list.data.nextCursor) ? (
          <Group justify="space-between">
            <Button
              variant="default"
              size="xs"
              disabled={cursors.length === 0}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Newer
            </Button>
            <Text size="xs" c="dimmed">
              {countOf(list.data.data.length, 'notification')} on this page
            </Text>
            <Button
              variant="default"
              size="xs"
              disabled={!list.data.nextCursor}
              onClick={() => {
                const next = list.data.nextCursor;
                if (next) setCursors([...cursors, next]);
              }}
            >
              Older
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
