import { Button, Group, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DECISION_LABELS, SAFEGUARD_STATUS_LABELS } from '../../../contracts/safeguards';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../components/format';
import classes from './print.module.css';
import { useOrgTime } from '../../components/useOrgTime';

/** The safeguard register laid out for paper: no navigation, one table, a dated header. */
export function PrintRegisterPage() {
  const time = useOrgTime();
  const org = useActiveOrg();
  useDocumentTitle(`Safeguard register · ${org?.orgName ?? ''}`);
  const list = useApiQuery(api.safeguards.list, org ? [{ orgId: org.orgId }] : null);
  if (list.isError) return <ErrorNotice error={list.error} />;
  return (
    <main className={classes.page}>
      <Group justify="space-between" className={classes.noPrint} mb="md">
        <Button component={Link} to="/safeguards" variant="default">
          Back
        </Button>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <Title order={1} size="h3">
        Safeguard register: {org?.orgName}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        HIPAA Security Rule, 45 CFR 164.308–164.316 · printed{' '}
        {time.dateTime(new Date().toISOString())}
      </Text>
      <ScrollTable
        label="Safeguard register"
        className={classes.table}
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Implementation statement</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>Next review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.data ?? []).map((s) => (
            <Table.Tr key={s.requirementId}>
              <Table.Td>
                <b>{s.requirementId}</b> {s.title}
                <br />
                <Text span size="xs" c="dimmed">
                  {s.kind === 'standard'
                    ? 'Standard'
                    : s.designation === 'required'
                      ? 'Required'
                      : 'Addressable'}
                </Text>
              </Table.Td>
              <Table.Td>{SAFEGUARD_STATUS_LABELS[s.status]}</Table.Td>
              <Table.Td>{s.owner?.name ?? ''}</Table.Td>
              <Table.Td>{s.statement}</Table.Td>
              <Table.Td>
                {s.decision ? (
                  <>
                    {DECISION_LABELS[s.decision.decision]}
                    {s.decision.approvedBy
                      ? ` (${s.decision.approvedBy.name}, ${formatDate(s.decision.approvedOn)})`
                      : ''}
                    {s.decision.rationale ? <Text size="xs">{s.decision.rationale}</Text> : null}
                  </>
                ) : s.decisionMissing ? (
                  'Missing'
                ) : (
                  ''
                )}
              </Table.Td>
              <Table.Td>{formatDate(s.nextReviewOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </main>
  );
}
