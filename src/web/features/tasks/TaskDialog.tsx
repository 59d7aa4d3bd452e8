import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import {
  RECURRENCE_FREQUENCIES,
  RECURRENCE_FREQUENCY_LABELS,
  TASK_PRIORITIES,
  type Task,
} from '../../../contracts/tasks';
import { type LinkType } from '../../../contracts/links';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useMe } from '../../app/session';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { PRIORITY_OPTIONS } from './labels';

interface Form {
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string;
  priority: Task['priority'];
  frequency: string;
  interval: number;
}

const EMPTY: Omit<Form, 'ownerId'> = {
  title: '',
  description: '',
  dueOn: '',
  priority: 'medium',
  frequency: '',
  interval: 1,
};

const isPriority = (v: string | null): v is Task['priority'] =>
  TASK_PRIORITIES.some((p) => p === v);

/** Creates a task, optionally about one record (a safeguard…). */
export function TaskDialog(props: {
  opened: boolean;
  onClose: () => void;
  link?: { type: LinkType; id: string; label: string };
}) {
  const org = useActiveOrg();
  const members = useMemberOptions({ activeOnly: true, able: 'tasks.complete' });
  // A new task is its creator's until they hand it on: a task nobody owns is nobody's work.
  const me = useMe().data?.user.id ?? null;
  const blank = { ...EMPTY, ownerId: me };
  const [form, setForm] = useState<Form>(blank);
  const create = useApiMutation(api.tasks.create, {
    onSuccess: () => {
      setForm(blank);
      props.onClose();
    },
  });
  const errors = fieldErrors(create.error, {
    title: 'The title',
    dueOn: 'The due date',
    ownerId: 'The owner',
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New task" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate([
            { orgId: org?.orgId ?? '' },
            {
              title: form.title,
              description: form.description,
              ownerId: form.ownerId,
              dueOn: form.dueOn === '' ? null : form.dueOn,
              priority: form.priority,
              recurrence:
                form.frequency === ''
                  ? null
                  : { frequency: form.frequency as 'monthly', interval: form.interval },
              ...(props.link ? { links: [{ type: props.link.type, id: props.link.id }] } : {}),
            },
          ]);
        }}
      >
        <Stack gap="sm">
          {props.link ? (
            <Text size="sm" c="dimmed">
              About {props.link.label}
            </Text>
          ) : null}
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
          />
          <Group grow align="start">
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
            <TextInput
              type="date"
              label="Due"
              value={form.dueOn}
              onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
              error={errors.dueOn}
            />
            <Select
              label="Priority"
              data={PRIORITY_OPTIONS}
              value={form.priority}
              onChange={(v) => {
                if (isPriority(v)) setForm({ ...form, priority: v });
              }}
              allowDeselect={false}
            />
          </Group>
          <Group grow align="start">
            <Select
              label="Repeats"
              placeholder="Does not repeat"
              clearable
              data={RECURRENCE_FREQUENCIES.map((f) => ({
                value: f,
                label: RECURRENCE_FREQUENCY_LABELS[f],
              }))}
              value={form.frequency === '' ? null : form.frequency}
              onChange={(v) => setForm({ ...form, frequency: v ?? '' })}
            />
            <NumberInput
              label="Every"
              min={1}
              max={366}
              value={form.interval}
              onChange={(v) => setForm({ ...form, interval: Number(v) || 1 })}
              disabled={form.frequency === ''}
            />
          </Group>
          {create.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {create.error.message}
            </Alert>
          ) : null}
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create task
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
