import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { api } from '../api';
import { useApiQuery } from '../api/hooks';

/** People of the roster matching what is typed, searched on the server (a roster of any size). */
function useRosterSearch(orgId: string, search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useApiQuery(api.people.list, orgId ? [{ orgId }, { q: q || undefined, limit: 50 }] : null);
}

/**
 * Picks people of the roster by searching its names, emails, employee ids and roles on the server;
 * the names of people already chosen are kept, so they stay shown while the search changes.
 */
export function PeoplePicker(props: {
  orgId: string;
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const found = useRosterSearch(props.orgId, search);
  // Names of the people chosen, kept as they were found, so they stay shown while the search changes.
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = new Map<string, string>();
  for (const id of props.value) options.set(id, known[id] ?? 'Chosen person');
  for (const p of found.data?.data ?? []) options.set(p.id, p.name);
  const choose = (ids: string[]) => {
    setKnown((before) => ({
      ...before,
      ...Object.fromEntries(
        ids.map((id) => [id, options.get(id) ?? before[id] ?? 'Chosen person']),
      ),
    }));
    props.onChange(ids);
  };
  return (
    <MultiSelect
      label={props.label}
      placeholder="Type a name, email or employee id"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...options].map(([value, label]) => ({ value, label }))}
      value={props.value}
      onChange={choose}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody on the roster matches'}
      error={props.error}
    />
  );
}

/** One person of the roster, searched on the server as `PeoplePicker`. */
export function PersonPicker(props: {
  orgId: string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const found = useRosterSearch(props.orgId, search);
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = new Map<string, string>();
  if (props.value) options.set(props.value, known[props.value] ?? 'Chosen person');
  for (const p of found.data?.data ?? []) options.set(p.id, p.name);
  const choose = (id: string | null) => {
    if (id) setKnown((before) => ({ ...before, [id]: options.get(id) ?? 'Chosen person' }));
    props.onChange(id);
  };
  return (
    <Select
      label={props.label}
      placeholder="Type a name, email or employee id"
      required={props.required ?? false}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...options].map(([value, label]) => ({ value, label }))}
      value={props.value}
      onChange={choose}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody on the roster matches'}
      error={props.error}
    />
  );
}
