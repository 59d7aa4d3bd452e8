import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { RETAINED_RECORD_TYPE_LABELS, type RetainedRecord } from '../../../contracts/retention';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { HoldDialog } from './HoldDialog';
import { pageOfRetained } from './pages';
import { RetentionYears } from './RetentionYears';

/** 164.316(b)(2)(i): what the organization keeps, until when, and the legal holds on it. */
export function RetentionPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const [held, setHeld] = useState<'all' | 'held'>('all');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<RetainedRecord | null>(null);
  const register = useApiQuery(
    api.retention.register,
    org
      ? [
          { orgId: org.orgId },
          {
            ...(held === 'held' ? { held: 'true' as const } : {}),
            ...(cursor ? { cursor } : {}),
          },
        ]
      : null,
  );
  const settings = useApiQuery(api.retention.settings, org ? [{ orgId: org.orgId }] : null);
  if (!org) {
    return <NoOrganization />;
  }
  const records = register.data?.data ?? [];
  const years = settings.data?.years;
  const mayHold = can(org.role, api.retention.placeHold);
  return (
    <>
      <PageHeader
        title="Retention register"
        description="Policies, evidence and approved risk analyses are kept at least six years from when they were created or last in effect, whichever is later (45 CFR 164.316(b)(2)(i)). Nothing here can be deleted before its date, and nothing under a legal hold can be deleted at all."
      />
      {register.isError ? (
        <ErrorNotice error={register.error} onRetry={() => void register.refetch()} />
      ) : null}
      <Stack gap="md" maw={1040}>
        <RetentionYears orgId={org.orgId} role={org.role} />
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Text fw={600}>Kept records</Text>
            <SegmentedControl
              size="xs"
              value={held}
              onChange={(value) => {
                setHeld(value === 'held' ? 'held' : 'all');
                setCursor(undefined);
              }}
              data={[
                { value: 'all', label: 'All' },
                { value: 'held', label: 'Under legal hold' },
              ]}
            />
          </Group>
          {register.isSuccess && records.length === 0 ? (
            <EmptyState filtered={held === 'held'} noun="record under a legal hold">
              <Text size="sm">
                Approved risk analyses, policy versions and evidence appear here as they are made,
                each with the date until which it must be kept.
              </Text>
            </EmptyState>
          ) : (
            <ScrollTable label="Kept records" stack minWidth={760}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Counted from</Table.Th>
                  <Table.Th>Kept until</Table.Th>
                  <Table.Th>Legal hold</Table.Th>
                  {mayHold ? (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.map((record) => (
                  <Table.Tr key={`${record.recordType}:${record.recordId}`}>
                    <Table.Td>
                      <RecordLink to={pageOfRetained(record)}>{record.label}</RecordLink>
                    </Table.Td>
                    <Table.Td data-label="Kind">
                      {RETAINED_RECORD_TYPE_LABELS[record.recordType]}
                    </Table.Td>
                    {record.inEffect ? (
                      // 164.316(b)(2)(i): counted from when it was last in effect, not known yet.
                      <>
                        <Table.Td data-label="Counted from">The day it leaves effect</Table.Td>
                        <Table.Td data-label="Kept until">
                          While in effect, then{' '}
                          {years === undefined ? 'the retention years' : countOf(years, 'year')}
                        </Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td data-label="Counted from">{formatDate(record.keptFrom)}</Table.Td>
                        <Table.Td data-label="Kept until">
                          {formatDate(record.retainUntil)}
                        </Table.Td>
                      </>
                    )}
                    <Table.Td data-label="Legal hold">
                      {record.hold ? (
                        <Stack gap={2}>
                          <Badge color="red" variant="light" w="fit-content">
                            {record.hold.reference}
                          </Badge>
                          <Text size="xs">{record.hold.reason}</Text>
                          <Text size="xs" c="dimmed">
                            Placed {time.day(record.hold.placedAt)}
                            {record.hold.placedBy ? ` by ${record.hold.placedBy.name}` : ''}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      )}
                    </Table.Td>
                    {mayHold ? (
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setChosen(record)}>
                          {record.hold ? 'Release hold' : 'Place hold'}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed">
              {countOf(records.length, 'record')} on this page, oldest first (policy versions still
              in effect by when they took effect).
            </Text>
            <Group gap="xs">
              {cursor ? (
                <Button size="xs" variant="default" onClick={() => setCursor(undefined)}>
                  First page
                </Button>
              ) : null}
              {register.data?.nextCursor ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setCursor(register.data.nextCursor ?? undefined)}
                >
                  Next page
                </Button>
              ) : null}
            </Group>
          </Group>
        </Card>
      </Stack>
      <HoldDialog orgId={org.orgId} record={chosen} onClose={() => setChosen(null)} />
    </>
  );
}
