import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Task } from '../../../contracts/tasks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EvidenceCard } from '../../components/EvidenceCard';
import { formatDate, plural } from '../../components/format';
import { pageOfLink } from '../../components/link-pages';
import { useOrgTime } from '../../components/useOrgTime';
import { completionText } from './completion';
import { TaskEditForm } from './TaskEditForm';
import { PRIORITY_COLORS, TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from './labels';

const PERIODS = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' } as const;

function TaskBadges({ task }: { task: Task }) {
  return (
    <Group gap="xs">
      <Badge variant="light">{TASK_STATUS_LABELS[task.status]}</Badge>
      <Badge variant="dot" color={PRIORITY_COLORS[task.priority]}>
        {TASK_PRIORITY_LABELS[task.priority]} priority
      </Badge>
      {/* The dot carries the red; the word keeps the page's text colour (white on red.6 is 3.3:1). */}
      {task.overdue ? (
        <Badge variant="dot" color="red">
          Overdue
        </Badge>
      ) : null}
      {task.recurrence ? (
        <Badge variant="outline">
          Every {task.recurrence.interval > 1 ? `${task.recurrence.interval} ` : ''}
          {plural(
            task.recurrence.interval,
            PERIODS[task.recurrence.frequency],
            `${PERIODS[task.recurrence.frequency]}s`,
          )}
        </Badge>
      ) : null}
    </Group>
  );
}

function CompleteForm({ task }: { task: Task }) {
  const org = useActiveOrg();
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const complete = useApiMutation(api.tasks.complete);
  const errors = fieldErrors(complete.error, { evidenceUrl: 'The evidence link' });
  return (
    <form
      aria-label={`Complete ${task.reference}`}
      onSubmit={(e) => {
        e.preventDefault();
        complete.mutate([
          { orgId: org?.orgId ?? '', taskId: task.id },
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
        {complete.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {complete.error.message}
          </Alert>
        ) : null}
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
  );
}

/**
 * A task in a drawer: its details and links; while it is not done, those who manage tasks edit
 * it (reassign, reschedule…) and its owner marks it done. A done task is a record, read-only.
 */
export function TaskDrawer({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const org = useActiveOrg();
  const params = org ? { orgId: org.orgId, taskId } : null;
  const task = useApiQuery(api.tasks.get, params && [params]);
  const [editing, setEditing] = useState(false);
  const t = task.data;
  const time = useOrgTime();
  const editable = t !== undefined && t.status !== 'done' && can(org?.role, api.tasks.update);
  // Those who read evidence see it in its own card; for others it stays among what the task is about.
  const evidenceCard = can(org?.role, api.evidence.get);
  const about = (t?.links ?? []).filter((l) => !evidenceCard || l.type !== 'evidence');
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={t ? `${t.reference} ${t.title}` : 'Task'}
      closeButtonProps={{ 'aria-label': 'Close the task' }}
    >
      {task.isError ? <ErrorNotice error={task.error} /> : null}
      {t ? (
        <Stack gap="sm">
          <TaskBadges task={t} />
          <Text size="sm">
            Owner: {t.owner?.name ?? 'nobody yet'} · Due {formatDate(t.dueOn)}
          </Text>
          {t.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t.description}
            </Text>
          ) : null}
          {about.length > 0 ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600}>
                About
              </Text>
              {about.map((l) => {
                const page = pageOfLink(l);
                return page ? (
                  <RecordLink key={l.id} to={page}>
                    {l.label}
                  </RecordLink>
                ) : (
                  <Text key={l.id} size="sm">
                    {l.label}
                  </Text>
                );
              })}
            </Stack>
          ) : null}
          {evidenceCard ? (
            <EvidenceCard
              record={{ type: 'task', id: t.id }}
              links={t.links.filter((l) => l.type === 'evidence')}
              title="Evidence"
              description="What shows the work was done: a report, a sign-in sheet, a screenshot."
              open={t.status !== 'done'}
            />
          ) : null}
          {t.status === 'done' ? (
            <Alert color="teal" variant="light">
              {completionText(t, time.timeZone, true)}. {t.completionNote} A completed task is a
              record: it can no longer be changed.
            </Alert>
          ) : editing ? (
            <TaskEditForm task={t} onDone={() => setEditing(false)} />
          ) : (
            <>
              {editable ? (
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setEditing(true)}
                  >
                    Edit task
                  </Button>
                </Group>
              ) : null}
              {t.status !== 'cancelled' && can(org?.role, 'tasks.complete') ? (
                <CompleteForm task={t} />
              ) : null}
            </>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
