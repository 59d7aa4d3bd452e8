import { Alert, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countOf } from '../../components/format';
import { MutationError } from '../../components/MutationError';

/** The number of hours termination tasks are due after the last day (164.308(a)(3)(ii)(C)). */
export function DeadlineCard({ orgId, manages }: { orgId: string; manages: boolean }) {
  const settings = useApiQuery(api.workforce.settings, [{ orgId }]);
  const [hours, setHours] = useState<number | string | undefined>(undefined);
  const save = useApiMutation(api.workforce.updateSettings, {
    onSuccess: () => setHours(undefined),
  });
  const current = settings.data?.terminationDeadlineHours;
  const value = hours ?? current ?? '';
  const error = fieldErrors(save.error, {
    terminationDeadlineHours: 'The deadline',
  }).terminationDeadlineHours;
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([{ orgId }, { terminationDeadlineHours: Number(value) }]);
        }}
      >
        <Stack gap="sm">
          <Text fw={600} component="h2">
            Termination deadline
          </Text>
          <Text size="sm" c="dimmed">
            HIPAA 164.308(a)(3)(ii)(C). When someone&apos;s employment ends, their termination tasks
            are due this many hours after the end of their last day (or after it is recorded, if
            later). Overdue ones are escalated to the Security Official.
          </Text>
          <Alert color="blue" variant="light" title="The proposed rule asks for 1 hour">
            The HIPAA Security Rule update proposed in January 2025 would require access to end
            within one hour of the end of employment. It is not yet in force; setting 1 hour now
            prepares for it.
          </Alert>
          {manages ? (
            <Group align="end">
              <NumberInput
                label="Hours after the last day"
                min={1}
                max={720}
                clampBehavior="none"
                allowDecimal={false}
                value={value}
                onChange={setHours}
                error={error}
                w={220}
                disabled={current === undefined}
              />
              <Button type="submit" loading={save.isPending} disabled={current === undefined}>
                Save
              </Button>
            </Group>
          ) : (
            <Text size="sm">
              Due {current === undefined ? '…' : countOf(current, 'hour')} after the last day.
            </Text>
          )}
          {error ? null : <MutationError error={save.error} action="change the deadline" />}
          {save.isSuccess ? (
            <Alert color="teal" variant="light" role="status">
              Saved: termination tasks are due {countOf(save.data.terminationDeadlineHours, 'hour')}{' '}
              after the last day, from the next end of employment.
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
