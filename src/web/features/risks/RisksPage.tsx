import { TONE } from '../../components/tones';
import { ScrollTable } from '../../components/ScrollTable';
import {
  Anchor,
  Button,
  Drawer,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import {
  RiskQuerySchema,
  TREATMENTS,
  TREATMENT_LABELS,
  acceptancePending,
} from '../../../contracts/risks';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { ExportButtons } from '../../components/ExportButtons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/EmptyState';
import { countOf, formatDate } from '../../components/format';
import { useFilterParams } from '../../app/useFilterParams';
import { HeatMapGrid, Trend } from './HeatMap';
import { RiskForm } from './RiskForm';
import { EvidenceCard } from '../../components/EvidenceCard';
import { LevelBadge } from './LevelBadge';

function RiskDrawer(props: {
  riskId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  if (props.riskId === 'new') {
    return (
      <Drawer opened onClose={props.onClose} position="right" size="xl" title="Add a risk">
        <RiskForm risk={null} onSaved={(r) => props.onCreated(r.id)} />
      </Drawer>
    );
  }
  return <ExistingRiskDrawer riskId={props.riskId} onClose={props.onClose} />;
}

function ExistingRiskDrawer({ riskId, onClose }: { riskId: string; onClose: () => void }) {
  const orgId = useActiveOrg()?.orgId;
  const risk = useApiQuery(api.risks.get, orgId ? [{ orgId, riskId }] : null);
  const r = risk.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={r ? `${r.reference} ${r.title}` : 'Risk'}
    >
      {risk.isError ? <ErrorNotice error={risk.error} /> : null}
      {r ? (
        <Stack gap="lg">
          <RiskForm key={r.id} risk={r} onSaved={() => undefined} />
          <EvidenceCard
            record={{ type: 'risk', id: r.id }}
            links={r.links.filter((l) => l.type === 'evidence')}
            title="Evidence"
            description="What shows how the risk is treated: reports, settings, test results."
          />
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** The living risk register (164.308(a)(1)(ii)(B)) with its heat maps and trend. */
export function RisksPage() {
  const org = useActiveOrg();
  const { params, set, filtered } = useFilterParams();
  // The filters come from the page's address: what the contract does not accept is left out.
  const status = params.get('status');
  const filters = RiskQuerySchema.pick({ status: true, level: true, treatment: true, q: true })
    .partial()
    .safeParse({
      status: status === 'all' ? undefined : (status ?? 'open'),
      level: params.get('level') ?? undefined,
      treatment: params.get('treatment') ?? undefined,
      q: params.get('q') ?? undefined,
    });
  const query = { ...(filters.success ? filters.data : { status: 'open' as const }), limit: 200 };
  const orgId = org?.orgId;
  const list = useApiQuery(api.risks.list, orgId ? [{ orgId }, query] : null);
  const summary = useApiQuery(api.riskAssessments.summary, orgId ? [{ orgId }] : null);
  if (!org) return <NoOrganization />;
  const levels = summary.data?.heatMap.matrix.levels ?? [];
  const openRisk = params.get('risk');
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Risk register"
          description="Every risk to ePHI with its rating, treatment and owner. Assessments freeze it for the record; here it stays current."
        />
        <Group gap="xs">
          <Button component={Link} to="/risk-assessments" variant="default">
            Assessments
          </Button>
          {can(org.role, api.risks.create) ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => set('risk', 'new')}
            >
              Add risk
            </Button>
          ) : null}
        </Group>
      </Group>
      <Stack gap="lg">
        {summary.isError ? <ErrorNotice error={summary.error} /> : null}
        {summary.data ? (
          <Paper withBorder p="md">
            <Stack gap="lg">
              <Group gap={48} align="start">
                <HeatMapGrid
                  title="Inherent risk (open)"
                  data={summary.data.heatMap}
                  counts={summary.data.heatMap.inherent}
                  onPick={(l) => set('level', String(l))}
                />
                <HeatMapGrid
                  title="Residual risk (open)"
                  data={summary.data.heatMap}
                  counts={summary.data.heatMap.residual}
                />
              </Group>
              <Trend trend={summary.data.trend} />
              {summary.data.heatMap.unrated > 0 ? (
                <Text size="sm" c={TONE.warning}>
                  {countOf(summary.data.heatMap.unrated, 'open risk')} not rated yet.
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ) : null}
        <Group justify="space-between" align="end">
          <Group gap="md" align="end">
            <Select
              label="Status"
              data={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Closed' },
                { value: 'all', label: 'All' },
              ]}
              value={params.get('status') ?? 'open'}
              onChange={(v) => set('status', v === 'open' ? null : v)}
              allowDeselect={false}
              w={120}
            />
            <Select
              label="Level"
              placeholder="Any"
              clearable
              data={levels.map((l, i) => ({ value: String(i), label: l.label }))}
              value={params.get('level')}
              onChange={(v) => set('level', v)}
              w={150}
            />
            <Select
              label="Treatment"
              placeholder="Any"
              clearable
              data={[
                ...TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] })),
                { value: 'none', label: 'Not decided' },
              ]}
              value={params.get('treatment')}
              onChange={(v) => set('treatment', v)}
              w={150}
            />
            <TextInput
              label="Search"
              defaultValue={params.get('q') ?? ''}
              onChange={(e) => set('q', e.currentTarget.value)}
              w={200}
            />
          </Group>
          <Group gap="xs">
            <ExportButtons
              files={{
                csv: api.risks.exportCsv({ orgId: org.orgId }),
                xlsx: api.risks.exportXlsx({ orgId: org.orgId }),
              }}
            />
          </Group>
        </Group>
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        <ScrollTable label="Risks" minWidth={760} stack verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Risk</Table.Th>
              <Table.Th>Assets</Table.Th>
              <Table.Th>Inherent</Table.Th>
              <Table.Th>Treatment</Table.Th>
              <Table.Th>Residual</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Next review</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => set('risk', r.id)}
                    ta="left"
                  >
                    <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                      {r.reference}
                    </Text>
                    {r.title}
                  </Anchor>
                  {r.threat ? (
                    <Text size="xs" c="dimmed">
                      {r.threat.title}
                      {r.vulnerability ? ` · ${r.vulnerability.title}` : ''}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-label="Assets">
                  <Text size="sm">{r.assets.map((a) => a.name).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td data-label="Inherent">
                  <LevelBadge level={r.inherentLevel} />
                </Table.Td>
                <Table.Td data-label="Treatment">
                  <Text size="sm">
                    {r.treatment ? TREATMENT_LABELS[r.treatment] : '—'}
                    {r.acceptance ? ` until ${formatDate(r.acceptance.expiresOn)}` : ''}
                    {acceptancePending(r) ? ' (pending approval)' : ''}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Residual">
                  {r.residualLevel ? (
                    <LevelBadge level={r.residualLevel} />
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
                <Table.Td data-label="Owner">
                  <Text size="sm">{r.owner?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td data-label="Next review">
                  <Text size="sm">{formatDate(r.nextReviewOn)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data?.nextCursor ? (
          <Text c="dimmed" size="sm">
            Showing the first 200 risks: narrow the list with the filters, or export it.
          </Text>
        ) : null}
        {list.data?.data.length === 0 ? (
          <EmptyState filtered={filtered(['view', 'risk'])} noun="risk">
            <Text fw={600}>No risk yet</Text>
            <Text size="sm">
              The register holds each threat to ePHI, the vulnerability it exploits, its likelihood
              and impact, and how it is treated. Risk assessments add risks asset by asset.
            </Text>
            {can(org.role, api.risks.create) ? (
              <Text size="sm">
                Start a risk assessment, or add a risk here with <b>Add risk</b>.
              </Text>
            ) : null}
          </EmptyState>
        ) : null}
      </Stack>
      {openRisk ? (
        <RiskDrawer
          riskId={openRisk}
          onClose={() => set('risk', null)}
          onCreated={(id) => set('risk', id)}
        />
      ) : null}
    </>
  );
}
