import { Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  EvidenceListQuerySchema,
} from '../../../contracts/evidence';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useFilterParams } from '../../app/useFilterParams';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { AddEvidence } from './AddEvidence';
import { formatSize } from './size';

/** The organization's evidence: files and links, with their refresh dates. */
export function EvidencePage() {
  const org = useActiveOrg();
  const { params, set, filtered } = useFilterParams();
  const filters = EvidenceListQuerySchema.safeParse({
    kind: params.get('kind') ?? undefined,
    stale: params.get('stale') ?? undefined,
  });
  const query = filters.success ? filters.data : {};
  const list = useApiQuery(api.evidence.list, org ? [{ orgId: org.orgId }, query] : null);
  if (!org) {
    return <NoOrganization />;
  }
  const items = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Evidence"
        description="What shows the safeguards work: files kept encrypted here, and links to records kept elsewhere."
      />
      <Stack gap="md">
        {can(org.role, api.evidence.upload) ? <AddEvidence orgId={org.orgId} /> : null}
        <Group gap="md" align="end">
          <Select
            label="Kind"
            placeholder="Any"
            clearable
            data={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_KIND_LABELS[k] }))}
            value={params.get('kind')}
            onChange={(v) => set('kind', v)}
            w={160}
          />
          <Select
            label="Refresh"
            placeholder="Any"
            clearable
            data={[
              { value: 'true', label: 'Due for refresh' },
              { value: 'false', label: 'Current' },
            ]}
            value={params.get('stale')}
            onChange={(v) => set('stale', v)}
            w={180}
          />
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {list.isSuccess && items.length === 0 ? (
          <EmptyState filtered={filtered()} noun="evidence">
            <Text size="sm">
              No evidence yet. Upload a report, a screenshot or a signed form, or record where it is
              kept, then link it to the safeguards, risks and tasks it supports.
            </Text>
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <ScrollTable label="Evidence" minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Evidence</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Collected</Table.Th>
                <Table.Th>Refresh by</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <RecordLink to={`/evidence/${item.id}`}>
                      {item.reference} {item.title}
                    </RecordLink>
                  </Table.Td>
                  <Table.Td>
                    {EVIDENCE_KIND_LABELS[item.kind]}
                    {item.file ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {formatSize(item.file.size)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{item.collectedOn ? formatDate(item.collectedOn) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {item.refreshOn ? formatDate(item.refreshOn) : '—'}
                      {item.stale ? (
                        <Badge size="sm" color="orange" variant="light">
                          Stale
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{item.owner?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
    </>
  );
}
