import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { ScrollTable } from '../../components/ScrollTable';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { IconUserPlus } from '@tabler/icons-react';
import { INVITATION_STATUS_LABELS } from '../../../contracts/organizations';
import { ROLES } from '../../../contracts/roles';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { roleLabel } from '../../app/HeaderMenus';
import { useReauth } from '../../app/reauth';
import { can, useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { InviteDialog } from './InviteDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { useOrgTime } from '../../components/useOrgTime';

const STATUS_COLOR = {
  pending: 'blue',
  expired: 'gray',
  accepted: 'teal',
  revoked: 'gray',
} as const;

/** 164.308(a)(4) information access management: who can reach this organization's records. */
export function MembersPage() {
  const time = useOrgTime();
  const org = useActiveOrg();
  const reauth = useReauth();
  const [inviting, invite] = useDisclosure(false);
  const manage = can(org?.role, api.organizations.changeMember);
  const mayReset = can(org?.role, api.organizations.resetMemberPassword);
  const myId = useMe().data?.user.id;
  const [resetting, setResetting] = useState<{ id: string; name: string; email: string } | null>(
    null,
  );
  const params = org ? { orgId: org.orgId } : null;
  const members = useApiQuery(api.organizations.members, params && [params]);
  const invitations = useApiQuery(api.organizations.invitations, params && [params]);
  const change = useApiMutation(api.organizations.changeMember, { through: reauth.run });
  const remove = useApiMutation(api.organizations.removeMember);
  const withdraw = useApiMutation(api.organizations.withdrawInvitation);
  if (!org) {
    return <NoOrganization />;
  }
  const orgId = org.orgId;
  const failure = change.error ?? remove.error ?? withdraw.error;
  const open = (invitations.data?.data ?? []).filter(
    (i) => i.status === 'pending' || i.status === 'expired',
  );
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Members"
          description="Everyone with access to this organization in Custos, and their role. Auditors have read-only access until their end date."
        />
        {manage ? (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>
            Invite
          </Button>
        ) : null}
      </Group>
      <Stack gap="lg">
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure.message}
          </Alert>
        ) : null}
        {members.isError ? (
          <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />
        ) : null}
        <ScrollTable label="Members" minWidth={720} stack striped verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Access until</Table.Th>
              <Table.Th>Member since</Table.Th>
              {manage ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(members.data?.data ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td fw={600}>{m.name}</Table.Td>
                <Table.Td data-label="Email">{m.email}</Table.Td>
                <Table.Td data-label="Role">
                  {manage ? (
                    <Select
                      aria-label={`Role of ${m.name}`}
                      size="xs"
                      w={190}
                      maw="100%"
                      data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                      value={m.role}
                      allowDeselect={false}
                      onChange={(value) => {
                        const role = ROLES.find((r) => r === value);
                        if (role && role !== m.role) {
                          change.mutate([{ orgId, memberId: m.id }, { role }]);
                        }
                      }}
                    />
                  ) : (
                    <Badge variant="default" size="sm">
                      {roleLabel(m.role)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td data-label="Access until">
                  {m.accessExpiresAt ? (
                    time.day(m.accessExpiresAt)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      no end date
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label="Member since">{time.day(m.since)}</Table.Td>
                {manage ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {/* Not for oneself (self-service), nor an owner's unless by an owner. */}
                      {mayReset &&
                      m.userId !== myId &&
                      (m.role !== 'owner' || org.role === 'owner') ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Reset password for ${m.name}`}
                          onClick={() => setResetting({ id: m.id, name: m.name, email: m.email })}
                        >
                          Reset password
                        </Button>
                      ) : null}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate([{ orgId, memberId: m.id }])}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>

        <Title order={2} size="h4">
          Invitations
        </Title>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open invitation.
          </Text>
        ) : (
          <ScrollTable label="Invitations" minWidth={560} verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                {manage ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{roleLabel(i.role)}</Table.Td>
                  <Table.Td>{time.dateTime(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={STATUS_COLOR[i.status]}>
                      {INVITATION_STATUS_LABELS[i.status]}
                    </Badge>
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => withdraw.mutate([{ orgId, invitationId: i.id }])}
                      >
                        Withdraw
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <ResetPasswordDialog orgId={orgId} member={resetting} onClose={() => setResetting(null)} />
      <InviteDialog
        orgId={org.orgId}
        canGrantOwner={org.role === 'owner'}
        opened={inviting}
        onClose={invite.close}
      />
    </>
  );
}
