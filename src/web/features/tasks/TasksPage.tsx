import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { TaskQuerySchema } from '../../../contracts/tasks';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { TONE } from '../../components/tones';
import { TaskDialog } from './TaskDialog';
import { TaskDrawer } from './TaskDrawer';
import {
  PRIORITY_COLORS,
  PRIORITY_OPTIONS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from './labels';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { completionText } from './completion';
import { useFilterParams } from '../../app/useFilterParams';

/** Tasks: mine by default, the organization's for those who manage them. */
export function TasksPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const { params, set, filtered } = useFilterParams();
  const [creating, setCreating] = useState(false);
  const seesAll = org !== undefined && org.role !== 'workforce';
  // scope=unowned (the dashboard's "no owner" advice): the organization's tasks nobody owns.
  const asked = params.get('scope');
  const scope = seesAll && (asked === 'all' || asked === 'unowned') ? asked : 'mine';
  // The filters come from the page's address: what the contract does not accept is left out.
  const filters = TaskQuerySchema.partial().safeParse({
    status: params.get('status') ?? 'active',
    priority: params.get('priority') ?? undefined,
    overdue: params.get('overdue') ?? undefined,
    q: params.get('q') ?? undefined,
  });
  const query = {
    ...(filters.success ? filters.data : { status: 'active' as const }),
    limit: 100,
    ...(scope === 'mine' ? { ownerId: 'me' } : scope === 'unowned' ? { ownerId: 'none' } : {}),
  };
  const list = useApiQuery(api.tasks.list, org ? [{ orgId: org.orgId }, query] : null);
  if (!org) return <NoOrganization />;
  const openTask = params.get('task');
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Tasks"
          description="Owned, dated work of the program. Recurring tasks come back on schedule when completed."
        />
        {can(org.role, 'tasks.manage') ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            New task
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        <Group gap="md" align="end">
          {seesAll ? (
            <SegmentedControl
              value={scope}
              onChange={(v) => set('scope', v === 'mine' ? null : v)}
              data={[
                { value: 'mine', label: 'My tasks' },
                { value: 'all', label: 'All tasks' },
                { value: 'unowned', label: 'No owner' },
              ]}
              aria-label="Whose tasks"
            />
          ) : null}
          <Select
            label="Status"
            data={[
              { value: 'active', label: 'Open and in progress' },
              { value: 'done', label: 'Done' },
              { value: 'cancelled', label: 'Cancelled' },
            ]}
            value={params.get('status') ?? 'active'}
            onChange={(v) => set('status', v === 'active' ? null : v)}
            allowDeselect={false}
            w={210}
          />
          <Select
            label="Priority"
            placeholder="Any"
            clearable
            data={PRIORITY_OPTIONS}
            value={params.get('priority')}
            onChange={(v) => set('priority', v)}
            w={140}
          />
          <TextInput
            label="Search"
            defaultValue={params.get('q') ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
            w={220}
          />
          <Switch
            label="Overdue only"
            checked={params.get('overdue') === 'true'}
            onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : null)}
            mb={6}
          />
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        <ScrollTable label="Tasks" minWidth={320} highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th visibleFrom="sm">Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th visibleFrom="sm">Priority</Table.Th>
              <Table.Th visibleFrom="sm">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() => set('task', t.id)}
                  >
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {t.reference}
                    </Text>
                    {t.title}
                  </Anchor>
                  {/* On a phone the owner, priority and status go under the title. */}
                  <Text hiddenFrom="sm" size="xs" c="dimmed">
                    {t.owner?.name ?? 'No owner'} · {TASK_PRIORITY_LABELS[t.priority]} priority ·{' '}
                    {TASK_STATUS_LABELS[t.status]}
                  </Text>
                  {t.status === 'done' ? (
                    <Text size="xs" c="dimmed">
                      {completionText(t, time.timeZone)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{t.owner?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" {...(t.overdue ? { c: TONE.danger, fw: 700 } : {})}>
                    {t.overdue ? 'Overdue · ' : ''}
                    {formatDate(t.dueOn)}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Badge size="sm" variant="dot" color={PRIORITY_COLORS[t.priority]}>
                    {TASK_PRIORITY_LABELS[t.priority]}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{TASK_STATUS_LABELS[t.status]}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.data.length === 0 ? (
          <EmptyState filtered={filtered(['view', 'task', 'scope'])} noun="task">
            <Text fw={600}>
              {scope === 'mine' ? 'No open task is assigned to you' : 'No open task'}
            </Text>
            <Text size="sm">
              Tasks are the work of the program: reviews, fixes, trainings, each with an owner and a
              due date. Custos adds some as records need them (a review coming due, a risk to
              treat).
            </Text>
            {can(org.role, 'tasks.manage') ? (
              <Text size="sm">
                Add one with <b>New task</b>.
              </Text>
            ) : null}
          </EmptyState>
        ) : null}
      </Stack>
      <TaskDialog opened={creating} onClose={() => setCreating(false)} />
      {openTask ? <TaskDrawer taskId={openTask} onClose={() => set('task', null)} /> : null}
    </>
  );
}
