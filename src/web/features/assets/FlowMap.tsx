import { TONE } from '../../components/tones';
import { ScrollTable } from '../../components/ScrollTable';
import {
  Alert,
  Button,
  Checkbox,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  FLOW_ENCRYPTION,
  FLOW_ENCRYPTION_LABELS,
  type DataFlowBody,
} from '../../../contracts/assets';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FlowCanvas } from './FlowCanvas';
import { useAllAssets } from './useAllAssets';
import { countOf, plural } from '../../components/format';

const EMPTY: DataFlowBody = {
  fromAssetId: '',
  toAssetId: '',
  ephi: '',
  protocol: '',
  encrypted: 'unknown',
  external: false,
};

/** The interactive data-flow map, the flow list, and a form to add flows. */
export function FlowMap() {
  const org = useActiveOrg();
  const assets = useAllAssets();
  const orgId = org?.orgId;
  const flows = useApiQuery(api.assets.listFlows, orgId ? [{ orgId }] : null);
  const [form, setForm] = useState<DataFlowBody>(EMPTY);
  const add = useApiMutation(api.assets.createFlow, { onSuccess: () => setForm(EMPTY) });
  const remove = useApiMutation(api.assets.removeFlow);
  const errors = fieldErrors(add.error, {
    fromAssetId: 'The source',
    toAssetId: 'The destination',
  });
  const manage = can(org?.role, api.assets.createFlow);
  const choices = (assets.data ?? []).map((a) => ({
    value: a.id,
    label: `${a.reference} ${a.name}`,
  }));
  const exposed = (flows.data?.data ?? []).filter((f) => f.exposed);

  return (
    <Stack gap="md">
      {assets.isError ? <ErrorNotice error={assets.error} /> : null}
      {exposed.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title={`${countOf(exposed.length, 'flow')} ${plural(exposed.length, 'sends', 'send')} ePHI outside the organization unencrypted`}
        >
          {exposed
            .map(
              (f) =>
                `${f.reference}: ${f.from.name} → ${f.to.name} (${f.protocol || 'protocol not recorded'})`,
            )
            .join('; ')}
          . Encryption in transit is addressable under 164.312(e)(2)(ii): encrypt, or record why
          not.
        </Alert>
      ) : null}
      {orgId && assets.data && flows.data ? (
        <FlowCanvas orgId={orgId} assets={assets.data} flows={flows.data.data} manage={manage} />
      ) : null}
      {manage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate([{ orgId: orgId ?? '' }, form]);
          }}
        >
          <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm">
            <Select
              label="From"
              data={choices}
              value={form.fromAssetId || null}
              onChange={(v) => setForm({ ...form, fromAssetId: v ?? '' })}
              searchable
              error={errors.fromAssetId}
            />
            <Select
              label="To"
              data={choices}
              value={form.toAssetId || null}
              onChange={(v) => setForm({ ...form, toAssetId: v ?? '' })}
              searchable
              error={errors.toAssetId}
            />
            <TextInput
              label="ePHI"
              placeholder="What moves"
              value={form.ephi ?? ''}
              onChange={(e) => setForm({ ...form, ephi: e.currentTarget.value })}
            />
            <TextInput
              label="Protocol"
              value={form.protocol ?? ''}
              onChange={(e) => setForm({ ...form, protocol: e.currentTarget.value })}
            />
            <Select
              label="Encrypted"
              data={FLOW_ENCRYPTION.map((e) => ({ value: e, label: FLOW_ENCRYPTION_LABELS[e] }))}
              value={form.encrypted ?? 'unknown'}
              onChange={(v) =>
                setForm({ ...form, encrypted: (v ?? 'unknown') as DataFlowBody['encrypted'] })
              }
              allowDeselect={false}
            />
            <Stack gap={6} justify="end">
              <Checkbox
                label="Leaves the organization"
                checked={form.external ?? false}
                onChange={(e) => setForm({ ...form, external: e.currentTarget.checked })}
              />
              <Button type="submit" size="xs" loading={add.isPending}>
                Add flow
              </Button>
            </Stack>
          </SimpleGrid>
          {add.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert" mt="xs">
              {add.error.message}
            </Alert>
          ) : null}
        </form>
      ) : null}
      <ScrollTable label="Data flows" minWidth={640} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Flow</Table.Th>
            <Table.Th>ePHI</Table.Th>
            <Table.Th>Protocol</Table.Th>
            <Table.Th>Encrypted</Table.Th>
            <Table.Th>Leaves the organization</Table.Th>
            {manage ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(flows.data?.data ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Text size="sm">
                  <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                    {f.reference}
                  </Text>
                  {f.from.name} → {f.to.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.ephi || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.protocol || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{FLOW_ENCRYPTION_LABELS[f.encrypted]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" {...(f.exposed ? { c: TONE.danger, fw: 700 } : {})}>
                  {f.external ? (f.exposed ? 'Yes, unencrypted' : 'Yes') : 'No'}
                </Text>
              </Table.Td>
              {manage ? (
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={`Remove ${f.reference}`}
                    onClick={() => remove.mutate([{ orgId: orgId ?? '', flowId: f.id }])}
                  >
                    <IconTrash size={14} aria-hidden />
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}
