import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';

/** Checked again every minute, and whenever the window comes back into focus. */
const POLL_MS = 60_000;

/** The header's bell: how many of my notifications are unread; opens the list. */
export function NotificationBell() {
  const org = useActiveOrg();
  const unread = useApiQuery(
    api.notifications.list,
    org ? [{ orgId: org.orgId }, { unread: 'true', limit: 1 }] : null,
    { refetchInterval: POLL_MS },
  );
  if (!org) return null;
  const count = unread.data?.unreadCount ?? 0;
  return (
    <Indicator
      // The count is in the button's name; the badge is for the eye.
      label={<span aria-hidden>{count > 99 ? '99+' : count}</span>}
      size={16}
      offset={4}
      disabled={count === 0}
      color="red"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={`Notifications, ${count} unread`}
      >
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
