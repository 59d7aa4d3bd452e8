import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { TASK_PRIORITIES, type Task, type TaskUpdateBody } from '../../../contracts/tasks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { PRIORITY_OPTIONS, TASK_STATUS_LABELS } from './labels';

const EDITABLE_STATUSES = ['open', 'in_progress', 'cancelled'] as const;

interface Form {
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string;
  priority: Task['priority'];
  status: (typeof EDITABLE_STATUSES)[number];
}

function formOf(task: Task): Form {
  return {
    title: task.title,
    description: task.description,
    ownerId: task.owner?.id ?? null,
    dueOn: task.dueOn ?? '',
    priority: task.priority,
    status: task.status === 'done' ? 'open' : task.status,
  };
}

/** Only what the form changed, so that the audit trail records only that. */
function changesOf(task: Task, form: Form): TaskUpdateBody {
  const before = formOf(task);
  const dueOn = form.dueOn === '' ? null : form.dueOn;
  return {
    ...(form.title !== before.title ? { title: form.title } : {}),
    ...(form.description !== before.description ? { description: form.description } : {}),
    ...(form.ownerId !== before.ownerId ? { ownerId: form.ownerId } : {}),
    ...(form.dueOn !== before.dueOn ? { dueOn } : {}),
    ...(form.priority !== before.priority ? { priority: form.priority } : {}),
    ...(form.status !== before.status ? { status: form.status } : {}),
  };
}

const isPriority = (v: string | null): v is Task['priority'] =>
  TASK_PRIORITIES.some((p) => p === v);
const isStatus = (v: string | null): v is Form['status'] => EDITABLE_STATUSES.some((s) => s === v);

/** Edits an open task: title, description, owner, due date, priority and status. */
export function TaskEditForm(props: { task: Task; onDone: () => void }) {
  const { task } = props;
  const org = useActiveOrg();
  const members = useMemberOptions({
    activeOnly: true,
    able: 'tasks.complete',
    current: task.owner,
  });
  const [form, setForm] = useState<Form>(() => formOf(task));
  const update = useApiMutation(api.tasks.update, { onSuccess: props.onDone });
  const errors = fieldErrors(update.error, {
    title: 'The title',
    description: 'The description',
    ownerId: 'The owner',
    dueOn: 'The due date',
    priority: 'The priority',
    status: 'The status',
  });
  const changes = changesOf(task, form);
  return (
    <form
      aria-label={`Edit ${task.reference}`}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate([{ orgId: org?.orgId ?? '', taskId: task.id }, changes]);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Title"
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          error={errors.description}
        />
        <Select
          label="Owner"
          placeholder="Nobody yet"
          data={members}
          clearable
          searchable
          value={form.ownerId}
          onChange={(v) => setForm({ ...form, ownerId: v })}
          error={errors.ownerId}
        />
        <Group grow align="start" wrap="wrap">
          <TextInput
            type="date"
            label="Due"
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
            error={errors.dueOn}
            miw={150}
          />
          <Select
            label="Priority"
            data={PRIORITY_OPTIONS}
            value={form.priority}
            onChange={(v) => {
              if (isPriority(v)) setForm({ ...form, priority: v });
            }}
            allowDeselect={false}
            error={errors.priority}
            miw={120}
          />
          <Select
            label="Status"
            data={EDITABLE_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
            value={form.status}
            onChange={(v) => {
              if (isStatus(v)) setForm({ ...form, status: v });
            }}
            allowDeselect={false}
            error={errors.status}
            miw={130}
          />
        </Group>
        {update.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {update.error.message}
          </Alert>
        ) : null}
        <Group justify="end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={update.isPending}
            disabled={Object.keys(changes).length === 0}
          >
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
