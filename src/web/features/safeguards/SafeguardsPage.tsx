import { TONE } from '../../components/tones';
import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPrinter, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { SAFEGUARD_CATEGORIES, SAFEGUARD_CATEGORY_LABELS } from '../../../contracts/catalog';
import {
  SAFEGUARD_STATUSES,
  SAFEGUARD_STATUS_LABELS,
  SafeguardQuerySchema,
} from '../../../contracts/safeguards';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { ExportButtons } from '../../components/ExportButtons';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from './StatusBadge';
import { formatDate } from '../../components/format';
import { useFilterParams } from '../../app/useFilterParams';

const ATTENTION = {
  decision_missing: 'Decision missing',
  review_overdue: 'Review overdue',
  unowned: 'No owner',
} as const;

/** The safeguard register: every requirement with its status, owner and review date. */
export function SafeguardsPage() {
  const org = useActiveOrg();
  const { params, set } = useFilterParams();
  // The filters come from the page's address: what the contract does not accept is left out.
  const filters = SafeguardQuerySchema.safeParse(
    Object.fromEntries(
      ['q', 'safeguard', 'status', 'attention', 'ownerId'].flatMap((key) => {
        const value = params.get(key);
        return value ? [[key, value]] : [];
      }),
    ),
  );
  const query = filters.success ? filters.data : {};
  const list = useApiQuery(api.safeguards.list, org ? [{ orgId: org.orgId }, query] : null);
  if (!org) return <NoOrganization />;
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Safeguards"
          description="Every standard and implementation specification of the Security Rule with how you comply, who owns it and when it is next reviewed. Addressable specifications need a 164.306(d)(3) decision on record."
        />
        {can(org.role, api.safeguards.exportCsv) ? (
          <Group gap="xs">
            <ExportButtons
              files={{
                csv: api.safeguards.exportCsv({ orgId: org.orgId }),
                xlsx: api.safeguards.exportXlsx({ orgId: org.orgId }),
              }}
            />
            <Button
              component={Link}
              to="/safeguards/print"
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              Print
            </Button>
          </Group>
        ) : null}
      </Group>
      <Stack gap="md">
        <Group gap="sm" align="end">
          <TextInput
            label="Search"
            placeholder="Citation, title, statement or owner"
            leftSection={<IconSearch size={14} aria-hidden />}
            defaultValue={params.get('q') ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
            w={280}
          />
          <Select
            label="Category"
            placeholder="All"
            clearable
            data={SAFEGUARD_CATEGORIES.map((c) => ({
              value: c,
              label: SAFEGUARD_CATEGORY_LABELS[c],
            }))}
            value={params.get('safeguard')}
            onChange={(v) => set('safeguard', v)}
            w={300}
          />
          <Select
            label="Status"
            placeholder="All"
            clearable
            data={SAFEGUARD_STATUSES.map((s) => ({ value: s, label: SAFEGUARD_STATUS_LABELS[s] }))}
            value={params.get('status')}
            onChange={(v) => set('status', v)}
            w={170}
          />
        </Group>
        <Chip.Group
          value={params.get('attention') ?? ''}
          onChange={(v) => set('attention', typeof v === 'string' && v !== '' ? v : null)}
        >
          <Group gap="xs" aria-label="Needs attention">
            <Chip value="" size="xs">
              Everything
            </Chip>
            {Object.entries(ATTENTION).map(([value, label]) => (
              <Chip key={value} value={value} size="xs">
                {label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        <ScrollTable
          label="Safeguards"
          minWidth={720}
          stack
          highlightOnHover
          verticalSpacing={6}
          stickyHeader
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Requirement</Table.Th>
              <Table.Th>Designation</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Next review</Table.Th>
              <Table.Th>Attention</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((s) => (
              <Table.Tr key={s.requirementId}>
                <Table.Td pl={s.kind === 'standard' ? 'xs' : 'xl'}>
                  <Anchor
                    component={Link}
                    to={`/safeguards/${encodeURIComponent(s.requirementId)}`}
                    size="sm"
                    fw={s.kind === 'standard' ? 600 : 400}
                  >
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {s.requirementId}
                    </Text>
                    {s.title}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label="Designation">
                  <Text size="xs" c="dimmed">
                    {s.kind === 'standard'
                      ? 'Standard'
                      : s.designation === 'required'
                        ? 'Required'
                        : 'Addressable'}
                  </Text>
                </Table.Td>
                <Table.Td miw={130} data-label="Status">
                  <StatusBadge status={s.status} />
                </Table.Td>
                <Table.Td data-label="Owner">
                  <Text size="sm">{s.owner?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td data-label="Next review">
                  <Text size="sm" {...(s.reviewOverdue ? { c: TONE.danger, fw: 700 } : {})}>
                    {formatDate(s.nextReviewOn)}
                  </Text>
                </Table.Td>
                <Table.Td
                  data-label={s.decisionMissing || s.reviewOverdue ? 'Attention' : undefined}
                >
                  <Group gap={4}>
                    {s.decisionMissing ? (
                      <Badge size="xs" color="orange" variant="dot">
                        Decision missing
                      </Badge>
                    ) : null}
                    {s.reviewOverdue ? (
                      <Badge size="xs" color="red" variant="dot">
                        Review overdue
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            No requirement matches these filters.
          </Text>
        ) : null}
      </Stack>
    </>
  );
}
