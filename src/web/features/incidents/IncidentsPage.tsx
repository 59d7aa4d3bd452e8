import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_STATUS_LABELS,
} from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';
import { IncidentDialog } from './IncidentDialog';
import { ReportingSettings } from './ReportingSettings';
import { STATUS_COLORS, severityColor } from './words';

type Filter = 'open' | 'closed' | 'all';
const isFilter = (v: string | null): v is Filter => v === 'open' || v === 'closed' || v === 'all';

/** The incident register (164.308(a)(6)(ii)), and how people report. */
export function IncidentsPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: Filter = isFilter(requested) ? requested : 'open';
  const tab = params.get('tab') === 'reporting' ? 'reporting' : 'register';
  const [adding, setAdding] = useState(false);
  const orgId = org?.orgId;
  const list = useApiQuery(api.incidents.list, orgId ? [{ orgId }, { status }] : null);
  const scale = useApiQuery(api.incidents.severityScale, orgId ? [{ orgId }] : null);
  if (!org) return <NoOrganization />;
  const manages = can(org.role, api.incidents.create);
  const levels = scale.data?.data.length ?? 4;
  const incidents = list.data?.data ?? [];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Suspected and known security incidents, the response to each and its review (164.308(a)(6))."
      />
      <Tabs value={tab} onChange={(v) => set('tab', v ?? 'register')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="register">Register</Tabs.Tab>
          {manages ? <Tabs.Tab value="reporting">Reporting and severity</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="register">
          <Stack gap="md">
            <Group justify="space-between">
              <SegmentedControl
                aria-label="Which incidents"
                value={status}
                onChange={(v) => set('status', v)}
                data={[
                  { value: 'open', label: 'Open' },
                  { value: 'closed', label: 'Closed' },
                  { value: 'all', label: 'All' },
                ]}
              />
              <Group gap="sm">
                {can(org.role, api.incidents.breachLog) ? (
                  <Button component={Link} to="/incidents/breach-log" variant="default">
                    Yearly breach log
                  </Button>
                ) : null}
                {manages ? (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setAdding(true)}
                  >
                    Record an incident
                  </Button>
                ) : null}
              </Group>
            </Group>
            {list.isError ? (
              <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
            ) : null}
            {list.isSuccess && incidents.length === 0 ? (
              <EmptyState filtered={status !== 'all'} noun="incident">
                Reports from the workforce and the incidents you record show here.
              </EmptyState>
            ) : null}
            {incidents.length > 0 ? (
              <ScrollTable label="Incidents" minWidth={820} stack verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Incident</Table.Th>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Severity</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Reported</Table.Th>
                    <Table.Th>Owner</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {incidents.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/incidents/${i.id}`} size="sm">
                          {i.reference} {i.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td data-label="Category">
                        <Text size="sm">{INCIDENT_CATEGORY_LABELS[i.category]}</Text>
                      </Table.Td>
                      <Table.Td data-label="Severity">
                        {i.severity ? (
                          <Badge variant="dot" color={severityColor(i.severity.level, levels)}>
                            {i.severity.name}
                          </Badge>
                        ) : (
                          <Text size="sm">Not rated</Text>
                        )}
                      </Table.Td>
                      <Table.Td data-label="Status">
                        <Badge variant="dot" color={STATUS_COLORS[i.status]}>
                          {INCIDENT_STATUS_LABELS[i.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-label="Reported">
                        <Text size="sm">{time.dateTime(i.reportedAt)}</Text>
                      </Table.Td>
                      <Table.Td data-label="Owner">
                        <Text size="sm">{i.owner?.name ?? 'Nobody yet'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            ) : null}
          </Stack>
        </Tabs.Panel>
        {manages ? (
          <Tabs.Panel value="reporting">
            <ReportingSettings orgId={org.orgId} scale={scale.data?.data ?? []} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {adding ? <IncidentDialog orgId={org.orgId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
