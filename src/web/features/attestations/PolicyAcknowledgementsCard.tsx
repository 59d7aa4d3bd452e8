import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROLE_PLURALS } from '../../../contracts/roles';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { AckBadge } from './AckBadge';
import { AudienceDialog } from './AudienceDialog';

/** On a policy's page: who must acknowledge its version in effect, and who has. */
export function PolicyAcknowledgementsCard({ documentId }: { documentId: string }) {
  const org = useActiveOrg();
  const time = useOrgTime();
  const readable = org !== undefined && can(org.role, api.attestations.policy);
  const completion = useApiQuery(
    api.attestations.policy,
    org && readable ? [{ orgId: org.orgId, documentId }] : null,
  );
  const [editing, setEditing] = useState(false);
  if (!org || !readable || !completion.data) return null;
  const c = completion.data;
  const published = c.audience.publishedAt !== null;
  const mayPublish = can(org.role, api.attestations.publish) && c.version !== null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>Acknowledgements</Text>
          {mayPublish ? (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {published ? 'Change who is asked' : 'Ask people to acknowledge it'}
            </Button>
          ) : null}
        </Group>
        {!published ? (
          <Text size="sm" c="dimmed">
            {c.version
              ? 'Nobody is asked to acknowledge this policy yet.'
              : 'Once a version is in effect, you can ask people to acknowledge it.'}
          </Text>
        ) : (
          <>
            <Text size="sm">
              Asked of{' '}
              {[
                ...c.audience.roles.map((r) => ROLE_PLURALS[r]),
                ...c.audience.people.map((p) => p.name),
              ].join(', ')}
              , within {countOf(c.audience.dueDays, 'day')}. {c.acknowledged} of{' '}
              {countOf(c.required, 'person', 'people')} acknowledged version{' '}
              {c.version?.number ?? '—'}
              {c.overdue > 0 ? `; ${c.overdue} overdue` : ''}.{' '}
              <Anchor component={Link} to="/acknowledgements" size="sm" underline="always">
                All policies
              </Anchor>
            </Text>
            {c.people.length > 0 ? (
              <ScrollTable label="Who acknowledged" stack minWidth={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>When</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.people.map((p) => (
                    <Table.Tr key={p.person.id}>
                      <Table.Td>{p.person.name}</Table.Td>
                      <Table.Td data-label="Status">
                        <AckBadge status={p.status} />
                      </Table.Td>
                      <Table.Td data-label="When">
                        {p.acknowledgedAt
                          ? time.day(p.acknowledgedAt)
                          : `due ${formatDate(p.dueOn)}`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            ) : null}
          </>
        )}
      </Stack>
      {editing ? (
        <AudienceDialog
          orgId={org.orgId}
          opened
          onClose={() => setEditing(false)}
          documentId={documentId}
          audience={c.audience}
        />
      ) : null}
    </Card>
  );
}
