import { ScrollTable } from '../../components/ScrollTable';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../contracts/audit-actions';
import { ACTOR_TYPE_LABELS, AUDIT_OUTCOME_LABELS } from '../../../contracts/audit';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { useReauth } from '../../app/reauth';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { describeChanges, type ChangeContext } from '../../components/changes';
import { WEB_FEATURES } from '../../app/features';
import type { AuditEvent } from '../../../contracts/audit';
import { operationsByRoute, refusalText } from './refusals';
import { useOrgTime } from '../../components/useOrgTime';
import { usePeopleNames } from '../organizations/usePeopleNames';
import { countOf } from '../../components/format';

const ENTITY_TYPES = [
  { value: 'organization', label: 'Organization' },
  { value: 'user', label: 'User' },
  { value: 'membership', label: 'Membership' },
  { value: 'invitation', label: 'Invitation' },
  { value: 'session', label: 'Session' },
  { value: 'api_token', label: 'API token' },
  { value: 'safeguard', label: 'Safeguard' },
  { value: 'task', label: 'Task' },
  { value: 'asset', label: 'Asset' },
  { value: 'data_flow', label: 'Data flow' },
  { value: 'risk', label: 'Risk' },
  { value: 'risk_assessment', label: 'Risk assessment' },
  { value: 'link', label: 'Link' },
];

const OUTCOME_COLOR = { success: 'teal', denied: 'orange', failure: 'red' } as const;

// A refusal reads as who was refused what and where: each operation's summary and its area's page.
const OPERATIONS = operationsByRoute(
  api,
  new Map(
    WEB_FEATURES.flatMap((f) => (f.navigation?.[0] ? [[f.feature, f.navigation[0].label]] : [])),
  ),
);

function detailsOf(event: AuditEvent, context: ChangeContext): string {
  if (event.action !== 'access.denied') return describeChanges(event.changes, context);
  const record = event.entity
    ? (ENTITY_TYPES.find((t) => t.value === event.entity?.type)?.label ?? null)
    : null;
  return refusalText(event, OPERATIONS, record);
}

/** 164.312(b) audit controls / 164.308(a)(1)(ii)(D) activity review: the organization's trail. */
export function AuditLogPage() {
  const org = useActiveOrg();
  const reauth = useReauth();
  const time = useOrgTime();
  const people = usePeopleNames();
  const [filters, setFilters] = useState({
    actor: '',
    action: '',
    entityType: '',
    from: '',
    to: '',
  });
  const action = AUDIT_ACTIONS.find((a) => a === filters.action);
  const query = {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(action ? { action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00.000Z` } : {}),
    ...(filters.to ? { to: `${filters.to}T23:59:59.999Z` } : {}),
  };
  const params = org ? { orgId: org.orgId } : null;
  const events = useInfiniteQuery({
    queryKey: params ? api.auditLog.list.key(params, query) : ['audit-log', 'waiting'],
    enabled: params !== null,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.auditLog.list(params ?? { orgId: '' }, {
        ...query,
        ...(pageParam === undefined ? {} : { cursor: String(pageParam) }),
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // Verifying records an audit event: the list refreshes to show it.
  const verify = useApiMutation(api.auditLog.verify);
  if (!org) {
    return <NoOrganization />;
  }
  const rows = events.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every sensitive read in this organization, chained by SHA-256 so that any later alteration shows. Kept for six years."
      />
      <Stack gap="md">
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label="Actor"
            placeholder="email or user id"
            value={filters.actor}
            onChange={(e) => setFilters({ ...filters, actor: e.currentTarget.value.trim() })}
            w={220}
          />
          <Select
            label="Action"
            placeholder="Any action"
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }))}
            value={filters.action || null}
            onChange={(v) => setFilters({ ...filters, action: v ?? '' })}
            clearable
            searchable
            w={240}
          />
          <Select
            label="Record"
            placeholder="Any record"
            data={ENTITY_TYPES}
            value={filters.entityType || null}
            onChange={(v) => setFilters({ ...filters, entityType: v ?? '' })}
            clearable
            w={180}
          />
          <TextInput
            label="From"
            type="date"
            value={filters.from}
            onChange={(e) => setFilters({ ...filters, from: e.currentTarget.value })}
            w={160}
          />
          <TextInput
            label="To"
            type="date"
            value={filters.to}
            onChange={(e) => setFilters({ ...filters, to: e.currentTarget.value })}
            w={160}
          />
          <Group gap="xs" ml="auto">
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} aria-hidden />}
              onClick={() => verify.mutate([{ orgId: org.orgId }])}
              loading={verify.isPending}
            >
              Verify integrity
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                // An export is a sensitive read: confirm a recent sign-in, then download.
                void reauth
                  .ensureRecent()
                  .then(() =>
                    window.location.assign(api.auditLog.exportCsv({ orgId: org.orgId }, query)),
                  )
                  .catch(() => undefined);
              }}
            >
              Export CSV
            </Button>
          </Group>
        </Group>
        {verify.data ? (
          <Alert
            color={verify.data.intact ? 'teal' : 'red'}
            variant="light"
            title={
              verify.data.intact
                ? 'The audit trail is intact'
                : 'The audit trail has been tampered with'
            }
            role="status"
          >
            {verify.data.intact ? (
              `${countOf(verify.data.events, 'event')} checked; every link of the chain, its head and every checkpoint hold.`
            ) : (
              <List size="sm">
                {verify.data.problems.slice(0, 10).map((p) => (
                  <List.Item key={`${p.chain}-${p.seq}-${p.kind}-${p.message}`}>
                    {p.message}
                  </List.Item>
                ))}
                {verify.data.problems.length > 10 ? (
                  <List.Item>
                    …and {verify.data.problems.length - 10} more: run custos audit verify for the
                    full list.
                  </List.Item>
                ) : null}
              </List>
            )}
          </Alert>
        ) : null}
        {events.isError ? (
          <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />
        ) : null}
        <ScrollTable
          label="Audit events"
          minWidth={900}
          striped
          highlightOnHover
          verticalSpacing={6}
          fz="sm"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{time.dateTime(e.occurredAt)}</Table.Td>
                <Table.Td>{e.actor.label ?? ACTOR_TYPE_LABELS[e.actor.type]}</Table.Td>
                <Table.Td>{auditActionLabel(e.action)}</Table.Td>
                <Table.Td maw={360}>
                  {/* Two lines here; the whole description on hover. */}
                  <Text
                    size="xs"
                    lineClamp={2}
                    title={detailsOf(e, { people, timeZone: time.timeZone })}
                  >
                    {detailsOf(e, { people, timeZone: time.timeZone })}
                  </Text>
                </Table.Td>
                <Table.Td w={120}>
                  <Badge
                    size="sm"
                    variant="dot"
                    color={OUTCOME_COLOR[e.outcome]}
                    style={{ overflow: 'visible' }}
                  >
                    {AUDIT_OUTCOME_LABELS[e.outcome]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{e.ip ?? ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {events.isSuccess && rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No event matches these filters.
          </Text>
        ) : null}
        {events.hasNextPage ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => void events.fetchNextPage()}
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Load older events'}
          </Anchor>
        ) : null}
      </Stack>
    </>
  );
}
