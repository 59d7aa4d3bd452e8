import { Badge, Button, Chip, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  SANCTION_INTENT_LABELS,
  SANCTION_SEVERITY_LABELS,
  type Sanction,
} from '../../../contracts/sanctions';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { RecordDialog } from './RecordDialog';
import { TiersCard } from './TiersCard';

/** Still lacking the HR sign-off or the person's acknowledgement. */
export const isAwaiting = (s: Sanction) => s.hrSignOff === null || s.acknowledgedOn === null;

/** Sanction records (164.308(a)(1)(ii)(C)): only owners, admins and the officials see this page. */
export function SanctionsPage() {
  const org = useActiveOrg();
  const orgId = org?.orgId;
  const list = useApiQuery(api.sanctions.list, orgId ? [{ orgId }, {}] : null);
  const [recording, setRecording] = useState(false);
  const time = useOrgTime();
  const [params, setParams] = useSearchParams();
  const awaitingOnly = params.get('awaiting') === '1';
  if (!org) return <NoOrganization />;
  const all = list.data?.data ?? [];
  const records = awaitingOnly ? all.filter(isAwaiting) : all;
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Sanctions"
          description="Sanctions applied to workforce members who failed to comply with the security policies (164.308(a)(1)(ii)(C)). Seen only by owners, admins and the Security and Privacy Officials."
        />
        {can(org.role, api.sanctions.create) ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setRecording(true)}
          >
            Record a sanction
          </Button>
        ) : null}
      </Group>
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Stack gap="md">
        {all.length > 0 ? (
          <Chip
            checked={awaitingOnly}
            onChange={(on) => setParams(on ? { awaiting: '1' } : {}, { replace: true })}
          >
            Awaiting HR sign-off or acknowledgement only
          </Chip>
        ) : null}
        {list.data && records.length === 0 ? (
          <EmptyState filtered={awaitingOnly} noun="sanction">
            <Text size="sm">
              {awaitingOnly
                ? 'Every sanction record is signed off and acknowledged.'
                : 'No sanction recorded. Record one when a workforce member failed to comply with the security policies; progressive discipline suggests the tier.'}
            </Text>
          </EmptyState>
        ) : null}
        {records.length > 0 ? (
          <ScrollTable label="Sanctions" minWidth={860} stack>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Person</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Decided</Table.Th>
                <Table.Th>HR sign-off</Table.Th>
                <Table.Th>Acknowledged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <RecordLink to={`/sanctions/${s.id}`} fw={600}>
                      {s.reference}
                    </RecordLink>
                    <Text size="xs" lineClamp={2}>
                      {s.violation}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Person">{s.person.name}</Table.Td>
                  <Table.Td data-label="Decision">
                    <Badge variant="light" color="gray">
                      {s.decision.name}
                    </Badge>
                    <Text size="xs">
                      {SANCTION_SEVERITY_LABELS[s.severity]} · {SANCTION_INTENT_LABELS[s.intent]}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Decided">
                    {formatDate(s.decidedOn)}, {s.decidedBy.name}
                  </Table.Td>
                  <Table.Td data-label="HR sign-off">
                    {s.hrSignOff ? (
                      `${s.hrSignOff.by.name}, ${time.day(s.hrSignOff.at)}`
                    ) : (
                      <Text size="sm" c="dimmed">
                        Awaiting
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label="Acknowledged">
                    {s.acknowledgedOn ? (
                      formatDate(s.acknowledgedOn)
                    ) : (
                      <Text size="sm" c="dimmed">
                        Awaiting
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        <TiersCard used={all.map((s) => s.decision.name)} />
      </Stack>
      {recording ? <RecordDialog onClose={() => setRecording(false)} /> : null}
    </>
  );
}
