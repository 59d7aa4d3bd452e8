import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RateTable } from './RateTable';

const PAGE = 50;

/**
 * Completion by person, lowest first, a page at a time: an organization of 20,000 people is
 * searched and paged on the server, never sent whole.
 */
export function PersonRates(props: {
  orgId: string;
  departments: ({ id: string; name: string } | null)[];
}) {
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 250);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const list = useApiQuery(api.training.completionByPerson, [
    { orgId: props.orgId },
    {
      limit: PAGE,
      ...(query ? { q: query } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(cursor ? { cursor } : {}),
    },
  ]);
  const from = cursors.length * PAGE;
  const shown = list.data?.data.length ?? 0;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search by name"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setCursors([]);
          }}
          w={220}
        />
        <Select
          label="Department"
          placeholder="Any"
          clearable
          searchable
          data={props.departments.map((d) =>
            d ? { value: d.id, label: d.name } : { value: 'none', label: 'No department' },
          )}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v);
            setCursors([]);
          }}
          w={220}
        />
      </Group>
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <RateTable
            label="Completion by person"
            heading="Person"
            rows={list.data.data.map((p) => ({
              key: p.person.id,
              name: p.person.name,
              ...(p.department ? { detail: p.department.name } : {}),
              rate: p,
            }))}
          />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.data.total === 0
                ? 'Nobody matches.'
                : `${from + 1}–${from + shown} of ${countOf(list.data.total, 'person', 'people')}, lowest completion first`}
            </Text>
            {list.data.nextCursor || cursors.length > 0 ? (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={cursors.length === 0}
                  onClick={() => setCursors(cursors.slice(0, -1))}
                >
                  Previous
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={!list.data.nextCursor}
                  onClick={() => {
                    const next = list.data.nextCursor;
                    if (next) setCursors([...cursors, next]);
                  }}
                >
                  Next
                </Button>
              </Group>
            ) : null}
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
