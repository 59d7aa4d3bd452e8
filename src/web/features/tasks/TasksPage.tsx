import { TONE } from '../../components/tones';
import { ScrollTable } from '../../components/ScrollTable';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TASK_PRIORITIES, TaskQuerySchema } from '../../../contracts/tasks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { TaskDialog } from './TaskDialog';
import { PRIORITY_COLORS, TASK_STATUS_LABELS } from './labels';
import { formatDate } from '../../components/format';
import { useFilterParams } from '../../app/useFilterParams';

function TaskDrawer({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const org = useActiveOrg();
  const params = org ? { orgId: org.orgId, taskId } : null;
  const task = useApiQuery(api.tasks.get, params && [params]);
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const complete = useApiMutation(api.tasks.complete);
  const errors = fieldErrors(complete.error, { evidenceUrl: 'The evidence link' });
  const t = task.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={t ? `${t.reference} ${t.title}` : 'Task'}
    >
      {task.isError ? <ErrorNotice error={task.error} /> : null}
      {t ? (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{TASK_STATUS_LABELS[t.status]}</Badge>
            <Badge variant="dot" color={PRIORITY_COLORS[t.priority]}>
              {t.priority}
            </Badge>
            {t.overdue ? <Badge color="red">Overdue</Badge> : null}
            {t.recurrence ? (
              <Badge variant="outline">
                Every {t.recurrence.interval > 1 ? `${t.recurrence.interval} ` : ''}
                {
                  { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' }[
                    t.recurrence.frequency
                  ]
                }
                {t.recurrence.interval > 1 ? 's' : ''}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">
            Owner: {t.owner?.name ?? 'nobody yet'} · Due {formatDate(t.dueOn)}
          </Text>
          {t.description ? <Text size="sm">{t.description}</Text> : null}
          {t.links.length > 0 ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600}>
                About
              </Text>
              {t.links.map((l) =>
                l.type === 'safeguard' ? (
                  <Anchor
                    key={l.id}
                    component={Link}
                    to={`/safeguards/${encodeURIComponent(l.targetId)}`}
                    size="sm"
                  >
                    {l.label}
                  </Anchor>
                ) : (
                  <Text key={l.id} size="sm">
                    {l.label}
                  </Text>
                ),
              )}
            </Stack>
          ) : null}
          {t.status === 'done' ? (
            <Alert color="teal" variant="light">
              Completed {t.completedAt ? new Date(t.completedAt).toLocaleString() : ''}.{' '}
              {t.completionNote}
              {t.evidenceUrl ? (
                <>
                  {' '}
                  <Anchor href={t.evidenceUrl} target="_blank" rel="noreferrer">
                    Evidence
                  </Anchor>
                </>
              ) : null}
            </Alert>
          ) : t.status !== 'cancelled' && can(org?.role, 'tasks.complete') ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                complete.mutate([
                  { orgId: org?.orgId ?? '', taskId },
                  { ...(note ? { note } : {}), ...(evidenceUrl ? { evidenceUrl } : {}) },
                ]);
              }}
            >
              <Stack gap="sm">
                <Textarea
                  label="Completion note"
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
                <TextInput
                  label="Evidence link"
                  placeholder="https://…"
                  value={evidenceUrl}
                  onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
                  error={errors.evidenceUrl}
                />
                {complete.isSuccess && complete.data.next ? (
                  <Alert color="blue" variant="light" role="status">
                    Next occurrence {complete.data.next.reference} is due{' '}
                    {formatDate(complete.data.next.dueOn)}.
                  </Alert>
                ) : null}
                <Button type="submit" loading={complete.isPending}>
                  Mark done
                </Button>
              </Stack>
            </form>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** Tasks: mine by default, the organization's for those who manage them. */
export function TasksPage() {
  const org = useActiveOrg();
  const { params, set } = useFilterParams();
  const [creating, setCreating] = useState(false);
  const seesAll = org !== undefined && org.role !== 'workforce';
  const scope = seesAll && params.get('scope') === 'all' ? 'all' : 'mine';
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
    ...(scope === 'mine' ? { ownerId: 'me' } : {}),
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
              onChange={(v) => set('scope', v === 'all' ? 'all' : null)}
              data={[
                { value: 'mine', label: 'My tasks' },
                { value: 'all', label: 'All tasks' },
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
            data={[...TASK_PRIORITIES]}
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
        <ScrollTable label="Tasks" minWidth={640} highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Status</Table.Th>
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
                    onClick={() => set('task', t.id)}
                  >
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {t.reference}
                    </Text>
                    {t.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.owner?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" {...(t.overdue ? { c: TONE.danger, fw: 700 } : {})}>
                    {t.overdue ? 'Overdue · ' : ''}
                    {formatDate(t.dueOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="dot" color={PRIORITY_COLORS[t.priority]}>
                    {t.priority}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{TASK_STATUS_LABELS[t.status]}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            No task matches these filters.
          </Text>
        ) : null}
      </Stack>
      <TaskDialog opened={creating} onClose={() => setCreating(false)} />
      {openTask ? <TaskDrawer taskId={openTask} onClose={() => set('task', null)} /> : null}
    </>
  );
}
