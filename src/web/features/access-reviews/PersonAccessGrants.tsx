import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { AccessGrant } from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

function GrantForm(props: { orgId: string; personId: string; onDone: () => void }) {
  const time = useOrgTime();
  const assets = useApiQuery(api.assets.list, [{ orgId: props.orgId }, { limit: 200 }]);
  const [assetId, setAssetId] = useState<string | null>(null);
  const [accessLevel, setAccessLevel] = useState('');
  const [justification, setJustification] = useState('');
  const [grantedOn, setGrantedOn] = useState(time.today());
  const grant = useApiMutation(api.accessReviews.grant, { onSuccess: props.onDone });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!assetId) return;
        grant.mutate([
          { orgId: props.orgId },
          { personId: props.personId, assetId, accessLevel, justification, grantedOn },
        ]);
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="System"
            required
            searchable
            data={(assets.data?.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={assetId}
            onChange={setAssetId}
          />
          <TextInput
            label="Access level"
            required
            value={accessLevel}
            onChange={(e) => setAccessLevel(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Granted on"
            required
            value={grantedOn}
            onChange={(e) => setGrantedOn(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label="Justification"
          required
          autosize
          minRows={2}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          You are recorded as who approved this access.
        </Text>
        <MutationError error={grant.error} action="record the access" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={grant.isPending} disabled={!assetId}>
            Record the access
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Revoke({ orgId, grant }: { orgId: string; grant: AccessGrant }) {
  const revoke = useApiMutation(api.accessReviews.revokeGrant);
  return (
    <Stack gap={2}>
      <Button
        size="xs"
        variant="default"
        loading={revoke.isPending}
        onClick={() => revoke.mutate([{ orgId, accessGrantId: grant.id }, {}])}
      >
        End {grant.reference} today
      </Button>
      <MutationError error={revoke.error} action="end the access" />
    </Stack>
  );
}

/** The access a person was granted, system by system (164.308(a)(4)(ii)(B)). */
export function PersonAccessGrants({ personId }: { personId: string }) {
  const org = useActiveOrg();
  const orgId = org?.orgId;
  const readable = org !== undefined && can(org.role, api.accessReviews.grants);
  const list = useApiQuery(
    api.accessReviews.grants,
    orgId && readable ? [{ orgId }, { personId }] : null,
  );
  const [adding, setAdding] = useState(false);
  if (!org || !readable) return null;
  const grants = list.data?.data ?? [];
  const ends = can(org.role, api.accessReviews.revokeGrant);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Access to systems</Text>
          {can(org.role, api.accessReviews.grant) && !adding ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              Record access
            </Button>
          ) : null}
        </Group>
        {adding ? (
          <GrantForm orgId={org.orgId} personId={personId} onDone={() => setAdding(false)} />
        ) : null}
        {list.data && grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            No access recorded: record what this person may reach, why, and who approved it.
          </Text>
        ) : null}
        {grants.length > 0 ? (
          <ScrollTable label="Access to systems" minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>System</Table.Th>
                <Table.Th>Access level</Table.Th>
                <Table.Th>Justification</Table.Th>
                <Table.Th>Approved by</Table.Th>
                <Table.Th>Granted</Table.Th>
                <Table.Th>Ended</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{g.asset.name}</Table.Td>
                  <Table.Td>{g.accessLevel}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.justification}</Text>
                  </Table.Td>
                  <Table.Td>{g.approvedBy.name}</Table.Td>
                  <Table.Td>{formatDate(g.grantedOn)}</Table.Td>
                  <Table.Td>
                    {g.revokedOn ? (
                      <Badge variant="dot" color="gray">
                        {formatDate(g.revokedOn)}
                      </Badge>
                    ) : ends ? (
                      <Revoke orgId={org.orgId} grant={g} />
                    ) : (
                      <Text size="sm">In effect</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
    </Card>
  );
}
