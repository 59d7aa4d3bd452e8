import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconBuilding, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  PERSON_KINDS,
  PERSON_KIND_LABELS,
  PERSON_STATUSES,
  PERSON_STATUS_LABELS,
  PersonQuerySchema,
} from '../../../contracts/people-schemas';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useFilterParams } from '../../app/useFilterParams';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExportButtons } from '../../components/ExportButtons';
import { formatDate } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { DepartmentsDialog } from './DepartmentsDialog';
import { PersonDrawer } from './PersonDrawer';
import { RosterImportDialog } from './RosterImportDialog';
import { ClearanceWarningBadge, useClearanceWarnings } from '../workforce/clearance-warnings';
import { STATUS_COLORS, clearanceLabel, options, statusLabel } from './words';

/** The workforce roster (164.308(a)(3)): filters by department, status and kind. */
export function PeoplePage() {
  const org = useActiveOrg();
  const { params, set, filtered } = useFilterParams();
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<'import' | 'departments' | null>(null);
  const orgId = org?.orgId;
  // The filters come from the page's address: what the contract does not accept is left out.
  const filters = PersonQuerySchema.pick({ kind: true, status: true, departmentId: true, q: true })
    .partial()
    .safeParse({
      kind: params.get('kind') ?? undefined,
      status: params.get('status') ?? undefined,
      departmentId: params.get('department') ?? undefined,
      q: params.get('q') ?? undefined,
    });
  const query = { ...(filters.success ? filters.data : {}), limit: 200 };
  const list = useApiQuery(api.people.list, orgId ? [{ orgId }, query] : null);
  const departments = useApiQuery(api.people.listDepartments, orgId ? [{ orgId }] : null);
  const warnings = useClearanceWarnings();
  if (!org || !orgId) return <NoOrganization />;
  const manage = can(org.role, api.people.create);
  const people = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in the workforce (employees, contractors, volunteers, trainees and students): when they start and end, their clearance, and who authorizes and supervises them."
      />
      <Stack gap="md">
        <Group justify="space-between" align="end">
          <Group gap="md" align="end">
            <Select
              label="Department"
              placeholder="Any"
              clearable
              searchable
              data={[
                ...(departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                { value: 'none', label: 'No department' },
              ]}
              value={params.get('department')}
              onChange={(v) => set('department', v)}
              w={200}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(PERSON_STATUSES, PERSON_STATUS_LABELS)}
              value={params.get('status')}
              onChange={(v) => set('status', v)}
              w={140}
            />
            <Select
              label="Kind"
              placeholder="Any"
              clearable
              data={options(PERSON_KINDS, PERSON_KIND_LABELS)}
              value={params.get('kind')}
              onChange={(v) => set('kind', v)}
              w={150}
            />
            <TextInput
              label="Search"
              defaultValue={params.get('q') ?? ''}
              onChange={(e) => set('q', e.currentTarget.value)}
              w={200}
            />
          </Group>
          <Group gap="xs">
            <ExportButtons
              files={{
                csv: api.people.exportCsv({ orgId }),
                xlsx: api.people.exportXlsx({ orgId }),
              }}
            />
            {manage ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconBuilding size={16} aria-hidden />}
                  onClick={() => setDialog('departments')}
                >
                  Departments
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  onClick={() => setDialog('import')}
                >
                  Import
                </Button>
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setAdding(true)}
                >
                  Add person
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        <ScrollTable label="People" minWidth={760} stack verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Department</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Clearance</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${p.id}`} size="sm">
                    {p.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[p.jobRole, p.employeeId].filter(Boolean).join(' · ') || p.reference}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Department">
                  <Text size="sm">{p.department?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td data-label="Kind">
                  <Text size="sm">{PERSON_KIND_LABELS[p.kind]}</Text>
                </Table.Td>
                <Table.Td data-label="Status">
                  <Badge variant="dot" color={STATUS_COLORS[p.status]}>
                    {statusLabel(p)}
                  </Badge>
                </Table.Td>
                <Table.Td data-label="Dates">
                  <Text size="sm">
                    {formatDate(p.startDate)}
                    {p.endDate ? ` – ${formatDate(p.endDate)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Clearance">
                  <Text size="sm">{clearanceLabel(p)}</Text>
                  <ClearanceWarningBadge warning={warnings.get(p.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.nextCursor ? (
          <Text c="dimmed" size="sm">
            Showing the first 200 people: narrow the list with the filters, or export it.
          </Text>
        ) : null}
        {list.data?.data.length === 0 ? (
          <EmptyState filtered={filtered()} noun="person">
            <Text fw={600}>Nobody on the roster yet</Text>
            <Text size="sm">
              The roster is the workforce of 164.308(a)(3): everyone whose access to ePHI is
              authorized, supervised, cleared and ended on time.
            </Text>
            {manage ? (
              <Text size="sm">
                Add people one by one with <b>Add person</b>, or all at once with <b>Import</b> (CSV
                or XLSX; the dialog offers a template).
              </Text>
            ) : null}
          </EmptyState>
        ) : null}
      </Stack>
      {adding ? <PersonDrawer person={null} onClose={() => setAdding(false)} /> : null}
      {dialog === 'import' ? <RosterImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'departments' ? <DepartmentsDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}
