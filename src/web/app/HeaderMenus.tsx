import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconCheck,
  IconChevronDown,
  IconLogout,
  IconShieldLock,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contracts/identity';
import { apiSend } from '../api/client';
import { activeMembership, ME_KEY } from './session';

const ROLE_LABEL: Record<string, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  security_officer: 'Security official',
  privacy_officer: 'Privacy official',
  contributor: 'Contributor',
  workforce: 'Workforce member',
  auditor: 'Auditor',
};

export const roleLabel = (role: string) => ROLE_LABEL[role] ?? role;

/** Switches the active organization (consultants work for several). */
export function OrganizationSwitcher({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const active = activeMembership(me);
  const switchTo = useMutation({
    mutationFn: (orgId: string) => apiSend('POST', '/api/me/organization', { orgId }),
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
        >
          {active?.orgName ?? 'No organization'}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {me.memberships.map((m) => (
          <Menu.Item
            key={m.orgId}
            onClick={() => m.orgId !== active?.orgId && switchTo.mutate(m.orgId)}
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
  const signOut = useMutation({
    mutationFn: () => apiSend('POST', '/api/auth/sign-out'),
    onSettled: () => {
      // clear() would detach the mounted session observer; drop the rest and mark signed out.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, null);
    },
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
          {me.user.name}
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
          onClick={() => signOut.mutate()}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
