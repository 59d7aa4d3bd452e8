import { ScrollTable } from '../../components/ScrollTable';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Assessment } from '../../../contracts/risk-assessments';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';

export const ASSESSMENT_STATUS: Record<Assessment['status'], { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  in_review: { label: 'In review', color: 'yellow' },
  approved: { label: 'Approved', color: 'teal' },
};

/** Risk assessments (164.308(a)(1)(ii)(A)), newest first; a new one starts from the last approved. */
export function AssessmentsPage() {
  const org = useActiveOrg();
  const navigate = useNavigate();
  const list = useApiQuery(api.riskAssessments.list, org ? [{ orgId: org.orgId }] : null);
  const lastApproved = list.data?.data.find((a) => a.status === 'approved');
  const start = useApiMutation(api.riskAssessments.create);
  if (!org) return <NoOrganization />;
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Risk assessments"
          description="Each assessment reviews the register for its period and, once approved, freezes it with the matrix and a signed-off PDF report. Approved assessments never change."
        />
        {can(org.role, api.riskAssessments.create) ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            loading={start.isPending}
            onClick={() =>
              start.mutate(
                [{ orgId: org.orgId }, lastApproved ? { basedOnId: lastApproved.id } : {}],
                { onSuccess: (a) => void navigate(`/risk-assessments/${a.id}`) },
              )
            }
          >
            {lastApproved ? `New assessment from ${lastApproved.reference}` : 'New assessment'}
          </Button>
        ) : null}
      </Group>
      <Stack>
        {list.isError ? <ErrorNotice error={list.error} /> : null}
        {start.error ? <ErrorNotice error={start.error} /> : null}
        <ScrollTable label="Risk assessments" minWidth={560} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Approved</Table.Th>
              <Table.Th>Started from</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/risk-assessments/${a.id}`} size="sm">
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {a.reference}
                    </Text>
                    {a.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={ASSESSMENT_STATUS[a.status].color}>
                    {ASSESSMENT_STATUS[a.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {a.approved
                      ? `${a.approved.by.name}, ${formatDate(a.approved.at.slice(0, 10))}`
                      : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.basedOn?.reference ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No assessment yet. Start one: it covers every asset with ePHI and the risks of the
            register.
          </Text>
        ) : null}
      </Stack>
    </>
  );
}
