import { Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconCheck,
  IconChevronDown,
  IconLogout,
  IconShieldLock,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contracts/auth';
import { ROLE_LABELS, type Role } from '../../contracts/roles';
import { authApi } from '../api/auth';
import { useApiMutation } from '../api/hooks';
import { activeMembership, forgetSession } from './session';

/** The label of a role (contracts/roles.ts). */
export const roleLabel = (role: Role) => ROLE_LABELS[role];

/** Switches the active organization (consultants work for several). */
export function OrganizationSwitcher({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const active = activeMembership(me);
  const switchTo = useApiMutation(authApi.switchOrganization, {
    onSuccess: async () => {
      // Everything cached belongs to the previous organization; refetch what is on screen.
      await queryClient.resetQueries();
      await navigate('/');
    },
  });
  return (
    <Menu position="bottom-end" width={280}>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Organization: ${active?.orgName ?? 'none'}. Switch organization`}
          // On a phone the header must keep room for the account menu (sign out).
          maw={{ base: 150, sm: 320 }}
          // The name, cut short on a phone, in full on hover (and in the menu).
          title={active?.orgName}
        >
          <Text span size="xs" fw={600} truncate="end">
            {active?.orgName ?? 'No organization'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {me.memberships.map((m) => (
          <Menu.Item
            key={m.orgId}
            onClick={() => m.orgId !== active?.orgId && switchTo.mutate([{ orgId: m.orgId }])}
            rightSection={
              m.orgId === active?.orgId ? <IconCheck size={14} aria-label="current" /> : null
            }
          >
            <Text size="sm">{m.orgName}</Text>
            <Text size="xs" c="dimmed">
              {roleLabel(m.role)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function UserMenu({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  // Signed out locally even when the server cannot be told (the session may have ended already).
  const signOut = useApiMutation(authApi.signOut, {
    onSuccess: () => forgetSession(queryClient),
    onError: () => forgetSession(queryClient),
  });
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          color="gray"
          leftSection={<IconUserCircle size={16} aria-hidden />}
          aria-label={`Account of ${me.user.name}`}
        >
          <Text span size="xs" fw={600} visibleFrom="sm">
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item
          component={Link}
          to="/profile"
          leftSection={<IconShieldLock size={14} aria-hidden />}
        >
          Profile and security
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={14} aria-hidden />}
          onClick={() => signOut.mutate([])}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
