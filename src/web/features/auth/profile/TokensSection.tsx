import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Me } from '../../../../contracts/auth';
import { ROLES, type Role } from '../../../../contracts/roles';
import { api } from '../../../api';
import { fieldErrors } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { roleLabel } from '../../../app/HeaderMenus';
import { useReauth } from '../../../app/reauth';
import { activeMembership } from '../../../app/session';
import { useOrgTime } from '../../../components/useOrgTime';

/** Personal API tokens for scripts and log shippers, bound to the active organization. */
export function TokensSection({ me }: { me: Me }) {
  const time = useOrgTime();
  const reauth = useReauth();
  const org = activeMembership(me);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('auditor');
  const [days, setDays] = useState<number | string>(90);
  const tokens = useApiQuery(api.auth.tokens, []);
  const create = useApiMutation(api.auth.createToken, { through: reauth.run });
  const revoke = useApiMutation(api.auth.revokeToken);
  const errors = fieldErrors(create.error, {
    name: 'The name',
    role: 'The role',
    expiresInDays: 'The lifetime',
  });
  if (!org) {
    return null;
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={600}>API tokens</Text>
        <Text size="sm" c="dimmed">
          For scripts and integrations. A token works in {org.orgName} only, with a role no higher
          than yours, until it expires or is revoked. Send it as{' '}
          <Code>Authorization: Bearer …</Code>. Signing out (even everywhere) and changing your
          password leave tokens working; resetting a forgotten password revokes them unless you
          choose to keep them.
        </Text>
        {create.data ? (
          <Alert
            color="yellow"
            variant="light"
            title="Copy the token now: it is shown only once"
            role="status"
          >
            <Code block data-testid="new-token">
              {create.data.token}
            </Code>
          </Alert>
        ) : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate([{ orgId: org.orgId, name, role, expiresInDays: Number(days) }]);
          }}
        >
          <Group align="end">
            <TextInput
              label="Name"
              placeholder="e.g. EHR log shipper"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              w={220}
            />
            <Select
              label="Role"
              data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
              value={role}
              onChange={(v) => setRole(ROLES.find((r) => r === v) ?? 'auditor')}
              allowDeselect={false}
              error={errors.role}
              w={200}
            />
            <NumberInput
              label="Days"
              min={1}
              max={365}
              value={days}
              onChange={setDays}
              error={errors.expiresInDays}
              w={100}
            />
            <Button type="submit" variant="default" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </form>
        {(tokens.data?.data.length ?? 0) > 0 ? (
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tokens.data?.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Code fz="xs">{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{roleLabel(t.role)}</Table.Td>
                  <Table.Td>{time.day(t.expiresAt)}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? time.dateTime(t.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => revoke.mutate([{ tokenId: t.id }])}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Card>
  );
}
