import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import {
  ASSET_KINDS,
  ASSET_KIND_LABELS,
  AssetQuerySchema,
  CRITICALITIES,
  CRITICALITY_LABELS,
  EPHI_ROLE_LABELS,
  type Asset,
} from '../../../contracts/assets';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { ExportButtons } from '../../components/ExportButtons';
import { PageHeader } from '../../components/PageHeader';
import { useFilterParams } from '../../app/useFilterParams';
import { EmptyState } from '../../components/EmptyState';
import { AssetDialog } from './AssetDialog';
import { FlowMap } from './FlowMap';
import { ImportDialog } from './ImportDialog';

const PROTECTION_COLORS: Record<string, string> = {
  yes: 'teal',
  partial: 'yellow',
  no: 'red',
  unknown: 'gray',
  not_applicable: 'gray',
};

function Protection({ label, value }: { label: string; value: string }) {
  if (value === 'not_applicable') return null;
  return (
    <Badge size="xs" variant="dot" color={PROTECTION_COLORS[value] ?? 'gray'}>
      {label}: {value}
    </Badge>
  );
}

function Inventory() {
  const org = useActiveOrg();
  const { params, set, filtered } = useFilterParams();
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // The filters come from the page's address: what the contract does not accept is left out.
  const filters = AssetQuerySchema.pick({ kind: true, criticality: true, ephi: true, q: true })
    .partial()
    .safeParse({
      kind: params.get('kind') ?? undefined,
      criticality: params.get('criticality') ?? undefined,
      ephi: params.get('ephi') ?? undefined,
      q: params.get('q') ?? undefined,
    });
  const query = { ...(filters.success ? filters.data : {}), limit: 200 };
  const orgId = org?.orgId;
  const list = useApiQuery(api.assets.list, orgId ? [{ orgId }, query] : null);
  const manage = can(org?.role, api.assets.create);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Group gap="md" align="end">
          <Select
            label="Kind"
            placeholder="Any"
            clearable
            data={ASSET_KINDS.map((k) => ({ value: k, label: ASSET_KIND_LABELS[k] }))}
            value={params.get('kind')}
            onChange={(v) => set('kind', v)}
            w={200}
          />
          <Select
            label="ePHI"
            placeholder="Any"
            clearable
            data={[
              { value: 'true', label: 'Handles ePHI' },
              { value: 'false', label: 'No ePHI' },
            ]}
            value={params.get('ephi')}
            onChange={(v) => set('ephi', v)}
            w={150}
          />
          <Select
            label="Criticality"
            placeholder="Any"
            clearable
            data={CRITICALITIES.map((c) => ({ value: c, label: CRITICALITY_LABELS[c] }))}
            value={params.get('criticality')}
            onChange={(v) => set('criticality', v)}
            w={140}
          />
          <TextInput
            label="Search"
            defaultValue={params.get('q') ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
            w={200}
          />
        </Group>
        <Group gap="xs">
          {orgId ? (
            <ExportButtons
              files={{
                csv: api.assets.exportCsv({ orgId }),
                xlsx: api.assets.exportXlsx({ orgId }),
              }}
            />
          ) : null}
          {manage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                Import
              </Button>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing('new')}
              >
                Add asset
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      <ScrollTable label="Assets" minWidth={720} stack verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Asset</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>ePHI</Table.Th>
            <Table.Th>Criticality</Table.Th>
            <Table.Th>Protections</Table.Th>
            <Table.Th>Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {manage ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() => setEditing(a)}
                  >
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {a.reference}
                    </Text>
                    {a.name}
                  </Anchor>
                ) : (
                  <Text size="sm">
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {a.reference}
                    </Text>
                    {a.name}
                  </Text>
                )}
                {a.location ? (
                  <Text size="xs" c="dimmed">
                    {a.location}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-label="Kind">
                <Text size="sm">{ASSET_KIND_LABELS[a.kind]}</Text>
              </Table.Td>
              <Table.Td data-label="ePHI">
                <Text size="sm">
                  {a.holdsEphi ? a.ephiRoles.map((r) => EPHI_ROLE_LABELS[r]).join(', ') : 'None'}
                </Text>
              </Table.Td>
              <Table.Td data-label="Criticality">
                <Text size="sm">{CRITICALITY_LABELS[a.criticality]}</Text>
              </Table.Td>
              <Table.Td data-label="Protections">
                <Group gap={4}>
                  <Protection label="At rest" value={a.encryptionAtRest} />
                  <Protection label="In transit" value={a.encryptionInTransit} />
                  <Protection label="MFA" value={a.mfa} />
                  <Protection label="Backup" value={a.backup} />
                </Group>
              </Table.Td>
              <Table.Td data-label="Owner">
                <Text size="sm">{a.owner?.name ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {list.data?.nextCursor ? (
        <Text c="dimmed" size="sm">
          Showing the first 200 assets: narrow the list with the filters, or export it.
        </Text>
      ) : null}
      {list.data?.data.length === 0 ? (
        <EmptyState filtered={filtered()} noun="asset">
          <Text fw={600}>No asset yet</Text>
          <Text size="sm">
            The inventory lists every system, device, service and place that creates, receives,
            maintains or transmits ePHI: the risk analysis starts from it (164.308(a)(1)(ii)(A)).
          </Text>
          {manage ? (
            <Text size="sm">
              Add them one by one with <b>Add asset</b>, or all at once with <b>Import</b> (CSV or
              XLSX; the dialog offers a template).
            </Text>
          ) : null}
        </EmptyState>
      ) : null}
      {editing ? (
        <AssetDialog asset={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}

/** The asset inventory and the data-flow map (164.308(a)(1)(ii)(A): where ePHI is). */
export function AssetsPage() {
  const org = useActiveOrg();
  const { params, set } = useFilterParams();
  if (!org) return <NoOrganization />;
  return (
    <>
      <PageHeader
        title="Assets"
        description="Every system, device, place and workflow that creates, receives, maintains or transmits ePHI, and how ePHI moves between them."
      />
      <Tabs
        value={params.get('view') ?? 'inventory'}
        onChange={(v) => set('view', v === 'map' ? 'map' : null)}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="inventory">Inventory</Tabs.Tab>
          <Tabs.Tab value="map">Data-flow map</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inventory">
          <Inventory />
        </Tabs.Panel>
        <Tabs.Panel value="map">{params.get('view') === 'map' ? <FlowMap /> : null}</Tabs.Panel>
      </Tabs>
    </>
  );
}
