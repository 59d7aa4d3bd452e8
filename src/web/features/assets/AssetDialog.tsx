import {
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import {
  ASSET_KINDS,
  ASSET_KIND_LABELS,
  LIFECYCLE_STATUS_LABELS,
  CRITICALITY_LABELS,
  EPHI_ROLE_LABELS,
  PROTECTION_STATE_LABELS,
  CRITICALITIES,
  EPHI_ROLES,
  LIFECYCLE_STATUSES,
  PROTECTION_STATES,
  type Asset,
  type AssetBody,
} from '../../../contracts/assets';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { FormFooter } from '../../components/FormFooter';
import { useMemberOptions } from '../organizations/useMemberOptions';

/** The choices of a Select: each value with the label a person reads. */
const options = <K extends string>(values: readonly K[], labels: Record<K, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

function initial(asset: Asset | null): AssetBody {
  return asset
    ? {
        kind: asset.kind,
        name: asset.name,
        description: asset.description,
        ownerId: asset.owner?.id ?? null,
        location: asset.location,
        vendor: asset.vendor,
        ephiRoles: asset.ephiRoles,
        recordCount: asset.recordCount,
        criticality: asset.criticality,
        encryptionAtRest: asset.encryptionAtRest,
        encryptionInTransit: asset.encryptionInTransit,
        mfa: asset.mfa,
        backup: asset.backup,
        lifecycle: asset.lifecycle,
      }
    : { kind: 'application', name: '', ephiRoles: [], criticality: 'moderate' };
}

/** Adds an asset, or changes one. */
export function AssetDialog(props: { asset: Asset | null; onClose: () => void }) {
  const org = useActiveOrg();
  const members = useMemberOptions({
    activeOnly: true,
    able: 'assets.manage',
    current: props.asset?.owner,
  });
  const [form, setForm] = useState<AssetBody>(() => initial(props.asset));
  const set = (patch: Partial<AssetBody>) => setForm((f) => ({ ...f, ...patch }));
  const orgId = org?.orgId ?? '';
  const create = useApiMutation(api.assets.create, { onSuccess: props.onClose });
  const update = useApiMutation(api.assets.update, { onSuccess: props.onClose });
  const save = props.asset ? update : create;
  const errors = fieldErrors(save.error, { name: 'The name', recordCount: 'The record count' });
  const protection = (
    key: 'encryptionAtRest' | 'encryptionInTransit' | 'mfa' | 'backup',
    label: string,
  ) => (
    <Select
      label={label}
      data={options(PROTECTION_STATES, PROTECTION_STATE_LABELS)}
      value={form[key] ?? 'unknown'}
      onChange={(v) => set({ [key]: (v ?? 'unknown') as AssetBody[typeof key] })}
      allowDeselect={false}
    />
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.asset ? `Change ${props.asset.reference}` : 'Add an asset'}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (props.asset) {
            update.mutate([{ orgId, assetId: props.asset.id }, form]);
          } else {
            create.mutate([{ orgId }, form]);
          }
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label="Kind"
              data={ASSET_KINDS.map((k) => ({ value: k, label: ASSET_KIND_LABELS[k] }))}
              value={form.kind}
              onChange={(v) => set({ kind: v ?? 'application' })}
              allowDeselect={false}
            />
            <TextInput
              label="Name"
              withAsterisk
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={form.description ?? ''}
            onChange={(e) => set({ description: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Select
              label="Owner"
              data={members}
              value={form.ownerId ?? null}
              onChange={(v) => set({ ownerId: v })}
              clearable
              error={errors.ownerId}
            />
            <TextInput
              label="Location"
              value={form.location ?? ''}
              onChange={(e) => set({ location: e.currentTarget.value })}
            />
            <TextInput
              label="Vendor"
              value={form.vendor ?? ''}
              onChange={(e) => set({ vendor: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <MultiSelect
              label="ePHI role"
              description="Empty when it holds no ePHI"
              data={options(EPHI_ROLES, EPHI_ROLE_LABELS)}
              value={form.ephiRoles ?? []}
              onChange={(v) => set({ ephiRoles: v })}
              searchable
            />
            <NumberInput
              label="Approximate records"
              min={0}
              value={form.recordCount ?? ''}
              onChange={(v) => set({ recordCount: typeof v === 'number' ? v : null })}
              error={errors.recordCount}
            />
            <Select
              label="Criticality"
              data={options(CRITICALITIES, CRITICALITY_LABELS)}
              value={form.criticality ?? 'moderate'}
              onChange={(v) => set({ criticality: v ?? 'moderate' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {protection('encryptionAtRest', 'Encrypted at rest')}
            {protection('encryptionInTransit', 'Encrypted in transit')}
            {protection('mfa', 'MFA')}
            {protection('backup', 'Backup')}
            <Select
              label="Lifecycle"
              data={options(LIFECYCLE_STATUSES, LIFECYCLE_STATUS_LABELS)}
              value={form.lifecycle ?? 'active'}
              onChange={(v) => set({ lifecycle: v ?? 'active' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <FormFooter
              mutation={save}
              fieldErrors={errors}
              label={props.asset ? 'Save' : 'Add asset'}
              done="Saved."
            />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
