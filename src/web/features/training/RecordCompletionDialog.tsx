import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/** Records that someone completed an external course: the date, a score if there was one. */
export function RecordCompletionDialog(props: {
  orgId: string;
  training: { id: string; title: string };
  onClose: () => void;
}) {
  const time = useOrgTime();
  const [completedOn, setCompletedOn] = useState(time.today());
  const [score, setScore] = useState<number | string>('');
  const record = useApiMutation(api.training.recordCompletion, { onSuccess: props.onClose });
  const errors = fieldErrors(record.error, { completedOn: 'The date', score: 'The score' });
  return (
    <Modal opened onClose={props.onClose} title="Record a completion">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate([
            { orgId: props.orgId, personTrainingId: props.training.id },
            { completedOn, score: score === '' ? null : Number(score) },
          ]);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{props.training.title}</Text>
          <TextInput
            label="Completed on"
            type="date"
            required
            value={completedOn}
            onChange={(e) => setCompletedOn(e.currentTarget.value)}
            error={errors.completedOn}
          />
          <NumberInput
            label="Score (%)"
            min={0}
            max={100}
            value={score}
            onChange={setScore}
            error={errors.score}
          />
          <Text size="xs" c="dimmed">
            You are recorded as who confirmed it; a certificate is issued and kept as evidence.
          </Text>
          {record.isError && Object.keys(errors).length === 0 ? (
            <MutationError error={record.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record the completion
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
