import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, type Assessment } from '../../../contracts/risk-assessments';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { NewAssessment } from './NewAssessment';

export const ASSESSMENT_STATUS: Record<Assessment['status'], { label: string; color: string }> = {
  draft: { label: ASSESSMENT_STATUS_LABELS.draft, color: 'gray' },
  in_review: { label: ASSESSMENT_STATUS_LABELS.in_review, color: 'yellow' },
  approved: { label: ASSESSMENT_STATUS_LABELS.approved, color: 'teal' },
};

/** Risk assessments (164.308(a)(1)(ii)(A)), newest first; a new one may start from the last approved. */
export function AssessmentsPage() {
  const time = useOrgTime();
  const org = useActiveOrg();
  const list = useApiQuery(api.riskAssessments.list, org ? [{ orgId: org.orgId }] : null);
  const all = list.data?.data ?? [];
  const lastApproved = all.find((a) => a.status === 'approved') ?? null;
  // The assessment in progress, if any, is continued; a second update of the same approved
  // assessment is not offered (the server refuses it), a separately scoped one still is.
  const open = all.find((a) => a.status !== 'approved') ?? null;
  const updating = lastApproved
    ? (all.find((a) => a.status !== 'approved' && a.basedOn?.id === lastApproved.id) ?? null)
    : null;
  if (!org) return <NoOrganization />;
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Risk assessments"
          description="Each assessment reviews the register for its period and, once approved, freezes it with the matrix and a signed-off PDF report. Approved assessments never change."
        />
        <Group gap="xs">
          {open ? (
            <Button
              component={Link}
              to={`/risk-assessments/${open.id}`}
              rightSection={<IconArrowRight size={16} aria-hidden />}
            >
              Continue {open.reference}
            </Button>
          ) : null}
          {can(org.role, api.riskAssessments.create) && list.data ? (
            <NewAssessment orgId={org.orgId} base={updating ? null : lastApproved} />
          ) : null}
        </Group>
      </Group>
      <Stack>
        {list.isError ? <ErrorNotice error={list.error} /> : null}
        <Table verticalSpacing={6}>
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
                    {a.approved ? `${a.approved.by.name}, ${time.day(a.approved.at)}` : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.basedOn?.reference ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
