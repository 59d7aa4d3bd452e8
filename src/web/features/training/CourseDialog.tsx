import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';

/** Adds an external course: a title and the address where it is taken. */
export function CourseDialog(props: { orgId: string; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [url, setUrl] = useState('');
  const create = useApiMutation(api.training.createCourse, { onSuccess: props.onClose });
  const errors = fieldErrors(create.error, {
    title: 'The title',
    url: 'The address',
    summary: 'The summary',
  });
  return (
    <Modal opened onClose={props.onClose} title="Add an external course">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate([{ orgId: props.orgId }, { title, summary, url }]);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <TextInput
            label="What it teaches"
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
          />
          <TextInput
            label="Where it is taken"
            description="The course's address (https://…). Its completion is recorded by a manager or official."
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
          />
          {create.isError && Object.keys(errors).length === 0 ? (
            <MutationError error={create.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add the course
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
