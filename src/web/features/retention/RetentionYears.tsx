import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Role } from '../../../contracts/roles';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { MutationError } from '../../components/MutationError';

/** How many years records are kept: six at least (164.316(b)(2)(i)); administrators may choose more. */
export function RetentionYears(props: { orgId: string; role: Role }) {
  const settings = useApiQuery(api.retention.settings, [{ orgId: props.orgId }]);
  const [years, setYears] = useState<number | string>('');
  const save = useApiMutation(api.retention.changeSettings, { onSuccess: () => setYears('') });
  const current = settings.data?.years;
  const mayChange = can(props.role, api.retention.changeSettings);
  const errors = fieldErrors(save.error, { years: 'The retention period' });
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text fw={600}>Retention period</Text>
        <Text size="sm">
          {current === undefined
            ? '…'
            : `Records are kept ${countOf(current, 'year')} from when they were created or last in effect.`}
        </Text>
        {mayChange ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate([{ orgId: props.orgId }, { years: Number(years) }]);
            }}
          >
            <Group align="flex-end" gap="sm">
              <NumberInput
                label="Keep records for (years)"
                description="Six at least; a State law or a contract may ask for longer."
                min={6}
                max={100}
                w={260}
                value={years === '' ? (current ?? '') : years}
                onChange={setYears}
                error={errors.years}
              />
              <Button type="submit" variant="default" loading={save.isPending}>
                Save
              </Button>
            </Group>
            {save.isError && !errors.years ? <MutationError error={save.error} /> : null}
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
