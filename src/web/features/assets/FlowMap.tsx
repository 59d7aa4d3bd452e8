import '@xyflow/react/dist/style.css';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  Background,
  Controls,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { toPng } from 'html-to-image';
import { useMemo, useRef, useState } from 'react';
import {
  FLOW_ENCRYPTION,
  FLOW_ENCRYPTION_LABELS,
  type Asset,
  type DataFlow,
  type DataFlowBody,
} from '../../../contracts/assets';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAllAssets } from './useAllAssets';
import { countOf, plural } from '../../components/format';

// Columns of the map: end-user devices, the clinic's own infrastructure, applications, cloud services.
const COLUMN: Record<Asset['kind'], number> = {
  workstation: 0,
  mobile_device: 0,
  medical_device: 0,
  removable_media: 0,
  server: 1,
  network_device: 1,
  facility: 1,
  workflow: 1,
  application: 2,
  cloud_service: 3,
};

function layout(
  assets: readonly Asset[],
  flows: readonly DataFlow[],
): { nodes: Node[]; edges: Edge[] } {
  const used = new Set(flows.flatMap((f) => [f.from.id, f.to.id]));
  const shown = assets.filter((a) => used.has(a.id) || a.holdsEphi);
  const rows = [0, 0, 0, 0];
  const nodes: Node[] = shown.map((a) => {
    const column = COLUMN[a.kind];
    const row = rows[column] ?? 0;
    rows[column] = row + 1;
    return {
      id: a.id,
      position: { x: column * 380, y: row * 110 + (column === 1 ? 50 : 0) },
      data: { label: `${a.reference} ${a.name}` },
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      style: {
        width: 210,
        fontSize: 12,
        borderColor: a.holdsEphi ? '#1c7ed6' : '#adb5bd',
        borderWidth: a.holdsEphi ? 2 : 1,
      },
    };
  });
  const edges: Edge[] = flows.map((f) => {
    const color = f.exposed ? '#c92a2a' : f.encrypted === 'yes' ? '#2b8a3e' : '#868e96';
    return {
      id: f.id,
      source: f.from.id,
      target: f.to.id,
      label: f.reference,
      animated: f.exposed,
      markerEnd: { type: MarkerType.ArrowClosed, color },
      style: {
        stroke: color,
        strokeWidth: f.exposed ? 3 : 1.5,
        ...(f.encrypted === 'yes' ? {} : { strokeDasharray: '6 4' }),
      },
      // Explicit fills: the exported image cannot resolve the theme's CSS variables.
      labelBgStyle: { fill: '#ffffff' },
      labelStyle: { fill: f.exposed ? '#c92a2a' : '#495057', fontWeight: f.exposed ? 700 : 400 },
    };
  });
  return { nodes, edges };
}

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
  const graph = useMemo(
    () => layout(assets.data ?? [], flows.data?.data ?? []),
    [assets.data, flows.data],
  );
  const frame = useRef<HTMLDivElement>(null);
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

  const exportImage = async () => {
    if (!frame.current) return;
    const url = await toPng(frame.current, {
      backgroundColor: '#ffffff',
      filter: (node) =>
        !(node instanceof HTMLElement && node.classList.contains('react-flow__controls')),
    });
    const a = document.createElement('a');
    a.href = url;
    a.download = 'custos-data-flow-map.png';
    a.click();
  };

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
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Green: encrypted. Grey dashed: not known to be encrypted. Red: ePHI leaving the
          organization unencrypted. Blue borders mark assets with ePHI. Drag to rearrange; the
          layout is not saved.
        </Text>
        <Button
          variant="default"
          leftSection={<IconPhoto size={16} aria-hidden />}
          onClick={() => void exportImage()}
        >
          Export image
        </Button>
      </Group>
      <div
        ref={frame}
        style={{ height: 520, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        data-testid="flow-map"
      >
        <ReactFlow
          nodes={graph.nodes}
          edges={graph.edges}
          fitView
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
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
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Flow</Table.Th>
            <Table.Th>ePHI</Table.Th>
            <Table.Th>Protocol</Table.Th>
            <Table.Th>Encrypted</Table.Th>
            <Table.Th>Leaves the organization</Table.Th>
            {manage ? <Table.Th aria-label="Actions" /> : null}
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
                <Text size="sm" {...(f.exposed ? { c: 'red.9', fw: 700 } : {})}>
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
      </Table>
    </Stack>
  );
}
