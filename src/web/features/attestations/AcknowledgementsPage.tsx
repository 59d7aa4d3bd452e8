import { Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_PLURALS } from '../../../contracts/roles';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { AudienceDialog } from './AudienceDialog';

/** Acknowledgement of the policies in effect, per policy and per person (164.316(b)(2)(ii)). */
export function AcknowledgementsPage() {
  const org = useActiveOrg();
  const [view, setView] = useState<'policies' | 'people'>('policies');
  const [publishing, setPublishing] = useState(false);
  const completion = useApiQuery(api.attestations.completion, org ? [{ orgId: org.orgId }] : null);
  const mayPublish = org !== undefined && can(org.role, api.attestations.publish);
  const documents = useApiQuery(
    api.documents.list,
    org && mayPublish ? [{ orgId: org.orgId }] : null,
  );
  if (!org) return <NoOrganization />;
  const policies = completion.data?.policies ?? [];
  const people = completion.data?.people ?? [];
  const unpublished = (documents.data?.data ?? [])
    .filter((d) => d.inEffect && !policies.some((p) => p.policy.id === d.id))
    .map((d) => ({ value: d.id, label: `${d.reference} ${d.title}` }));
  return (
    <>
      <PageHeader
        title="Acknowledgements"
        description="Who has read and acknowledged the version in effect of each policy published to them. A new version in effect asks everyone again."
      />
      {completion.isError ? (
        <ErrorNotice error={completion.error} onRetry={() => void completion.refetch()} />
      ) : null}
      <Stack gap="md" maw={1040}>
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v === 'people' ? 'people' : 'policies')}
            data={[
              { value: 'policies', label: 'By policy' },
              { value: 'people', label: 'By person' },
            ]}
          />
          <Group gap="xs">
            {mayPublish ? (
              <Button
                variant="default"
                onClick={() => setPublishing(true)}
                disabled={unpublished.length === 0}
              >
                Publish a policy
              </Button>
            ) : null}
            <Button
              component="a"
              variant="default"
              href={`/api/orgs/${org.orgId}/acknowledgements/export.csv`}
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              CSV
            </Button>
          </Group>
        </Group>
        {completion.isSuccess && policies.length === 0 ? (
          <Card withBorder padding="md">
            <Text size="sm">
              No policy is published yet. Put a policy in effect, then publish it to the roles and
              people who must follow it.
            </Text>
          </Card>
        ) : null}
        {view === 'policies' && policies.length > 0 ? (
          <ScrollTable label="Acknowledgements by policy" stack minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Policy</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Asked of</Table.Th>
                <Table.Th>Acknowledged</Table.Th>
                <Table.Th>Overdue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.map((p) => (
                <Table.Tr key={p.policy.id}>
                  <Table.Td>
                    <RecordLink to={`/documents/${p.policy.id}`}>
                      {p.policy.reference} {p.policy.title}
                    </RecordLink>
                  </Table.Td>
                  <Table.Td data-label="Version">{p.version ? p.version.number : '—'}</Table.Td>
                  <Table.Td data-label="Asked of">
                    {[
                      ...p.audience.roles.map((r) => ROLE_PLURALS[r]),
                      ...p.audience.people.map((x) => x.name),
                    ].join(', ')}
                  </Table.Td>
                  <Table.Td data-label="Acknowledged">
                    {p.acknowledged} of {countOf(p.required, 'person', 'people')}
                  </Table.Td>
                  <Table.Td data-label="Overdue">
                    <Text size="sm" {...(p.overdue > 0 ? { c: 'red' } : {})}>
                      {p.overdue}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        {view === 'people' && people.length > 0 ? (
          <ScrollTable label="Acknowledgements by person" stack minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Acknowledged</Table.Th>
                <Table.Th>Overdue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.person.id}>
                  <Table.Td>{p.person.name}</Table.Td>
                  <Table.Td data-label="Acknowledged">
                    {p.acknowledged} of {countOf(p.required, 'policy', 'policies')}
                  </Table.Td>
                  <Table.Td data-label="Overdue">
                    <Text size="sm" {...(p.overdue > 0 ? { c: 'red' } : {})}>
                      {p.overdue}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
      {publishing ? (
        <AudienceDialog
          orgId={org.orgId}
          opened
          onClose={() => setPublishing(false)}
          choices={unpublished}
        />
      ) : null}
    </>
  );
}
