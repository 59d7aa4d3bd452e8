import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceItem } from '../../../contracts/evidence';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useMemberOptions } from '../organizations/useMemberOptions';

const orNull = (value: string) => (value === '' ? null : value);

/** An item's details: title, description, its dates and its owner. */
export function EvidenceEditForm(props: { orgId: string; item: EvidenceItem }) {
  const { item } = props;
  const [form, setForm] = useState({
    title: item.title,
    description: item.description,
    url: item.url ?? '',
    collectedOn: item.collectedOn ?? '',
    effectiveFrom: item.effectiveFrom ?? '',
    effectiveTo: item.effectiveTo ?? '',
    refreshOn: item.refreshOn ?? '',
    ownerId: item.owner?.id ?? null,
  });
  const members = useMemberOptions({
    activeOnly: true,
    able: 'evidence.manage',
    current: item.owner,
  });
  const save = useApiMutation(api.evidence.update);
  const errors = fieldErrors(save.error, {});
  const date = (
    key: 'collectedOn' | 'effectiveFrom' | 'effectiveTo' | 'refreshOn',
    label: string,
  ) => (
    <TextInput
      type="date"
      label={label}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      error={errors[key]}
      miw={150}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate([
          { orgId: props.orgId, evidenceItemId: item.id },
          {
            title: form.title,
            description: form.description,
            ...(item.kind === 'link' ? { url: form.url } : {}),
            collectedOn: orNull(form.collectedOn),
            effectiveFrom: orNull(form.effectiveFrom),
            effectiveTo: orNull(form.effectiveTo),
            refreshOn: orNull(form.refreshOn),
            ownerId: form.ownerId,
          },
        ]);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Title"
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        {item.kind === 'link' ? (
          // A long address wraps rather than being cut off on a phone.
          <Textarea
            label="Address"
            required
            autosize
            minRows={1}
            value={form.url}
            onChange={(e) => setForm({ ...form, url: e.currentTarget.value })}
            error={errors.url}
          />
        ) : null}
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          error={errors.description}
        />
        <Group grow align="start" wrap="wrap">
          {date('collectedOn', 'Collected')}
          {date('refreshOn', 'Refresh by')}
        </Group>
        <Group grow align="start" wrap="wrap">
          {date('effectiveFrom', 'In effect from')}
          {date('effectiveTo', 'In effect until')}
        </Group>
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
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
